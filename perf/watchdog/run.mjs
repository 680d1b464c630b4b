// perf/watchdog: what timing plugin code costs. A host hands out a plugin's contribution with each function
// run through the watchdog (two Atomics.stores and a depth count per call), and starts the watchdog thread
// when it loads the first plugin main module. Measured here, in one process, against the same plugin code
// called directly:
// - a call: a model function that returns at once, called 1,000,000 times guarded and unguarded (ns per call);
// - a scored assessment: scoreAssessment with a plugin model that is the built-in weighted mean, guarded
//   and unguarded (µs per assessment), since `cohesion score --peers` calls the model once per assessment;
// - the thread: the main thread's time to start it (the first host.contribution) and to stop it (dispose).
// Usage: node perf/watchdog/run.mjs   (after `npm run build`). Writes perf/results/watchdog.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { collectGarbage, median, scoring } from "../scoring/harness.mjs";
import { makeBenchmark, makeData } from "../scoring/fixture.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { createHost } = await import(pathToFileURL(join(root, "packages/core/dist/index.js")).href);
const { scoreAssessment, scoringModelsPoint, weightedMean } = scoring;
const CALLS = 1_000_000;
const ASSESSMENTS = 10_000;
const ROUNDS = 7;

// A plugin whose model is the built-in weighted mean under its own id, and has a function that does nothing.
const dir = mkdtempSync(join(tmpdir(), "cohesion-perf-watchdog-"));
const plugin = join(dir, "plugin");
mkdirSync(plugin);
writeFileSync(
  join(plugin, "package.json"),
  JSON.stringify({
    name: "perf-plugin",
    version: "1.0.0",
    type: "module",
    cohesion: { kind: "plugin-manifest", schemaVersion: "1.0", id: "perf", manifestVersion: 1, engines: { cohesion: "^0.1.0" }, main: "./main.js", contributes: { scoringModels: [{ id: "perf.mean", title: "Mean" }] } },
  }),
);
writeFileSync(
  join(plugin, "main.js"),
  `export let registered;
export function activate(context) {
  registered = { ...globalThis.perfModel, id: "perf.mean", nothing(x) { return x; } };
  context.register("scoringModels", registered);
}`,
);
globalThis.perfModel = weightedMean;

const host = createHost({ discover: false, points: [scoringModelsPoint] });
host.addPlugin(plugin);
let started = performance.now();
const guarded = await host.contribution(scoringModelsPoint, "perf.mean");
const firstContributionMs = performance.now() - started;
if (!guarded) throw new Error(JSON.stringify(host.plugin("perf")?.problems));
// The same plugin object, as the plugin registered it: what a host without the watchdog would hand out.
const { registered: raw } = await import(pathToFileURL(join(plugin, "main.js")).href);
const unguarded = scoringModelsPoint.check(raw).value;

function perCall(model) {
  collectGarbage();
  let sum = 0;
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) sum += model.nothing(i);
  if (sum !== (CALLS * (CALLS - 1)) / 2) throw new Error("wrong sum");
  return ((performance.now() - start) * 1e6) / CALLS;
}
const benchmark = makeBenchmark();
const { assessments } = makeData(benchmark, ASSESSMENTS);
function perAssessment(model) {
  collectGarbage();
  const start = performance.now();
  for (const assessment of assessments) if (!scoreAssessment(assessment, benchmark, { model }).ok) throw new Error("not scored");
  return ((performance.now() - start) * 1e3) / ASSESSMENTS;
}
const rounds = { callGuarded: [], callDirect: [], scoreGuarded: [], scoreDirect: [] };
for (let round = 0; round < ROUNDS; round++) {
  rounds.callDirect.push(perCall(unguarded));
  rounds.callGuarded.push(perCall(guarded));
  rounds.scoreDirect.push(perAssessment(unguarded));
  rounds.scoreGuarded.push(perAssessment(guarded));
}
started = performance.now();
await host.dispose();
const disposeMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });

const m = Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)]));
const result = {
  rounds: ROUNDS,
  callNs: { direct: +m.callDirect.toFixed(1), guarded: +m.callGuarded.toFixed(1), added: +(m.callGuarded - m.callDirect).toFixed(1) },
  scoredAssessmentUs: { direct: +m.scoreDirect.toFixed(2), guarded: +m.scoreGuarded.toFixed(2), ratio: +(m.scoreGuarded / m.scoreDirect).toFixed(3) },
  firstContributionMs: Math.round(firstContributionMs),
  disposeMs: Math.round(disposeMs),
};
mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/watchdog.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
console.log(`a guarded call adds ${result.callNs.added} ns; a scored assessment takes ${result.scoredAssessmentUs.ratio}× its unguarded time`);
