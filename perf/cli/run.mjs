// perf/cli: cold start of the built `cohesion` binary as ratios to `node -e 0`, measured in the same run
// (best of several runs each, interleaved so that a busy machine weighs on both sides alike).
// Usage: node perf/cli/run.mjs [--runs 15]   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "packages/cli/dist/bin.js");
const valid = join(root, "examples/valid/scale.json"); // about 2 KB
const assessment = join(root, "examples/assessments/eurocities-athens-kypseli.json");

const cases = {
  baseline: ["-e", "0"],
  version: [bin, "--version"],
  help: [bin, "--help"],
  validate: [bin, "validate", valid],
  score: [bin, "score", assessment],
};
const goals = { version: 1.5, help: 1.5, validate: 2.5, score: 3 };
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, argv] of Object.entries(cases)) {
    const start = performance.now();
    const ran = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    times[name].push(performance.now() - start);
    if (ran.status !== 0) throw new Error(`${name} exited ${ran.status}: ${ran.stderr}`);
  }
}
// The median rather than the best: one lucky run of either side should not decide the ratio.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.baseline);
const result = { runs: RUNS, baselineMs: Math.round(base), commands: {} };
for (const name of Object.keys(goals)) {
  const ms = median(times[name]);
  result.commands[name] = { ms: Math.round(ms), ratio: Math.round((ms / base) * 100) / 100, goal: goals[name] };
}
mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/cli.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
for (const [name, r] of Object.entries(result.commands)) console.log(`cohesion ${name}: ${r.ratio}× node -e 0 (goal ≤ ${r.goal}×)`);
