// Scoring throughput: the built @cohesion/scoring against a hand-written single-pass loop that
// computes the same weighted means, in the same run. Writes perf/results/scoring.json.
// Three engine paths, each scoring every assessment and then computing peer statistics:
// - full: scoreAssessment with traces down to sub-questions, then createPeerIndex and a position per report;
// - compact: scoreAssessment at key-factor detail without traces, the same peers;
// - bulk: createScorer once, scorer.scoreAll into a score table (columns, no report objects), then
//   createPeerIndex over the table and every subject's rank at once (index.ranks()).
// Build first: (cd packages/scoring && npx tsup), and schema/model likewise if their dist is missing.
// perf/scoring/scale.mjs measures 100,000 full reports streamed as NDJSON and peer ranking at 10,000 vs 100,000 subjects.
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { collectGarbage, median, MODULE, scoring } from "./harness.mjs";
import { compileBaseline, KEY_FACTORS, makeBenchmark, makeData } from "./fixture.mjs";

// SCORING_MODULE measures another build of the engine with this same harness (see ./harness.mjs).
const { createPeerIndex, createScorer, keyFactorNodes, scoreAssessment } = scoring;

const ASSESSMENTS = Number(process.env.SCORING_PERF_ASSESSMENTS ?? 10_000);
const ROUNDS = Number(process.env.SCORING_PERF_ROUNDS ?? 5);

// The clock: CPU time of this process (every thread, the garbage collector's helpers included) by
// default, as the machine is shared and wall time counts the waits for a core; SCORING_CLOCK=wall for wall time.
const CLOCK = process.env.SCORING_CLOCK === "wall" ? "wall" : "cpu";
const now = CLOCK === "wall" ? () => performance.now() : () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function time(fn) {
  collectGarbage();
  const start = now();
  const value = fn();
  return { ms: now() - start, value };
}

const benchmark = makeBenchmark();
// The answers objects are built key by key, which leaves them in V8's dictionary mode (as documents
// built in code often are); SCORING_DATA=json passes every document through JSON text first, giving
// the objects JSON.parse makes (documents read from files). The loop reads the same objects.
const made = makeData(benchmark, ASSESSMENTS);
const { assessments, places } = process.env.SCORING_DATA === "json" ? JSON.parse(JSON.stringify(made)) : made;
const { questionCount } = made;
const baseline = compileBaseline(benchmark);

// full: every node with its trace, down to sub-questions. compact: key factors and up, no traces.
const MODES = { full: { explain: true, detail: "questions" }, compact: { explain: false, detail: "key-factors" } };

function runEngine(mode) {
  const reports = new Array(assessments.length);
  for (let i = 0; i < assessments.length; i++) {
    const result = scoreAssessment(assessments[i], benchmark, MODES[mode]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.errors.slice(0, 3)));
    reports[i] = result.report;
  }
  return reports;
}

// Full scoring of everything, then peer statistics over the reports: what a network's dashboard does.
function runEngineAndPeers(mode) {
  const scored = time(() => runEngine(mode));
  const peers = time(() => runPeers(scored.value));
  return { scoreMs: scored.ms, peersMs: peers.ms, reports: scored.value };
}

function runPeers(reports) {
  const index = createPeerIndex(reports, { places });
  if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
  let ranked = 0;
  for (const report of reports) {
    const position = index.report.position(report.assessment.id);
    if (!position.ok) throw new Error("no position");
    ranked += position.report.peers.groups.length;
  }
  return ranked;
}

function runBaseline() {
  const results = new Array(assessments.length);
  for (let i = 0; i < assessments.length; i++) results[i] = baseline(assessments[i].answers);
  return results;
}

