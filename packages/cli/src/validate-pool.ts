import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { busyCores } from "./busy-cores";
import type { ByteBatch, LineBatch } from "./inputs";
import type { CheckedBatch } from "./validate-batch";
import { describeThrown } from "@cohesion/schema";

/** What a validation worker needs to validate as the main thread's host does. */
export interface WorkerSetup {
  /**
   * Whether the host's plugins extend any kind's schema. Only then does the worker build a host of its own
   * (from `cwd` and `plugins`); otherwise it validates with @cohesion/schema, as the host does then.
   */
  extended: boolean;
  cwd: string;
  /** `--plugin` paths, added after the installed plugins, as in the main thread. */
  plugins: readonly string[];
}

/** A message to a worker: a batch of lines to check. */
export interface WorkerRequest {
  id: number;
  batch: LineBatch | ByteBatch;
}

/** A message from a worker. */
export type WorkerReply = { type: "ready" } | { type: "checked"; id: number; result: CheckedBatch } | { type: "failed"; reason: string };

/** A validation worker failed; the report would be incomplete, so the command stops. */
export class ValidationWorkerError extends Error {
  constructor(reason: string) {
    super(`validation in a worker thread failed (${reason})`);
    this.name = "ValidationWorkerError";
  }
}

/** Batches each worker may hold at once: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * The most validation workers to use: `COHESION_VALIDATE_WORKERS` when set (0 validates in the main
 * thread; more than the machine's cores counts as the cores). Otherwise one per free core besides the main
 * thread's, at most 3: the cores less the busy ones ({@link busyCores}), rounded. On a busy machine a worker
 * only competes with the main thread for a core, so there is none. Undefined when the value is not a whole
 * number. How many start also depends on the input's size ({@link workersForSize}).
 *
 * @example
 * ```ts
 * validationWorkers({ COHESION_VALIDATE_WORKERS: "0" }); // 0
 * validationWorkers({}, { cores: 8, load: 1.2 }); // 3
 * validationWorkers({}, { cores: 4, load: 2.7 }); // 0
 * validationWorkers({}, { cores: 2, load: 0.3 }); // 1
 * validationWorkers({}, { cores: 2, load: 1 }); // 0
 * validationWorkers({ COHESION_VALIDATE_WORKERS: "999" }, { cores: 8, load: 0 }); // 8
 * ```
 */
export function validationWorkers(env: Record<string, string | undefined>, machine: { cores: number; load: number } = { cores: availableParallelism(), load: busyCores() }): number | undefined {
  const value = env["COHESION_VALIDATE_WORKERS"];
  if (value === undefined || value.trim() === "") {
    const free = Math.round(machine.cores - machine.load);
    return Math.max(0, Math.min(3, free - 1));
  }
  // More threads than cores only compete for them, and hundreds would take minutes just to start.
  return /^\s*\d{1,3}\s*$/.test(value) ? Math.min(Number(value), machine.cores) : undefined;
}

/**
 * How many of at most `workers` to start for an input of `bytes` (unknown for standard input): one per
 * `from` bytes, so that a stream just past the threshold does not pay for starting several.
 *
 * @example
 * ```ts
 * workersForSize(3, 100 * 2 ** 20, 64 * 2 ** 20); // 1
 * ```
 */
export function workersForSize(workers: number, bytes: number | undefined, from: number): number {
  if (bytes === undefined || from <= 0) return workers;
  return Math.min(workers, Math.max(1, Math.floor(bytes / from)));
}

/**
 * Size from which an NDJSON stream is validated in worker threads unless told otherwise, and the size each
 * further worker needs: 100 MB. Where the worker has a core to itself, its start-up (the thread, the
 * validators, V8 optimising them a second time) was measured (on an earlier release) at about the CPU time
 * of validating 10 MB, so from 100 MB it adds at most a tenth to the CPU a run takes, while halving its time.
 */
export const DEFAULT_WORKERS_FROM = 100 * 1024 * 1024;

/**
 * The same threshold on a machine of two cores or fewer: 400 MB. There the two threads share the machine's
 * caches and V8's helper threads with everything else, and a worker's fixed cost was measured at 100–270 ms
 * of CPU (`perf/validate`): 22 % more CPU at 123 MB, 2 % at 515 MB, where it cut the time by 38 %.
 */
export const TWO_CORE_WORKERS_FROM = 400 * 1024 * 1024;

/**
 * Size from which an NDJSON stream is validated in worker threads: `COHESION_VALIDATE_WORKERS_FROM_MB`
 * megabytes when set, otherwise {@link DEFAULT_WORKERS_FROM} (100 MB), or {@link TWO_CORE_WORKERS_FROM}
 * (400 MB) on a machine of two cores or fewer. Undefined when the value is not a whole number.
 *
 * @example
 * ```ts
 * validationWorkersFrom({ COHESION_VALIDATE_WORKERS_FROM_MB: "8" }); // 8388608
 * validationWorkersFrom({}, 2); // 419430400
 * ```
 */
