// npm run fuzz [-- --count n] [-- --seed s] [-- --seconds n]
//
// Sends generated and mutated inputs through every validator, parser, integrity check, migration,
// scorer, the report adapter and the CLI's input readers, in process, and checks that none throws,
// none hangs, nothing pollutes Object.prototype, and the ajv validators and the zod parsers give the same
// verdict. Inputs come from a seeded generator: a failure names the seed and the input's index, and
// `--seed s --from i --count 1` replays exactly that input. Without --seed a random seed is chosen and
// printed. Runs against the built packages (`npm run build` first).
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const HANG_MS = 10_000;

if (isMainThread) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const seed = option("--seed", Math.floor(Math.random() * 2 ** 31));
  const count = option("--count", 1_000_000);
  const from = option("--from", 0);
  const seconds = option("--seconds", Infinity);
  console.log(`fuzz: seed ${seed}, inputs ${from} to ${from + count - 1} (replay one with --seed ${seed} --from <index> --count 1)`);
  // The inputs run in a worker so that the main thread can tell a hang: the worker writes the index it
  // is at into shared memory, and the main thread stops it when that index stands still too long.
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, count, from, seconds, progress } });
  let last = -1;
  let still = 0;
  const watch = setInterval(() => {
    const at = Atomics.load(progress, 0);
    still = at === last ? still + 1000 : 0;
    last = at;
    if (still >= HANG_MS) {
      console.error(`fuzz: HANG — input ${at} (seed ${seed}) has run for ${HANG_MS / 1000} s`);
      process.exitCode = 1;
      void worker.terminate();
    }
  }, 1000);
  worker.on("message", (summary) => {
    console.log(JSON.stringify(summary, null, 2));
    for (const failure of summary.failures) console.error(`fuzz: FAIL input ${failure.index} (seed ${seed}) in ${failure.target}: ${failure.reason}`);
    console.log(`fuzz: ${summary.inputs} inputs in ${summary.seconds} s: ${summary.perSecond} inputs/s (${summary.perCpuSecond} per CPU second), ${summary.failures.length} failures`);
    if (summary.failures.length > 0) process.exitCode = 1;
  });
  worker.on("error", (error) => {
    console.error(`fuzz: FAIL at input ${Atomics.load(progress, 0)} (seed ${seed}), outside any target: ${error?.stack ?? error}`);
    process.exitCode = 1;
  });
  worker.on("exit", () => clearInterval(watch));
} else {
  const { seed, count, from, seconds, progress } = workerData;
  const { runFuzz } = await import("./fuzz-targets.mjs");
  parentPort.postMessage(await runFuzz({ seed, count, from, seconds, onInput: (index) => Atomics.store(progress, 0, index) }));
}
