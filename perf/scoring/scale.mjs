// Scoring at scale, with the built @cohesion/scoring. Writes perf/results/scoring-scale.json.
// - stream: SCORING_STREAM_REPORTS (default 100,000) full reports (traces, questions), each scored,
//   written as one NDJSON line and dropped; the peak resident memory of the whole run is reported.
// - peers: a score table of 10,000 and of 100,000 subjects, createPeerIndex and ranks() over each;
//   the ratio of the two times (10× the subjects; n log n sorting gives about 11–12×). Each size runs
//   in a child process of its own, so neither inherits the other's heap or the stream's; the median of
//   SCORING_PEER_ROUNDS rounds (default 15 at 10,000 subjects, 7 at 100,000) in wall time and in CPU
//   time, with the garbage collector's pauses and the system time (page faults) of those rounds, which
//   grow faster than the work once the data no longer fits the processor's caches.
// Build first: npx turbo run build --filter=@cohesion/scoring...
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { collectGarbage, countSetting, median, MODULE, scoring } from "./harness.mjs";
import { LEVELS, makeAssessment, makeBenchmark, makeData, questionIds, random } from "./fixture.mjs";

// SCORING_MODULE measures another build of the engine, as in run.mjs (see ./harness.mjs).
const { createPeerIndex, createScorer, scoreAssessment } = scoring;

const STREAMED = countSetting("SCORING_STREAM_REPORTS", 100_000);
const SMALL = 10_000;
const LARGE = 100_000;
const PEER_ROUNDS = countSetting("SCORING_PEER_ROUNDS", undefined);
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

// 2. Peer ranking over score tables of two sizes, each measured by a child process (see the header).
const gcPauses = [];
function observeGc() {
  const observer = new PerformanceObserver((list) => gcPauses.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))));
  observer.observe({ entryTypes: ["gc"] });
}

async function rankingFigures(size) {
  const { assessments, places } = makeData(benchmark, size, 11, sharedAnswer);
  const scorer = createScorer(benchmark, { explain: false, detail: "key-factors" });
  if (!scorer.ok) throw new Error("no scorer");
  const table = scorer.report.scoreAll(assessments);
  if (!table.ok) throw new Error("no table");
  assessments.length = 0; // ranking reads the table and the places only
  observeGc();
  const rounds = PEER_ROUNDS ?? (size > 50_000 ? 7 : 15);
  const figures = { wallMs: [], cpuMs: [], gcMs: [], systemMs: [], readMs: [] };
  for (let round = 0; round <= rounds; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the pause of that collection is reported before the round
    gcPauses.length = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const index = createPeerIndex(table.report, { places });
    if (!index.ok) throw new Error(JSON.stringify(index.errors.errors.slice(0, 3)));
    const ranks = index.report.ranks();
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    if (ranks.subjects.length !== size) throw new Error("not every subject was ranked");
    const read = readEveryFigure(ranks);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the observer reports the pauses of the round
    if (round === 0) continue; // the first round compiles the code
    figures.wallMs.push(end - start);
    figures.cpuMs.push((used.user + used.system) / 1000);
    figures.systemMs.push(used.system / 1000);
    figures.gcMs.push(gcPauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + p.ms, 0));
    figures.readMs.push(read);
  }
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(median(v).toFixed(1))]));
}

// What a caller then pays to read every subject's rank, N and percentile, in ms (not part of the
// ranking time): by cell through ofAt/percentileAt, or from the columns of builds before them.
function readEveryFigure(ranks) {
  const start = performance.now();
  let sum = 0;
  const [subjects, dims, refs] = [ranks.subjects.length, ranks.dimensions.length, ranks.refs.length];
  const byCell = typeof ranks.percentileAt !== "function";
  for (let d = 0; d < dims; d++) {
    for (let r = 0; r < refs; r++) {
      for (let m = 0, cell = (d * refs + r) * subjects; m < subjects; m++, cell++) {
        const percentile = byCell ? ranks.percentile[cell] : ranks.percentileAt(m, d, r);
        sum += ranks.rank[cell] + (byCell ? ranks.of[cell] : ranks.ofAt(m, d, r)) + (percentile === percentile ? percentile : 0);
      }
    }
  }
  if (!(sum > 0)) throw new Error("no figure was read");
  return performance.now() - start;
}

const peersArg = process.argv.indexOf("--peers");
if (peersArg !== -1) {
  process.stdout.write(JSON.stringify(await rankingFigures(Number(process.argv[peersArg + 1]))));
  process.exit(0);
}

function rankingInChild(size) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--peers", String(size)], { encoding: "utf8", env: process.env, maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`peer ranking over ${size} subjects failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const streamed = await stream();
const small = rankingInChild(SMALL);
const large = rankingInChild(LARGE);
const growth = (key) => Number((large[key] / small[key]).toFixed(2));
const result = {
  node: process.version,
  module: MODULE,
  stream: streamed,
  peerRanking: {
    subjects: [SMALL, LARGE],
    median: { [SMALL]: small, [LARGE]: large },
    growth: growth("wallMs"),
    growthCpu: growth("cpuMs"),
    growthWithoutGc: Number(((large.wallMs - large.gcMs) / (small.wallMs - small.gcMs)).toFixed(2)),
    goal: 12,
  },
};
console.log(`Streaming ${streamed.reports} full reports as NDJSON: ${streamed.reportsPerSecond} reports/s, ${streamed.megabytesWritten} MB written, peak RSS ${streamed.peakRssMB} MB (at start ${streamed.startRssMB} MB)`);
const figures = (f) => `${f.wallMs} ms (CPU ${f.cpuMs} ms, of it system ${f.systemMs} ms; GC pauses ${f.gcMs} ms; reading every figure afterwards ${f.readMs} ms)`;
console.log(`Peer index + ranks(), median: ${SMALL} subjects ${figures(small)}, ${LARGE} subjects ${figures(large)}`);
console.log(`  growth ${result.peerRanking.growth}x wall, ${result.peerRanking.growthCpu}x CPU, ${result.peerRanking.growthWithoutGc}x wall without GC pauses (goal <= 12x)`);
const dir = fileURLToPath(new URL("../results/", import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${process.env.SCORING_RESULT ?? "scoring-scale"}.json`), `${JSON.stringify(result, null, 2)}\n`);