export function validationWorkersFrom(env: Record<string, string | undefined>, cores: number = availableParallelism()): number | undefined {
  const value = env["COHESION_VALIDATE_WORKERS_FROM_MB"];
  if (value === undefined || value.trim() === "") return cores <= 2 ? TWO_CORE_WORKERS_FROM : DEFAULT_WORKERS_FROM;
  return /^\s*\d{1,7}\s*$/.test(value) ? Number(value) * 1024 * 1024 : undefined;
}

/** The built worker script next to this module, or undefined when running from sources (tests). */
export function validationWorkerFile(): URL | undefined {
  const url = new URL("./validate-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: number;
}

interface Entry {
  id: number;
  batch: LineBatch | ByteBatch | undefined;
  result: CheckedBatch | undefined;
}

/**
 * A small pool of worker threads that check batches of NDJSON lines. Results come back in the order the
 * batches were submitted (or, for batches the main thread checked itself, handed in with {@link done}).
 * A worker holds at most two batches at a time ({@link free} says whether one has room), and the caller
 * lets at most {@link capacity} results pend, awaiting {@link next} before reading on, so memory stays flat.
 *
 * @example
 * ```ts
 * const pool = new ValidationPool(file, 1, { extended: false, cwd, plugins: [] });
 * if (pool.free) pool.submit(batch);
 * else pool.done(checkLineBatch(batch, host));
 * while (pool.pending >= pool.capacity) apply(await pool.next());
 * await pool.close();
 * ```
 */
export class ValidationPool {
  /** How many results may pend: the batches in the workers plus main-thread results waiting for their turn. */
  readonly capacity: number;
  private readonly slots: Slot[] = [];
  private readonly order: Entry[] = [];
  private readonly waiting: Entry[] = [];
  private readonly byId = new Map<number, { entry: Entry; slot: Slot }>();
  private nextId = 0;
  private failure: ValidationWorkerError | undefined;
  private closing = false;
  private wake: (() => void) | undefined;

  constructor(file: URL, size: number, setup: WorkerSetup) {
    this.capacity = size * IN_FLIGHT_PER_WORKER * 4;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(file, { workerData: setup, stdout: true, stderr: true });
      const slot: Slot = { worker, ready: false, inFlight: 0 };
      worker.on("message", (reply: WorkerReply) => this.onReply(slot, reply));
      worker.on("error", (error: unknown) => this.fail(describeThrown(error)));
      worker.on("messageerror", (error: unknown) => this.fail(describeThrown(error)));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(`a worker stopped with exit code ${code}`);
      });
      this.slots.push(slot);
    }
  }

  /** Whether a ready worker has room for another batch. */
  get free(): boolean {
    return this.failure === undefined && this.slots.some((slot) => slot.ready && slot.inFlight < IN_FLIGHT_PER_WORKER);
  }

  /** Queues the result of a batch checked elsewhere (in the main thread), to be taken in its turn. */
  done(result: CheckedBatch): void {
    this.order.push({ id: this.nextId++, batch: undefined, result });
  }

  /** The oldest pending result if it is there already. */
  take(): CheckedBatch | undefined {
    if (this.failure) throw this.failure;
    const first = this.order[0];
    if (first?.result === undefined) return undefined;
    this.order.shift();
    return first.result;
  }

  /** Batches submitted whose results have not been taken with {@link next} yet. */
  get pending(): number {
    return this.order.length;
  }

  /** Hands a batch to the least busy ready worker (or to the first one to become ready). */
  submit(batch: LineBatch | ByteBatch): void {
    if (this.failure) throw this.failure;
    const entry: Entry = { id: this.nextId++, batch, result: undefined };
    this.order.push(entry);
    this.waiting.push(entry);
    this.dispatch();
  }

  /** The result of the oldest pending batch, once it is there. */
  async next(): Promise<CheckedBatch> {
    for (;;) {
      if (this.failure) throw this.failure;
      const first = this.order[0];
      if (first === undefined) throw new Error("no batch is pending");
      if (first.result !== undefined) {
        this.order.shift();
        return first.result;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.ready && (best === undefined || slot.inFlight < best.inFlight)) best = slot;
      if (best === undefined) return;
      const entry = this.waiting.shift() as Entry;
      best.inFlight++;
      this.byId.set(entry.id, { entry, slot: best });
      const batch = entry.batch as LineBatch | ByteBatch;
      // Bytes are moved, not copied: each batch owns its buffer.
      best.worker.postMessage({ id: entry.id, batch } satisfies WorkerRequest, batch.type === "bytes" ? [batch.bytes.buffer as ArrayBuffer] : []);
      entry.batch = undefined;
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === "failed") {
      this.fail(reply.reason);
      return;
    }
    if (reply.type === "ready") slot.ready = true;
    else {
      const sent = this.byId.get(reply.id);
      if (sent === undefined) return;
      this.byId.delete(reply.id);
      sent.slot.inFlight--;
      sent.entry.result = reply.result;
    }
    this.dispatch();
    this.notify();
  }

  private fail(reason: string): void {
    if (this.closing || this.failure) return;
    this.failure = new ValidationWorkerError(reason);
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
