// A fixed amount of bulk work for instruction counting, where wall time is too noisy to compare builds:
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded perf/scoring/instructions.mjs engine 3
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded perf/scoring/instructions.mjs engine 1
// The difference of the two totals ("Collected"), divided by 2 × SCORING_PERF_ASSESSMENTS (default
// 2,000), is the instructions per assessment of one pass: data, warm-up and start-up cancel out.
// Run node with --single-threaded: code is then optimised at the same point in every run, and the
// counts of two runs differ by about 1 % (when a garbage collection falls differs).
// `engine`: scorer.scoreAll, then createPeerIndex over the table and ranks(); `full`: scoreAssessment
// with traces down to sub-questions for each assessment (the full reports of run.mjs, no peers);
// `loop`: the hand-written loop of run.mjs over the same answers. SCORING_MODULE measures another build, as in run.mjs.
import { compileBaseline, makeBenchmark, makeData } from "./fixture.mjs";
import { countSetting, scoring } from "./harness.mjs";

const { createPeerIndex, createScorer, scoreAssessment } = scoring;

const [what = "engine", passes = "1"] = process.argv.slice(2);
const ASSESSMENTS = countSetting("SCORING_PERF_ASSESSMENTS", 2_000);
const benchmark = makeBenchmark();
const made = makeData(benchmark, ASSESSMENTS);
const { assessments, places } = process.env.SCORING_DATA === "json" ? JSON.parse(JSON.stringify(made)) : made;

function engine() {
  const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
  if (!scorer.ok) throw new Error("no scorer");
  const table = scorer.report.scoreAll(assessments);
  if (!table.ok || table.report.errors.size > 0) throw new Error("not every assessment was scored");
  const index = createPeerIndex(table.report, { places });
  if (!index.ok) throw new Error("no peer index");
  return index.report.ranks().rank.length;
}

const baseline = compileBaseline(benchmark);
function loop() {
  let total = 0;
  for (let i = 0; i < assessments.length; i++) total += baseline(assessments[i].answers).overall;
  return total;
}

function full() {
  let scored = 0;
  for (const assessment of assessments) {
    const result = scoreAssessment(assessment, benchmark, { explain: true, detail: "questions" });
    if (result.ok && result.report.overall.score !== null) scored++;
  }
  return scored;
}

const run = { loop, engine, full }[what];
if (!run) throw new Error(`what to count: loop, engine or full, not "${what}"`);
// Two passes before counting: the code is optimised by then in every run, whatever the pass count.
run();
run();
let result = 0;
for (let pass = 0; pass < Number(passes); pass++) result += run();
console.log(`${what}: ${passes} pass(es) over ${ASSESSMENTS} assessments (${result > 0 ? "ok" : "empty"})`);
