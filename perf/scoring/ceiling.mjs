// The best ratio the bulk path could reach against the hand-written loop (perf/scoring/path.mjs bulkValidated),
// measured under the same conditions: the loop against two steps the bulk path cannot leave out, with
// nothing else charged. (1) Reading every assessment's answers with the checks scoring promises even for
// documents validated beforehand: each key must be a question of the benchmark (which takes enumerating the
// keys), each answer an object whose level is on the scale. No score is computed and no table written.
// (2) createPeerIndex over a score table and ranks(), as path.mjs times them. The ceiling is
// loop / (reading + ranking), per round; any scoring arithmetic and table only lower it.
// Usage: node perf/scoring/ceiling.mjs   (SCORING_MODULE, SCORING_DATA, SCORING_PERF_* as in run.mjs)
import { countSetting, median, MODULE, scoring, timed } from "./harness.mjs";
import { compileBaseline, LEVELS, makeBenchmark, makeData, POINTS, questionIds } from "./fixture.mjs";

const { createPeerIndex, createScorer } = scoring;
const ASSESSMENTS = countSetting("SCORING_PERF_ASSESSMENTS", 10_000);
const ROUNDS = countSetting("SCORING_PERF_ROUNDS", 7);

const benchmark = makeBenchmark();
const made = makeData(benchmark, ASSESSMENTS);
const { assessments, places } = process.env.SCORING_DATA === "json" ? JSON.parse(JSON.stringify(made)) : made;
const baseline = compileBaseline(benchmark);
const ids = questionIds(benchmark);
const positions = new Map(ids.map((id, i) => [id, i]));
const points = Float64Array.from(LEVELS, (level) => POINTS[level]);
const codes = new Float64Array(ids.length);

// One assessment's answers into `codes` (-1: unanswered), as the engine's quick path reads them; false for
// an answer the engine would send the thorough way (another question, not an object, a level off the scale).
function readAnswers(answers) {
  codes.fill(-1);
  let next = 0;
  for (const id in answers) {
    let at = next++;
    if (ids[at] !== id) {
      const found = positions.get(id);
      if (found === undefined) return false;
      at = found;
    }
    const answer = answers[id];
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) return false;
    const level = answer.level;
    if (level === undefined) continue;
    let k = 0;
    while (k < LEVELS.length && LEVELS[k] !== level) k++;
    if (k === LEVELS.length) return false;
    codes[at] = points[k];
  }
  return true;
}


const rounds = { loop: [], reading: [], ranking: [], ceiling: [] };
for (let round = 0; round < ROUNDS + 1; round++) {
  const loop = timed(() => assessments.map((a) => baseline(a.answers)));
  const reading = timed(() => {
    let read = 0;
    for (const a of assessments) if (readAnswers(a.answers)) read++;
    return read;
  });
  if (reading.value !== assessments.length) throw new Error("an assessment of the fixture was not read as valid");
  const scorer = createScorer(benchmark, { explain: false, detail: "key-factors", validated: true });
  if (!scorer.ok) throw new Error(JSON.stringify(scorer.errors.errors.slice(0, 3)));
  const table = scorer.report.scoreAll(assessments);
  if (!table.ok) throw new Error(JSON.stringify(table.errors.errors.slice(0, 3)));
  const ranking = timed(() => {
    const index = createPeerIndex(table.report, { places, validated: true });
    if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
    return index.report.ranks().subjects.length;
  });
  if (round === 0) continue; // warms the JIT up
  rounds.loop.push(loop.ms);
  rounds.reading.push(reading.ms);
  rounds.ranking.push(ranking.ms);
  rounds.ceiling.push(loop.ms / (reading.ms + ranking.ms));
}
const medians = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, Number(median(v).toFixed(3))]));
console.log(JSON.stringify({ module: MODULE, data: process.env.SCORING_DATA === "json" ? "json" : "built key by key", assessments: ASSESSMENTS, medianMs: { loop: medians.loop, reading: medians.reading, ranking: medians.ranking }, ceiling: medians.ceiling }));
