/**
 * The slots of the watchdog's shared `Int32Array`. The main thread writes them on entry to and exit from
 * plugin code (plain `Atomics.store`s, no message, no system call); the watchdog thread only reads them,
 * except {@link SLOT.answered}.
 */
export const SLOT = {
  /** The number of the plugin call running on the main thread now, 0 when none. */
  call: 0,
  /** How many asynchronous plugin steps (loading a main module, an `activate` that returned a promise) are pending. */
  pending: 1,
  /** The plugin time limit in ms. */
  limit: 2,
  /** The number of the last probe the main thread answered (it was not stuck). */
  answered: 3,
  /** Always 0: the watchdog sleeps on it. */
  sleep: 4,
} as const;

/** How many slots the shared array has. */
export const SLOT_COUNT = 5;

/**
 * The watchdog thread, as the source of a CommonJS worker (`new Worker(source, { eval: true })`), so that it
 * needs no file of its own beside each build. It polls the shared slots; when one plugin call has run
 * longer than the limit, or asynchronous plugin steps have been pending that long, it asks the main thread
 * to look at itself: it opens an inspector session to the main thread and has it evaluate the probe
 * registered under `Symbol.for(key)`. The inspector runs that probe even while the main thread is stuck in
 * a synchronous loop (as an interrupt on top of the stuck code), which no timer, signal or message could.
 * The probe either ends the process (a plugin is stuck) or answers through `SLOT.answered`; the session is
 * then closed, so no session is open during normal work (an open one would make Node print "Waiting for the
 * debugger to disconnect..." at `process.exit`).
 */
export const WATCHDOG_SOURCE = `"use strict";
const { workerData } = require("node:worker_threads");
const { Session } = require("node:inspector");
const state = new Int32Array(workerData.buffer);
const S = ${JSON.stringify(SLOT)};
let seen = 0, seenAt = Date.now(), pendingSince = 0, probes = 0;
const probe = (call) => {
  const number = ++probes;
  const session = new Session();
  try {
    session.connectToMainThread();
    session.post("Runtime.evaluate", { expression: "globalThis[Symbol.for(" + JSON.stringify(workerData.key) + ")]?.(" + call + "," + number + ")" });
    // The probe ends the process when the main thread is stuck; otherwise it answers at once.
    const limit = Atomics.load(state, S.limit);
    for (let waited = 0; Atomics.load(state, S.answered) !== number && waited < limit; waited += 20) Atomics.wait(state, S.sleep, 0, 20);
  } finally {
    session.disconnect();
  }
};
for (;;) {
  const limit = Atomics.load(state, S.limit);
  Atomics.wait(state, S.sleep, 0, Math.max(10, Math.min(250, limit >> 2)));
  const now = Date.now();
  const call = Atomics.load(state, S.call);
  if (call !== seen) { seen = call; seenAt = now; }
  const pending = Atomics.load(state, S.pending);
  if (pending === 0) pendingSince = 0; else if (pendingSince === 0) pendingSince = now;
  const callTooLong = call !== 0 && now - seenAt >= limit;
  const pendingTooLong = pending !== 0 && now - pendingSince >= limit;
  if (!callTooLong && !pendingTooLong) continue;
  probe(call);
  // The main thread was not stuck (or did not answer): look again after another limit.
  seenAt = Date.now();
  if (pendingSince !== 0) pendingSince = seenAt;
}
`;
