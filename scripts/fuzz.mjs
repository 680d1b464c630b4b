// npm run fuzz [-- --count n] [-- --seed s] [-- --seconds n] [-- --workers n]
//
// Sends generated and mutated inputs through every validator, parser, integrity check, migration,
// scorer, the report adapter and the CLI's input readers, in process, and checks that none throws,
// none hangs, nothing pollutes Object.prototype, and the ajv validators and the zod parsers give the same
// verdict. Inputs come from a seeded generator: a failure names the seed and the input's index, and
// `--seed s --from i --count 1` replays exactly that input. Without --seed a random seed is chosen and
// printed. Runs against the built packages (`npm run build` first).
//
// Inputs are shared out among worker threads, one per free core by default, in chunks claimed from a
// shared counter; each worker loads the packages and builds a host once (about a second), so a run of a
// few thousand inputs uses one.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const HANG_MS = 10_000;
// Inputs a worker should have to be worth its start-up.
const INPUTS_PER_WORKER = 20_000;
const MAX_COUNT = 2_000_000_000;

if (isMainThread) {
  const args = process.argv.slice(2);
  // Every option is a number; one that is not what it must be stops the run before any worker starts.
  const option = (name, fallback, { whole = true, min = 0, max = Number.MAX_SAFE_INTEGER, hint = "" } = {}) => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const value = Number(args[at + 1]);
    if (args[at + 1] === undefined || args[at + 1].trim() === "" || Number.isNaN(value) || (whole && !Number.isInteger(value)) || value < min || value > max) {
      const what = whole ? "a whole number" : "a number";
      console.error(`fuzz: ${name} must be ${what} from ${min.toLocaleString("en")}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max.toLocaleString("en")}`}, not ${args[at + 1] === undefined ? "nothing" : JSON.stringify(args[at + 1])}${hint}`);
      process.exit(2);
    }
    return value;
  };
  const seed = option("--seed", Math.floor(Math.random() * 2 ** 31));
  // Workers claim inputs from a 32-bit counter in shared memory.
  const count = option("--count", 1_000_000, { min: 1, max: MAX_COUNT, hint: "; for more inputs, run again with --from" });
  const from = option("--from", 0);
  const seconds = option("--seconds", Infinity, { whole: false, min: 0 });
  // `npm run fuzz` builds first: the one-minute load average alone would still count that build as load and
  // leave a core of a two-core machine idle, so the cores busy now count too (as for `cohesion validate`).
  const { busyCores } = await import(new URL("../packages/cli/dist/index.js", import.meta.url).href);
  const freeCores = Math.max(1, Math.round(availableParallelism() - busyCores()));
  const workers = Math.min(option("--workers", Math.min(freeCores, Math.ceil(count / INPUTS_PER_WORKER)), { min: 1, max: 256 }), count);
  console.log(`fuzz: seed ${seed}, inputs ${from} to ${from + count - 1} (replay one with --seed ${seed} --from <index> --count 1), ${workers} worker${workers === 1 ? "" : "s"}`);
  // Workers claim chunks of inputs from one counter in shared memory (after the slots), so a quicker
  // worker takes more and they end together; each writes the input it is at (less --from, to fit 32 bits)
  // into its slot, and the main thread stops the run when a working thread's input stands still too long
  // (a hang).
  const progress = new Int32Array(new SharedArrayBuffer(4 * (workers + 1)));
  const summaries = [];
  // The rates count from the moment every worker is ready (packages loaded, host built) to the last one's
  // end, in wall time and in CPU time of the whole process (a worker cannot measure its own).
  let ready = 0;
  let started = performance.now();
  let cpuStarted = process.cpuUsage();
  const done = new Array(workers).fill(false);
  const threads = Array.from({ length: workers }, (_, slot) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { seed, count, from, seconds, progress, slot, counter: workers },
      // A larger young generation: the targets allocate many short-lived reports, and scavenging less
      // often is a tenth of the run.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.on("message", (message) => {
      if (message !== "ready") {
        done[slot] = true; // finished: its index stands still, as a hang's would
        return void summaries.push(message);
      }
      if (++ready < workers) return;
      started = performance.now();
      cpuStarted = process.cpuUsage();
      for (const thread of threads) thread.postMessage("go");
    });
    // A worker that stopped, however, is no longer watched: its index stands still, as a hang's would.
    worker.once("exit", () => (done[slot] = true));
    worker.on("error", (error) => {
      console.error(`fuzz: FAIL at input ${from + Atomics.load(progress, slot)} (seed ${seed}), outside any target: ${error?.stack ?? error}`);
      process.exitCode = 1;
    });
    return worker;
  });
  const last = new Array(workers).fill(-1);
  const still = new Array(workers).fill(0);
  const watch = setInterval(() => {
    for (let slot = 0; slot < workers; slot++) {
      if (done[slot]) continue;
      const at = Atomics.load(progress, slot);
      still[slot] = at === last[slot] ? still[slot] + 1000 : 0;
      last[slot] = at;
      if (still[slot] >= HANG_MS) {
        console.error(`fuzz: HANG — input ${from + at} (seed ${seed}) has run for ${HANG_MS / 1000} s`);
        process.exitCode = 1;
        for (const thread of threads) void thread.terminate();
      }
    }
  }, 1000);
  await Promise.all(threads.map((thread) => new Promise((resolve) => thread.once("exit", resolve))));
  clearInterval(watch);
  const cpu = process.cpuUsage(cpuStarted);
  if (summaries.length === workers) report(merge(summaries, (performance.now() - started) / 1000, (cpu.user + cpu.system) / 1e6));

  function report(summary) {
    console.log(JSON.stringify(summary, null, 2));
    for (const failure of summary.failures) console.error(`fuzz: FAIL input ${failure.index} (seed ${seed}) in ${failure.target}: ${failure.reason}`);
    console.log(`fuzz: ${summary.inputs} inputs in ${summary.seconds} s: ${summary.perSecond} inputs/s (${summary.perCpuSecond} per CPU second), ${summary.failures.length} failures`);
    if (summary.failures.length > 0) process.exitCode = 1;
  }
} else {
  const { seed, count, from, seconds, progress, slot, counter } = workerData;
  const { CHUNK, runFuzz } = await import("./fuzz-targets.mjs");
  parentPort.postMessage("ready");
  await new Promise((resolve) => parentPort.once("message", resolve));
  const claim = () => {
    const start = Atomics.add(progress, counter, CHUNK);
    return start < count ? from + start : -1;
  };
  parentPort.postMessage(await runFuzz({ seed, count, from, seconds, claim, onInput: (index) => Atomics.store(progress, slot, index - from) }));
}

/** One summary of the workers' own, with the rates of the whole run. */
function merge(summaries, seconds, cpuSeconds) {
  const inputs = summaries.reduce((sum, s) => sum + s.inputs, 0);
  const times = {};
  for (const s of summaries) for (const [target, ms] of Object.entries(s.times)) times[target] = (times[target] ?? 0) + ms;
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  return {
    seed: summaries[0].seed,
    workers: summaries.length,
    inputs,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(inputs / seconds),
    // CPU time as well as wall time: on a shared machine the wall-clock rate says more about the neighbours.
    perCpuSecond: Math.round(inputs / cpuSeconds),
    // Where the time goes: each target's share of the time spent in targets, and its mean per input.
    share: Object.fromEntries(Object.entries(times).sort((a, b) => b[1] - a[1]).map(([k, t]) => [k, `${Math.round((t / total) * 100)}% ${Math.round((t * 1000) / inputs)} µs`])),
    failures: summaries.flatMap((s) => s.failures).sort((a, b) => a.index - b.index),
  };
}
