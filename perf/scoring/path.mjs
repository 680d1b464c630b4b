// One engine path of perf/scoring/run.mjs, in a process of its own (run.mjs starts one per path), timed
// round by round against the hand-written loop run just before it. Prints one JSON line.
// Usage: node perf/scoring/path.mjs full|compact|bulk|bulkValidated   (SCORING_* variables as in run.mjs)
import { countSetting, median, scoring, timed } from "./harness.mjs";
import { compileBaseline, makeBenchmark, makeData } from "./fixture.mjs";

const { createPeerIndex, createScorer, keyFactorNodes, scoreAssessment } = scoring;

const PATH = process.argv[2];
if (!["full", "compact", "bulk", "bulkValidated"].includes(PATH)) {
  console.error(`usage: node perf/scoring/path.mjs full|compact|bulk|bulkValidated (not "${PATH}")`);
  process.exit(2);
}
const ASSESSMENTS = countSetting("SCORING_PERF_ASSESSMENTS", 10_000);
const ROUNDS = countSetting("SCORING_PERF_ROUNDS", 7);


const benchmark = makeBenchmark();
// The answers objects are built key by key, which leaves them in V8's dictionary mode (as documents
// built in code often are); SCORING_DATA=json passes every document through JSON text first, giving
// the objects JSON.parse makes (documents read from files). The loop reads the same objects.
const made = makeData(benchmark, ASSESSMENTS);
const { assessments, places } = process.env.SCORING_DATA === "json" ? JSON.parse(JSON.stringify(made)) : made;
const baseline = compileBaseline(benchmark);

// full: every node with its trace, down to sub-questions. compact: key factors and up, no traces.
const MODES = { full: { explain: true, detail: "questions" }, compact: { explain: false, detail: "key-factors" } };

function runBaseline() {
  const results = new Array(assessments.length);
  for (let i = 0; i < assessments.length; i++) results[i] = baseline(assessments[i].answers);
  return results;
}

function runReports(mode) {
  const reports = new Array(assessments.length);
  for (let i = 0; i < assessments.length; i++) {
    const result = scoreAssessment(assessments[i], benchmark, MODES[mode]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.errors.slice(0, 3)));
    reports[i] = result.report;
  }
  return reports;
}

// Peer statistics over the reports, a position per report: what a network's dashboard does.
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

// The bulk path: a scorer made once per run, a score table, peers over the table, every rank at once.
// `validated`: the caller has validated the assessments and places (as the CLI does before it scores),
// so the engine does not check them against their schemas again.
function runBulk(validated) {
  const scorer = createScorer(benchmark, { ...MODES.compact, validated });
  if (!scorer.ok) throw new Error(JSON.stringify(scorer.errors.errors.slice(0, 3)));
  const scored = timed(() => {
    const table = scorer.report.scoreAll(assessments);
    if (!table.ok || table.report.errors.size > 0) throw new Error("the bulk path did not score every assessment");
    return table.report;
  });
  const peers = timed(() => {
    const index = createPeerIndex(scored.value, { places, validated });
    if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
    const ranks = index.report.ranks();
    if (ranks.subjects.length !== assessments.length) throw new Error("not every subject was ranked");
    return ranks;
  });
  const { value: table } = scored;
  const width = table.keyFactors.length;
  return {
    scoreMs: scored.ms,
    peersMs: peers.ms,
    overallOf: (i) => table.overall[i],
    keyFactorsOf: (i) => Array.from(table.keyFactorScores.subarray(i * width, (i + 1) * width)),
  };
}

function runPath() {
  if (PATH === "bulk" || PATH === "bulkValidated") return runBulk(PATH === "bulkValidated");
  const scored = timed(() => runReports(PATH));
  const peers = timed(() => runPeers(scored.value));
  const reports = scored.value;
  return {
    scoreMs: scored.ms,
    peersMs: peers.ms,
    overallOf: (i) => reports[i].overall.score,
    keyFactorsOf: (i) => keyFactorNodes(reports[i].overall).map((node) => node.score),
  };
}

// Largest difference between the engine's scores and the loop's, overall and per key factor.
function differenceFromBaseline({ overallOf, keyFactorsOf }, b) {
  let worst = 0;
  for (let i = 0; i < assessments.length; i++) {
    worst = Math.max(worst, Math.abs(overallOf(i) - b[i].overall));
    const keyFactors = keyFactorsOf(i);
    if (keyFactors.length !== b[i].keyFactorScores.length) return Infinity;
    keyFactors.forEach((s, j) => (worst = Math.max(worst, Math.abs(s - b[i].keyFactorScores[j]))));
  }
  return worst;
}

// The engine is timed right after a run of the loop, and its ratio taken against that run: on a shared
// machine the load changes from one second to the next, and two runs side by side compare better than
// medians taken apart. The first round warms the JIT up and checks that engine and loop agree.
const rounds = { baseline: [], score: [], peers: [] };
const ratios = { score: [], scoreAndPeers: [] };
let difference;
for (let round = 0; round < ROUNDS + 1; round++) {
  const b = timed(runBaseline);
  const run = runPath();
  if (round === 0) {
    difference = differenceFromBaseline(run, b.value);
    // The engine rounds every node to 9 decimals (the decision rule), so a few billionths apart is agreement.
    if (!(difference <= 1e-8)) throw new Error(`engine (${PATH}) and baseline disagree by ${difference}`);
    continue;
  }
  rounds.baseline.push(b.ms);
  rounds.score.push(run.scoreMs);
  rounds.peers.push(run.peersMs);
  ratios.score.push(b.ms / run.scoreMs);
  ratios.scoreAndPeers.push(b.ms / (run.scoreMs + run.peersMs));
}
const medians = (table) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, median(v)]));
console.log(JSON.stringify({ path: PATH, medianMs: medians(rounds), ratio: medians(ratios), maxDifferenceFromBaseline: difference }));