// The bulk path: a scorer made once per run, a score table, peers over the table.
// `validated`: the caller has validated the assessments and places (as the CLI does before it scores),
// so the engine does not check them against their schemas again.
function runBulk(validated = false) {
  const scorer = createScorer(benchmark, { ...MODES.compact, validated });
  if (!scorer.ok) throw new Error(JSON.stringify(scorer.errors.errors.slice(0, 3)));
  const scored = time(() => {
    const table = scorer.report.scoreAll(assessments);
    if (!table.ok || table.report.errors.size > 0) throw new Error("the bulk path did not score every assessment");
    return table.report;
  });
  const peers = time(() => {
    const index = createPeerIndex(scored.value, { places, validated });
    if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
    const ranks = index.report.ranks();
    if (ranks.subjects.length !== assessments.length) throw new Error("not every subject was ranked");
    return ranks;
  });
  return { scoreMs: scored.ms, peersMs: peers.ms, table: scored.value, ranks: peers.value };
}

// Largest difference between the engine's scores and the loop's, overall and per key factor.
function differenceFromBaseline(overallOf, keyFactorsOf, b) {
  let worst = 0;
  for (let i = 0; i < assessments.length; i++) {
    worst = Math.max(worst, Math.abs(overallOf(i) - b[i].overall));
    const keyFactors = keyFactorsOf(i);
    if (keyFactors.length !== b[i].keyFactorScores.length) return Infinity;
    keyFactors.forEach((s, j) => (worst = Math.max(worst, Math.abs(s - b[i].keyFactorScores[j]))));
  }
  return worst;
}

function reportKeyFactors(report) {
  return keyFactorNodes(report.overall).map((node) => node.score);
}

// Each engine path is timed right after a run of the baseline, and its ratio taken against that run:
// on a shared machine the load changes from one second to the next, and a ratio of two runs made
// side by side is steadier than a ratio of medians taken apart. Figures are the median over rounds.
const rounds = { baseline: [], scoreFull: [], peersFull: [], scoreCompact: [], peersCompact: [], scoreBulk: [], peersBulk: [], scoreBulkValidated: [], peersBulkValidated: [] };
const ratios = { fullReports: [], fullReportsAndPeers: [], compactReports: [], compactReportsAndPeers: [], bulkTable: [], bulkTableAndPeers: [], bulkValidatedTableAndPeers: [] };
const check = {};
for (let round = 0; round < ROUNDS + 1; round++) {
  const b = time(runBaseline);
  const full = runEngineAndPeers("full");
  if (round === 0) {
    // The engine and the baseline must agree on every overall and key factor score, on every path.
    check.full = differenceFromBaseline((i) => full.reports[i].overall.score, (i) => reportKeyFactors(full.reports[i]), b.value);
    full.reports = undefined;
    const compact = runEngineAndPeers("compact");
    check.compact = differenceFromBaseline((i) => compact.reports[i].overall.score, (i) => reportKeyFactors(compact.reports[i]), b.value);
    compact.reports = undefined;
    const bulk = runBulk();
    const { table } = bulk;
    const width = table.keyFactors.length;
    check.bulk = differenceFromBaseline((i) => table.overall[i], (i) => Array.from(table.keyFactorScores.subarray(i * width, (i + 1) * width)), b.value);
    const validated = runBulk(true).table;
    check.bulkValidated = differenceFromBaseline((i) => validated.overall[i], (i) => Array.from(validated.keyFactorScores.subarray(i * width, (i + 1) * width)), b.value);
    // The engine rounds every node to 9 decimals (the decision rule), so a few billionths apart is agreement.
    for (const [path, worst] of Object.entries(check)) if (!(worst <= 1e-8)) throw new Error(`engine (${path}) and baseline disagree by ${worst}`);
    continue; // the first round warms the JIT up
  }
  rounds.baseline.push(b.ms);
  rounds.scoreFull.push(full.scoreMs);
  rounds.peersFull.push(full.peersMs);
  ratios.fullReports.push(b.ms / full.scoreMs);
  ratios.fullReportsAndPeers.push(b.ms / (full.scoreMs + full.peersMs));
  full.reports = undefined;
  const b2 = time(runBaseline);
  const compact = runEngineAndPeers("compact");
  rounds.baseline.push(b2.ms);
  rounds.scoreCompact.push(compact.scoreMs);
  rounds.peersCompact.push(compact.peersMs);
  ratios.compactReports.push(b2.ms / compact.scoreMs);
  ratios.compactReportsAndPeers.push(b2.ms / (compact.scoreMs + compact.peersMs));
  compact.reports = undefined;
  const b3 = time(runBaseline);
  const bulk = runBulk();
  rounds.baseline.push(b3.ms);
  rounds.scoreBulk.push(bulk.scoreMs);
  rounds.peersBulk.push(bulk.peersMs);
  ratios.bulkTable.push(b3.ms / bulk.scoreMs);
  ratios.bulkTableAndPeers.push(b3.ms / (bulk.scoreMs + bulk.peersMs));
  const b4 = time(runBaseline);
  const validated = runBulk(true);
  rounds.baseline.push(b4.ms);
  rounds.scoreBulkValidated.push(validated.scoreMs);
  rounds.peersBulkValidated.push(validated.peersMs);
  ratios.bulkValidatedTableAndPeers.push(b4.ms / (validated.scoreMs + validated.peersMs));
}

