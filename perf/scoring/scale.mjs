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

// SCORING_MODULE measures another build of the engine (a path to its dist/index.js), as in run.mjs.
const MODULE = process.env.SCORING_MODULE ?? "@cohesion/scoring";
const { createPeerIndex, createScorer, scoreAssessment } = await import(MODULE.startsWith("/") ? pathToFileURL(MODULE).href : MODULE);

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

const STREAMED = Number(process.env.SCORING_STREAM_REPORTS ?? 100_000);
const SMALL = 10_000;
const LARGE = 100_000;
const LEVELS = ["none", "planned", "partial", "substantial", "full"];
const sources = [{ publication: "Cohesion scoring benchmark", year: 2026, section: "Generated" }];
const countries = ["DE", "FR", "IT", "SE", "NL", "PL", "GR", "ES"];

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The benchmark of run.mjs: 3 sections of 4, 4 and 3 key factors, 5 questions each, sub-questions under the first.
function makeBenchmark() {
  const sections = [];
  let k = 0;
  for (const size of [4, 4, 3]) {
    const s = sections.length;
    const keyFactors = [];
    for (let i = 0; i < size; i++, k++) {
      const guideQuestions = [];
      for (let q = 0; q < 5; q++) {
        const question = { id: `k${k}-q${q}`, text: `Question ${q} of key factor ${k}?`, weight: 1 + (q % 3) };
        if (q === 0) question.subQuestions = [0, 1].map((n) => ({ id: `k${k}-q${q}-${n}`, text: "Sub-question?", weight: 1 + n }));
        guideQuestions.push(question);
      }
      keyFactors.push({ id: `kf-${k}`, title: `Key factor ${k}`, weight: 1 + (k % 2), guideQuestions });
    }
    sections.push({ id: `s${s}`, title: `Section ${s}`, weight: s + 1, keyFactors });
  }
  return { kind: "benchmark", schemaVersion: "1.0", id: "perf.benchmark", version: "1.0.0", title: "Generated benchmark", standard: "A generated standard.", defaultScale: "cohesion.maturity", sections, sources };
}

const benchmark = makeBenchmark();
const ids = [];
for (const s of benchmark.sections) for (const k of s.keyFactors) for (const q of k.guideQuestions) { ids.push(q.id); for (const c of q.subQuestions ?? []) ids.push(c.id); }
const answerObjects = LEVELS.map((level) => ({ level }));

function makeAssessment(i, next) {
  const answers = {};
  for (const id of ids) answers[id] = answerObjects[Math.floor(next() * LEVELS.length)];
  const country = countries[i % countries.length];
  return {
    kind: "assessment", schemaVersion: "1.0", id: `perf.assessment-${i}`,
    benchmark: { id: benchmark.id, version: benchmark.version },
    subject: { type: "place", ref: `perf.city-${i}`, name: `City ${i}`, country },
    method: "self", assessedBy: [{ name: `City ${i}` }], assessedOn: "2026-06-01", answers,
  };
}

function makePlace(i, next) {
  return {
    kind: "place", schemaVersion: "1.0", id: `perf.city-${i}`, name: `City ${i}`, country: countries[i % countries.length],
    population: { value: 20_000 + Math.floor(next() * 2_000_000) },
    migrantShares: [{ measure: "foreign-born", percent: Math.round(next() * 400) / 10, definition: "Born abroad." }], sources,
  };
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
    const result = scoreAssessment(makeAssessment(i, next), benchmark);
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
  const next = random(11);
  const assessments = [];
  const places = [];
  for (let i = 0; i < size; i++) {
    assessments.push(makeAssessment(i, next));
    places.push(makePlace(i, next));
  }
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
