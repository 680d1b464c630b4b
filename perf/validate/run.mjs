// perf/validate: `cohesion validate` over NDJSON streams of practices, as a ratio to JSON.parse of the same
// lines read as the CLI reads NDJSON files (bytes, decoded line by line), measured in the same run; the CPU
// time worker threads add over one thread, and on Linux which threads it goes to; and peak memory at 10 MB and
// 1 GB inputs (run in child processes).
// Usage: node perf/validate/run.mjs [--big-mb 1024] [--docs 100000] [--workers n]   (after `npm run build`)
// --workers sets COHESION_VALIDATE_WORKERS for the cohesion runs (0: in the main thread only); by default
// the CLI's own choice, from the free cores and the input's size. The baselines are always one thread.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { shippedPractices, writePracticesNdjson } from "./practices.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = option("--docs", 100_000);
const WORKERS = option("--workers", undefined);
const BIG_MB = option("--big-mb", 1024);
const root = fileURLToPath(new URL("../..", import.meta.url));
const worker = fileURLToPath(new URL("./worker.mjs", import.meta.url));
const work = join(tmpdir(), `cohesion-perf-validate-${process.pid}`);
mkdirSync(work, { recursive: true });

const seeds = shippedPractices(root);
const writeNdjson = (file, size) => writePracticesNdjson(file, seeds, size);

function measure(mode, file, workers = WORKERS) {
  const env = { ...process.env, ...(workers === undefined ? {} : { COHESION_VALIDATE_WORKERS: String(workers) }) };
  const ran = spawnSync(process.execPath, [worker, mode, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26, env });
  if (ran.status !== 0 && mode.startsWith("baseline")) throw new Error(ran.stderr);
  const result = JSON.parse(ran.stdout.trim().split("\n").pop());
  return { ...result, exit: ran.status };
}

const corpus = join(work, "practices-100k.ndjson");
await writeNdjson(corpus, { docs: DOCS });
const size = statSync(corpus).size;
const freeCores = Math.round((availableParallelism() - loadavg()[0]) * 10) / 10;
const rounds = [];
for (let round = 0; round < 3; round++) {
  const baseline = measure("baseline", corpus);
  const bytesBaseline = measure("baseline-bytes", corpus);
  const cohesion = measure("cohesion", corpus);
  // With workers, the same run in one thread: what the workers cost in CPU time and save in wall time.
  const oneThread = cohesion.workers > 0 ? measure("cohesion", corpus, 0) : cohesion;
  rounds.push({ baseline, bytesBaseline, cohesion, oneThread, ratio: bytesBaseline.ms / cohesion.ms });
}
const best = (key, field = "ms") => Math.min(...rounds.map((r) => r[key][field]));
const leastCpu = (key) => rounds.map((r) => r[key]).reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
const ratio = best("bytesBaseline") / best("cohesion");

const memory = {};
for (const [label, bytes] of [["10MB", 10 * 1024 * 1024], [`${BIG_MB}MB`, BIG_MB * 1024 * 1024]]) {
  const file = join(work, `practices-${label}.ndjson`);
  await writeNdjson(file, { bytes });
  const cohesion = measure("cohesion", file);
  memory[label] = { bytes: statSync(file).size, documents: cohesion.documents, peakRssMB: Math.round(cohesion.maxRssKB / 1024), ms: cohesion.ms, exit: cohesion.exit };
  rmSync(file, { force: true });
}
rmSync(work, { recursive: true, force: true });

const result = {
  documents: DOCS,
  inputMB: Math.round(size / 1024 / 1024),
  freeCores,
  workers: rounds[0].cohesion.workers,
  // The goal: against JSON.parse of the lines read as the CLI reads NDJSON files (bytes, decoded per line).
  bytesBaselineMs: best("bytesBaseline"),
  cohesionMs: best("cohesion"),
  ratio: Math.round(ratio * 100) / 100,
  goal: 0.8,
  docsPerSecond: { bytesBaseline: Math.round(DOCS / (best("bytesBaseline") / 1000)), cohesion: Math.round(DOCS / (best("cohesion") / 1000)) },
  // CPU time (all threads) against the same run in one thread; at most 0.1 is the goal for workers.
  cpuMs: best("cohesion", "cpuMs"),
  oneThreadCpuMs: best("oneThread", "cpuMs"),
  workerCpuOverhead: Math.round((best("cohesion", "cpuMs") / best("oneThread", "cpuMs") - 1) * 100) / 100,
  // Where that CPU time went (Linux), in the round of least CPU time: the main thread, the validation
  // workers, and the other threads (V8's compiler and garbage collector, libuv's file reads).
  cpuByThread: { cohesion: leastCpu("cohesion").threads, oneThread: leastCpu("oneThread").threads },
  // For reference: JSON.parse of lines read as text (a UTF-8 stream split into lines).
  textBaselineMs: best("baseline"),
  ratioToTextBaseline: Math.round((best("baseline") / best("cohesion")) * 100) / 100,
  rounds: rounds.map((r) => Math.round(r.ratio * 100) / 100),
  memory,
};
mkdirSync(join(root, "perf/results"), { recursive: true });
writeFileSync(join(root, "perf/results/validate.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
console.log(`cohesion validate (${result.workers} worker thread${result.workers === 1 ? "" : "s"}, ${result.freeCores} free cores): ${result.ratio}× the throughput of JSON.parse over lines read as the CLI reads them (goal ≥ ${result.goal}×)`);
if (result.workers > 0) {
  console.log(`  workers cost ${Math.round(result.workerCpuOverhead * 100)} % more CPU time than one thread (goal ≤ 10 %)`);
  const [many, one] = [result.cpuByThread.cohesion, result.cpuByThread.oneThread];
  if (many && one) console.log(`  CPU ms by thread: main ${many.mainMs} (one thread: ${one.mainMs}), workers ${many.workersMs}, V8 and libuv threads ${many.otherMs} (one thread: ${one.otherMs})`);
}
console.log(`  for reference, ${result.ratioToTextBaseline}× JSON.parse over lines read as text`);