const perSecond = (ms) => Math.round((assessments.length / ms) * 1000);
const ms = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, median(v)]));
const ratio = Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, median(v)]));
const result = {
  benchmark: { keyFactors: KEY_FACTORS, questions: questionCount, assessments: assessments.length, rounds: ROUNDS },
  node: process.version,
  data: process.env.SCORING_DATA === "json" ? "json" : "built key by key",
  module: MODULE,
  clock: CLOCK,
  medianMs: ms,
  throughputPerSecond: {
    baselineLoop: perSecond(ms.baseline),
    fullReports: perSecond(ms.scoreFull),
    fullReportsAndPeers: perSecond(ms.scoreFull + ms.peersFull),
    compactReports: perSecond(ms.scoreCompact),
    compactReportsAndPeers: perSecond(ms.scoreCompact + ms.peersCompact),
    bulkTable: perSecond(ms.scoreBulk),
    bulkTableAndPeers: perSecond(ms.scoreBulk + ms.peersBulk),
    bulkValidatedTableAndPeers: perSecond(ms.scoreBulkValidated + ms.peersBulkValidated),
  },
  goals: { bulkTableAndPeers: 0.5, fullReports: 0.1 },
  ratio,
  maxDifferenceFromBaseline: check,
};

const line = (label, value) => console.log(`  ${label.padEnd(44)}${String(value).padStart(10)} assessments/s`);
console.log(`Scoring ${assessments.length} assessments of ${KEY_FACTORS} key factors (${questionCount} questions each, ${result.data}), median of ${ROUNDS} rounds, ${CLOCK} time, Node ${process.version}, ${MODULE}`);
line("hand-written weighted-mean loop", result.throughputPerSecond.baselineLoop);
line("engine, full reports (traces, questions)", result.throughputPerSecond.fullReports);
line("engine, full reports + peer statistics", result.throughputPerSecond.fullReportsAndPeers);
line("engine, compact reports (key factors)", result.throughputPerSecond.compactReports);
line("engine, compact reports + peer statistics", result.throughputPerSecond.compactReportsAndPeers);
line("engine, bulk score table (createScorer)", result.throughputPerSecond.bulkTable);
line("engine, bulk score table + peer ranks", result.throughputPerSecond.bulkTableAndPeers);
line("  the same, documents validated beforehand", result.throughputPerSecond.bulkValidatedTableAndPeers);
const show = (label, value, goal) => console.log(`  ratio to the loop, ${label.padEnd(30)}${value.toFixed(3)}x${goal ? ` (goal >= ${goal}x)` : ""}`);
show("full reports", ratio.fullReports, 0.1);
show("full reports + peers", ratio.fullReportsAndPeers);
show("compact reports", ratio.compactReports);
show("compact reports + peers", ratio.compactReportsAndPeers);
show("bulk table", ratio.bulkTable);
show("bulk table + peer ranks", ratio.bulkTableAndPeers, 0.5);
show("  documents validated beforehand", ratio.bulkValidatedTableAndPeers, 0.5);
console.log(`  engine and loop agree on every score (max difference: ${Object.entries(check).map(([path, worst]) => `${path} ${worst}`).join(", ")})`);
const out = fileURLToPath(new URL(`../results/${process.env.SCORING_RESULT ?? "scoring"}.json`, import.meta.url));
mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`  written to ${out}`);
