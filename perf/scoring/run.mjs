// Scoring throughput: the built @cohesion/scoring against a hand-written single-pass loop that
// computes the same weighted means, in the same process. Writes perf/results/scoring.json.
// Four engine paths, each scoring every assessment and then computing peer statistics:
// - full: scoreAssessment with traces down to sub-questions, then createPeerIndex and a position per report;
// - compact: scoreAssessment at key-factor detail without traces, the same peers;
// - bulk: createScorer once, scorer.scoreAll into a score table (columns, no report objects), then
//   createPeerIndex over the table and every subject's rank at once (index.ranks());
// - bulkValidated: the same, with `validated: true` (the caller validated the documents, as the CLI does).
// Each path runs in a process of its own (./path.mjs), as a program uses one of them: code the JIT
// optimised for one path's objects is then not measured on another's.
// Build first: (cd packages/scoring && npx tsup), and schema/model likewise if their dist is missing.
// perf/scoring/scale.mjs measures 100,000 full reports streamed as NDJSON and peer ranking at 10,000 vs 100,000 subjects.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CLOCK, countSetting, MODULE } from "./harness.mjs";
import { KEY_FACTORS, makeBenchmark, questionIds } from "./fixture.mjs";

// Checked here too, so that a bad value is said once, before any path starts.
const ASSESSMENTS = countSetting("SCORING_PERF_ASSESSMENTS", 10_000);
const ROUNDS = countSetting("SCORING_PERF_ROUNDS", 7);
const script = fileURLToPath(new URL("./path.mjs", import.meta.url));

function runPath(path) {
  const ran = spawnSync(process.execPath, [script, path], { encoding: "utf8", env: process.env, maxBuffer: 1 << 24 });
  if (ran.status !== 0) throw new Error(`perf/scoring/path.mjs ${path} failed:\n${ran.stderr}`);
  return JSON.parse(ran.stdout.trim().split("\n").pop());
}

const paths = Object.fromEntries(["full", "compact", "bulk", "bulkValidated"].map((path) => [path, runPath(path)]));
const perSecond = (ms) => Math.round((ASSESSMENTS / ms) * 1000);
const { full, compact, bulk, bulkValidated } = paths;
const result = {
  benchmark: { keyFactors: KEY_FACTORS, questions: questionIds(makeBenchmark()).length, assessments: ASSESSMENTS, rounds: ROUNDS },
  node: process.version,
  data: process.env.SCORING_DATA === "json" ? "json" : "built key by key",
  module: MODULE,
  clock: CLOCK,
  // Per path: the loop's, the scoring's and the peer statistics' median times.
  medianMs: Object.fromEntries(Object.entries(paths).map(([path, run]) => [path, run.medianMs])),
  throughputPerSecond: {
    fullReports: perSecond(full.medianMs.score),
    fullReportsAndPeers: perSecond(full.medianMs.score + full.medianMs.peers),
    compactReports: perSecond(compact.medianMs.score),
    compactReportsAndPeers: perSecond(compact.medianMs.score + compact.medianMs.peers),
    bulkTable: perSecond(bulk.medianMs.score),
    bulkTableAndPeers: perSecond(bulk.medianMs.score + bulk.medianMs.peers),
    bulkValidatedTableAndPeers: perSecond(bulkValidated.medianMs.score + bulkValidated.medianMs.peers),
  },
  goals: { bulkTableAndPeers: 0.5, fullReports: 0.1 },
  // Median over rounds of (the loop's time / the engine's time in the same round).
  ratio: {
    fullReports: full.ratio.score,
    fullReportsAndPeers: full.ratio.scoreAndPeers,
    compactReports: compact.ratio.score,
    compactReportsAndPeers: compact.ratio.scoreAndPeers,
    bulkTable: bulk.ratio.score,
    bulkTableAndPeers: bulk.ratio.scoreAndPeers,
    bulkValidatedTableAndPeers: bulkValidated.ratio.scoreAndPeers,
  },
  maxDifferenceFromBaseline: Object.fromEntries(Object.entries(paths).map(([path, run]) => [path, run.maxDifferenceFromBaseline])),
};

const { ratio, throughputPerSecond: rate } = result;
const line = (label, value) => console.log(`  ${label.padEnd(44)}${String(value).padStart(10)} assessments/s`);
console.log(`Scoring ${ASSESSMENTS} assessments of ${KEY_FACTORS} key factors (${result.benchmark.questions} questions each, ${result.data}), each path in its own process, median of ${ROUNDS} rounds, ${CLOCK} time, Node ${process.version}, ${MODULE}`);
line("hand-written weighted-mean loop (bulk run)", perSecond(bulk.medianMs.baseline));
line("engine, full reports (traces, questions)", rate.fullReports);
line("engine, full reports + peer statistics", rate.fullReportsAndPeers);
line("engine, compact reports (key factors)", rate.compactReports);
line("engine, compact reports + peer statistics", rate.compactReportsAndPeers);
line("engine, bulk score table (createScorer)", rate.bulkTable);
line("engine, bulk score table + peer ranks", rate.bulkTableAndPeers);
line("  the same, documents validated beforehand", rate.bulkValidatedTableAndPeers);
const show = (label, value, goal) => console.log(`  ratio to the loop, ${label.padEnd(34)}${value.toFixed(3)}x${goal ? ` (goal >= ${goal}x)` : ""}`);
show("full reports", ratio.fullReports, 0.1);
show("full reports + peers", ratio.fullReportsAndPeers);
show("compact reports", ratio.compactReports);
show("compact reports + peers", ratio.compactReportsAndPeers);
show("bulk table", ratio.bulkTable);
show("bulk table + peer ranks", ratio.bulkTableAndPeers, 0.5);
show("  documents validated beforehand", ratio.bulkValidatedTableAndPeers, 0.5);
console.log(`  engine and loop agree on every score (max difference: ${Object.entries(result.maxDifferenceFromBaseline).map(([path, worst]) => `${path} ${worst}`).join(", ")})`);
const out = fileURLToPath(new URL(`../results/${process.env.SCORING_RESULT ?? "scoring"}.json`, import.meta.url));
mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`  written to ${out}`);
