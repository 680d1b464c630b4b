// Scoring at scale, with the built @cohesion/scoring. Writes perf/results/scoring-scale.json.
// - stream: SCORING_STREAM_REPORTS (default 100,000) full reports (traces, questions), each scored,
//   written as one NDJSON line and dropped; the peak resident memory of the whole run is reported.
// - peers: a score table of 10,000 and of 100,000 subjects, createPeerIndex and ranks() over each;
//   the ratio of the two times (10× the subjects; n log n sorting gives about 11–12×).
// Build first: npx turbo run build --filter=@cohesion/scoring...
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { LEVELS, makeAssessment, makeBenchmark, makeData, questionIds, random } from "./fixture.mjs";

// SCORING_MODULE measures another build of the engine (a path to its dist/index.js), as in run.mjs.
const MODULE = process.env.SCORING_MODULE ?? "@cohesion/scoring";
const { createPeerIndex, createScorer, scoreAssessment } = await import(MODULE.startsWith("/") ? pathToFileURL(MODULE).href : MODULE);

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

const STREAMED = Number(process.env.SCORING_STREAM_REPORTS ?? 100_000);
const SMALL = 10_000;
const LARGE = 100_000;
const answerObjects = LEVELS.map((level) => ({ level }));
// One answer object per level, shared: the data of 100,000 subjects stays small beside what is measured.
const sharedAnswer = (level) => answerObjects[LEVELS.indexOf(level)];
const benchmark = makeBenchmark();
const ids = questionIds(benchmark);

function streamedAssessment(i, next) {
  const answers = {};
  for (const id of ids) answers[id] = answerObjects[Math.floor(next() * LEVELS.length)];
  return makeAssessment(benchmark, i, answers);
}

// 1. Stream: score, write a line, drop. Backpressure is honoured so the writer does not buffer everything.
async function stream() {
  const file = join(tmpdir(), `cohesion-scoring-stream-${process.pid}.ndjson`);
  const out = createWriteStream(file);
  const next = random(7);
  collectGarbage();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < STREAMED; i++) {
    const result = scoreAssessment(streamedAssessment(i, next), benchmark);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.errors.slice(0, 3)));
    const line = `${JSON.stringify(result.report)}\n`;
    bytes += line.length;
    if (!out.write(line)) await new Promise((resolve) => out.once("drain", resolve));
    if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  await new Promise((resolve) => out.end(resolve));
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  rmSync(file, { force: true });
  return { reports: STREAMED, ms: Math.round(ms), reportsPerSecond: Math.round((STREAMED / ms) * 1000), megabytesWritten: Math.round(bytes / 1e6), startRssMB: Math.round(startRss / 1e6), peakRssMB: Math.round(peakRss / 1e6) };
}

// 2. Peer ranking over score tables of two sizes.
function rankingTime(size) {
  const { assessments, places } = makeData(benchmark, size, 11, sharedAnswer);
  const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
  if (!scorer.ok) throw new Error("no scorer");
  const table = scorer.report.scoreAll(assessments);
  if (!table.ok) throw new Error("no table");
  const times = [];
  for (let round = 0; round < 4; round++) {
    collectGarbage();
    const start = performance.now();
    const index = createPeerIndex(table.report, { places });
    if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
    const ranks = index.report.ranks();
    if (ranks.subjects.length !== size) throw new Error("not every subject was ranked");
    if (round > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const streamed = await stream();
const small = rankingTime(SMALL);
const large = rankingTime(LARGE);
const result = {
  node: process.version,
  module: MODULE,
  stream: streamed,
  peerRanking: { subjects: [SMALL, LARGE], medianMs: [Math.round(small), Math.round(large)], growth: Number((large / small).toFixed(2)), goal: 12 },
};
console.log(`Streaming ${streamed.reports} full reports as NDJSON: ${streamed.reportsPerSecond} reports/s, ${streamed.megabytesWritten} MB written, peak RSS ${streamed.peakRssMB} MB (at start ${streamed.startRssMB} MB)`);
console.log(`Peer index + ranks(): ${SMALL} subjects ${result.peerRanking.medianMs[0]} ms, ${LARGE} subjects ${result.peerRanking.medianMs[1]} ms: ${result.peerRanking.growth}x (goal <= 12x)`);
const dir = fileURLToPath(new URL("../results/", import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${process.env.SCORING_RESULT ?? "scoring-scale"}.json`), `${JSON.stringify(result, null, 2)}\n`);
