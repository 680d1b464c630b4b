import { closeSync, openSync } from "node:fs";
import { devNull } from "node:os";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread } from "node:worker_threads";
import { SLOT, SLOT_COUNT, WATCHDOG_SOURCE } from "./watchdog-worker";

/**
 * One kind of plugin work the watchdog times: a plugin, what it is doing (as a problem message names it)
 * and what to do when it is stuck. Made once per plugin and step, not per call.
 */
export interface PluginStep {
  /** The plugin's id. */
  readonly plugin: string;
  /** The plugin's folder: a stuck step is found by the plugin's frames on the stack. */
  readonly root: string;
  /** What the plugin is doing, for example "activate" or `score() of its scoring model "acme.median"`. */
  readonly step: string;
  /** The plugin time limit in ms. */
  readonly limitMs: number;
  /** Says what is stuck and answers the exit code; called on the main thread, on top of the stuck code. */
  readonly stuck: (step: PluginStep) => number;
}

/**
 * Times the plugin code the main thread runs, so that code stuck in a synchronous endless loop ends the
 * process with a problem instead of hanging it. See {@link startWatchdog}.
 */
export interface Watchdog {
  /** Runs `fn` (plugin code) as one call of `step`: a call running longer than the limit is stuck. */
  call<T>(step: PluginStep, fn: (...args: never[]) => T, self: unknown, args: readonly unknown[]): T;
  /** Counts `step` as pending until `promise` settles: plugin frames on the stack after the limit are stuck. */
  pending<T>(step: PluginStep, promise: Promise<T>): Promise<T>;
  /** Lets go of the watchdog; the thread stops when every host that started it has let go. */
  release(): Promise<void>;
}

interface Running {
  readonly worker: Worker;
  readonly state: Int32Array;
  readonly key: string;
  users: number;
}

let running: Running | undefined;
let calls = 0;
let depth = 0;
let current: PluginStep | undefined;
let limit = 0;
const pendingSteps = new Map<PluginStep, number>();

function setLimit(state: Int32Array, ms: number): void {
  if (ms === limit) return;
  limit = ms;
  // The slot holds 32 bits: a longer limit (24 days) is as good as none.
  Atomics.store(state, SLOT.limit, Math.min(Math.max(1, Math.round(ms)), 0x7fffffff));
}

/** The step whose plugin has the innermost frame on the stack, among the pending ones. */
function pendingStepOnStack(): PluginStep | undefined {
  const prepare = Error.prepareStackTrace;
  const depthBefore = Error.stackTraceLimit;
  let sites: NodeJS.CallSite[] = [];
  try {
    // Call sites rather than text: a plugin or a source-map tool may have changed how stacks print.
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = 200;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder);
    sites = holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = depthBefore;
  }
  for (const site of sites) {
    const name = site.getFileName();
    if (!name) continue;
    let file: string;
    try {
      file = name.startsWith("file:") ? fileURLToPath(name) : name;
    } catch {
      continue;
    }
    for (const step of pendingSteps.keys()) if (file.startsWith(step.root + sep)) return step;
  }
  return undefined;
}

// Node prints "Waiting for the debugger to disconnect..." on standard error when the process exits with an
// inspector session open, and the probe runs through one. Standard error goes to the null device first, so
// the stuck plugin's problem stays the last thing the user reads.
function endProcess(code: number): never {
  try {
    closeSync(2);
    openSync(devNull, "w");
  } catch {
    // Nothing else to do: at worst the user sees Node's line after ours.
  }
  process.exit(code);
}

// Run by the inspector on the main thread, on top of whatever the main thread is running: stuck plugin code,
// or nothing at all when it was only waiting.
function probe(state: Int32Array, call: number, number: number): void {
  const stuck = call !== 0 && call === Atomics.load(state, SLOT.call) && current ? current : pendingSteps.size > 0 ? pendingStepOnStack() : undefined;
  if (stuck) endProcess(stuck.stuck(stuck));
  Atomics.store(state, SLOT.answered, number);
}

function start(): Running | undefined {
  // The inspector session of a worker reaches the process's main thread only: a host in a worker thread has no watchdog.
  if (!isMainThread) return undefined;
  const state = new Int32Array(new SharedArrayBuffer(SLOT_COUNT * Int32Array.BYTES_PER_ELEMENT));
  const key = `@cohesion/core watchdog ${process.pid} ${Math.random()}`;
  let worker: Worker;
  try {
    worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { buffer: state.buffer, key }, stdout: false, stderr: false });
  } catch {
    return undefined;
  }
  // It must never keep a finished command alive, nor turn its own failure into the command's.
  worker.unref();
  worker.on("error", () => undefined);
  (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = (call: number, number: number) => probe(state, call, number);
  limit = 0;
  return { worker, state, key, users: 0 };
}

async function stop(stopped: Running): Promise<void> {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for(stopped.key)];
  if (running === stopped) running = undefined;
  await stopped.worker.terminate();
}

/**
 * Starts the watchdog thread, or takes another user of the one running; undefined where there can be none
 * (a host in a worker thread, or a thread that cannot start). The thread polls slots of shared memory that
 * {@link Watchdog.call} and {@link Watchdog.pending} write; when a call has run longer than its step's limit,
 * or steps have been pending that long while a pending plugin's frames are on the stack, the step's `stuck`
 * is called on the main thread, through the inspector, on top of the stuck code (which cannot be resumed or
 * unwound), and the process ends with the code it answers.
 *
 * @example
 * ```ts
 * const watchdog = startWatchdog();
 * const result = watchdog ? watchdog.call(step, model.score, model, [assessment]) : model.score(assessment);
 * await watchdog?.release();
 * ```
 */
export function startWatchdog(): Watchdog | undefined {
  running ??= start();
  const mine = running;
  if (!mine) return undefined;
  mine.users += 1;
  const { state } = mine;
  let released = false;
  return {
    call: (step, fn, self, args) => {
      if (depth++ === 0) {
        current = step;
        setLimit(state, step.limitMs);
        calls = calls === 0x7fffffff ? 1 : calls + 1;
        Atomics.store(state, SLOT.call, calls);
      }
      try {
        return Reflect.apply(fn, self, args) as ReturnType<typeof fn>;
      } finally {
        if (--depth === 0) {
          Atomics.store(state, SLOT.call, 0);
          current = undefined;
        }
      }
    },
    pending: (step, promise) => {
      setLimit(state, step.limitMs);
      pendingSteps.set(step, (pendingSteps.get(step) ?? 0) + 1);
      Atomics.store(state, SLOT.pending, pendingSteps.size);
      const settled = (): void => {
        const left = (pendingSteps.get(step) ?? 1) - 1;
        if (left === 0) pendingSteps.delete(step);
        else pendingSteps.set(step, left);
        Atomics.store(state, SLOT.pending, pendingSteps.size);
      };
      return promise.finally(settled);
    },
    release: async () => {
      if (released) return;
      released = true;
      mine.users -= 1;
      if (mine.users === 0) await stop(mine);
    },
  };
}
