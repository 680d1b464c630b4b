// One measured run in a fresh process: either JSON.parse of every line (baseline) or the real CLI.
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [mode, file] = process.argv.slice(2);
const start = performance.now();
// CPU time of the whole process, worker threads included.
const cpuStart = process.cpuUsage();
let documents = 0;
let exit = 0;
let workers;
if (mode === "baseline") {
  // The same line reader the CLI uses, so the ratio isolates what validation adds to parsing.
  const { readLineBatches } = await import("@cohesion/cli");
  for await (const lines of readLineBatches(createReadStream(file, { encoding: "utf8" }))) {
    for (const line of lines) {
      if (line.trim() === "") continue;
      JSON.parse(line);
      documents++;
    }
  }
} else if (mode === "baseline-bytes") {
  // For reference only (not the baseline): JSON.parse of every line, read with the CLI's own NDJSON file
  // reader — bytes, decoded line by line (an ASCII line becomes a cheaper one-byte string).
  const { linesOfBytes, readNdjsonBytes } = await import("@cohesion/cli");
  for await (const batch of readNdjsonBytes(file)) {
    if (!("type" in batch)) continue;
    for (const line of linesOfBytes(batch).lines) {
      if (line.trim() === "") continue;
      JSON.parse(line);
      documents++;
    }
  }
} else {
  const { run, validationWorkers, validationWorkersFrom, workersForSize } = await import("@cohesion/cli");
  // The workers the command starts: as many as the free cores allow, once the file reaches the threshold.
  const { statSync } = await import("node:fs");
  const size = statSync(file).size;
  const from = validationWorkersFrom(process.env);
  workers = size >= from ? workersForSize(validationWorkers(process.env), size, from) : 0;
  let out = "";
  exit = await run(["validate", file, "--format", "json"], {
    stdout: { write: (text) => (out += text) },
    stderr: { write: () => {} },
    stdin: process.stdin,
    cwd: process.cwd(),
  });
  documents = JSON.parse(out).result.documents;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const threads = threadsCpu();
console.log(JSON.stringify({ mode, ms: Math.round(ms), cpuMs, documents, exit, maxRssKB: process.resourceUsage().maxRSS, ...(workers === undefined ? {} : { workers }), ...(threads ? { threads } : {}) }));
process.exitCode = exit;

// Where the CPU time went, on Linux: the main thread, the threads still alive (V8's compiler and garbage
// collector, libuv's file reads), and the validation workers, which have exited by now, so that theirs is
// what the process used beyond the threads alive. Undefined elsewhere.
function threadsCpu() {
  // Since the process started, as the threads' own counts (nanoseconds on a CPU, from schedstat) are.
  const all = process.cpuUsage();
  const totalMs = (all.user + all.system) / 1000;
  let main = 0;
  let other = 0;
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const ms = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
      if (Number(tid) === process.pid) main = ms;
      else other += ms;
    }
  } catch {
    return undefined;
  }
  return { mainMs: Math.round(main), workersMs: Math.max(0, Math.round(totalMs - main - other)), otherMs: Math.round(other) };
}
