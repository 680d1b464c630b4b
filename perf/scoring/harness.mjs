// What every scoring measurement shares besides its data (./fixture.mjs): the engine build it measures,
// a garbage collection on demand between phases, and the median of rounds.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * The build of @cohesion/scoring measured: SCORING_MODULE names another one (a path to its dist/index.js,
 * e.g. the last release), for before/after figures taken on the same machine the same day.
 */
export const MODULE = process.env.SCORING_MODULE ?? "@cohesion/scoring";
export const scoring = await import(MODULE.startsWith("/") ? pathToFileURL(MODULE).href : MODULE);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A full garbage collection, so one phase's leftovers are not billed to the next. V8 finishes sweeping
 * after a collection on its helper threads, and the CPU clock (which counts every thread) would bill
 * that sweeping to whatever is timed next: after a large heap (10,000 full reports) it takes longer than
 * any fixed pause. So the main thread then waits, 10 ms at a time, until the process has used less than
 * 1 ms of CPU in one wait (at most 2 s).
 */
export function collectGarbage() {
  gc();
  for (let waited = 0; waited < 2000; waited += 10) {
    const before = cpuMs();
    Atomics.wait(pause, 0, 0, 10);
    if (cpuMs() - before < 1) return;
  }
}

/** CPU time the process has used so far, every thread, in milliseconds. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The clock phases are timed with: CPU time of the process (every thread, the garbage collector's
 * helpers included) by default, as the machine is shared and wall time counts the waits for a core;
 * SCORING_CLOCK=wall for wall time.
 */
export const CLOCK = process.env.SCORING_CLOCK === "wall" ? "wall" : "cpu";
export const now = CLOCK === "wall" ? () => performance.now() : cpuMs;

/** Runs `fn` after a garbage collection (collectGarbage) and gives its result and the time it took on `now`. */
export function timed(fn) {
  collectGarbage();
  const start = now();
  const value = fn();
  return { ms: now() - start, value };
}

/**
 * A count from the environment variable `name` (a whole number from 1), or `fallback` when it is not
 * set; any other value ends the run with a message naming the variable.
 */
export function countSetting(name, fallback) {
  const given = process.env[name];
  if (given === undefined || given.trim() === "") return fallback;
  const value = Number(given);
  if (Number.isInteger(value) && value >= 1) return value;
  console.error(`${name} must be a whole number from 1, not "${given}"`);
  process.exit(2);
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
