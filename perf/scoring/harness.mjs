// What every scoring measurement shares besides its data (./fixture.mjs): the engine build it measures,
// a garbage collection on demand between phases, and the median of rounds.
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
  const used = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (let waited = 0; waited < 2000; waited += 10) {
    const before = used();
    Atomics.wait(pause, 0, 0, 10);
    if (used() - before < 1) return;
  }
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error("median of no values");
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
