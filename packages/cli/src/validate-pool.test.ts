import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { LineBatch } from "./inputs";
import type { CheckedBatch } from "./validate-batch";
import { busyCores } from "./busy-cores";
import { DEFAULT_WORKERS_FROM, ValidationPool, ValidationWorkerError, validationWorkers, validationWorkersFrom, workersForSize, TWO_CORE_WORKERS_FROM } from "./validate-pool";

const dir = mkdtempSync(join(tmpdir(), "cohesion-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in worker script: the real one is only built into dist (the e2e tests run it). */
function fakeWorker(name: string, body: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort, workerData } from "node:worker_threads";\n${body}\n`);
  return pathToFileURL(file);
}

const batch = (firstLine: number): LineBatch => ({ type: "lines", file: "a.ndjson", firstLine, lines: ["{}", "{}"] });

// Answers after a random delay, so that replies overtake each other.
const echo = fakeWorker(
  "echo",
  `parentPort.postMessage({ type: "ready" });
parentPort.on("message", ({ id, batch }) => setTimeout(() => parentPort.postMessage({ type: "checked", id, result: { documents: batch.firstLine, events: [] } }), Math.random() * 20));`,
);

async function collect(pool: ValidationPool, count: number, local: (i: number) => boolean): Promise<number[]> {
  const seen: number[] = [];
  const take = (result: CheckedBatch) => seen.push(result.documents);
  for (let i = 1; i <= count; i++) {
    if (pool.free && !local(i)) pool.submit(batch(i));
    else pool.done({ documents: i, events: [] });
    for (let result = pool.take(); result; result = pool.take()) take(result);
    while (pool.pending >= pool.capacity) take(await pool.next());
  }
  while (pool.pending > 0) take(await pool.next());
  return seen;
}

describe("ValidationPool", () => {
  it("hands back results in the order the batches came, mixed with the main thread's own", async () => {
    const pool = new ValidationPool(echo, 3, { extended: false, cwd: dir, plugins: [] });
    try {
      const seen = await collect(pool, 200, (i) => i % 7 === 0);
      expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    } finally {
      await pool.close();
    }
  });

  it("turns a worker that throws into a ValidationWorkerError, never a hang", async () => {
    const throwing = fakeWorker("throwing", `parentPort.postMessage({ type: "ready" });\nparentPort.on("message", () => { throw new Error("boom"); });`);
    const pool = new ValidationPool(throwing, 2, { extended: false, cwd: dir, plugins: [] });
    try {
      pool.submit(batch(1));
      await expect(pool.next()).rejects.toThrow(ValidationWorkerError);
      // From then on, every call says so.
      expect(() => pool.take()).toThrow(/boom/);
      expect(() => pool.submit(batch(2))).toThrow(/boom/);
      expect(pool.free).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it("turns a worker that cannot start or stops into a ValidationWorkerError", async () => {
    for (const body of [`throw new Error("cannot load");`, `parentPort.postMessage({ type: "ready" });\nparentPort.on("message", () => process.exit(3));`]) {
      const pool = new ValidationPool(fakeWorker("broken", body), 1, { extended: false, cwd: dir, plugins: [] });
      try {
        pool.submit(batch(1));
        await expect(pool.next()).rejects.toThrow(ValidationWorkerError);
      } finally {
        await pool.close();
      }
    }
  });

  it("passes the host setup to each worker", async () => {
    const setup = fakeWorker("setup", `parentPort.postMessage({ type: "ready" });\nparentPort.on("message", ({ id }) => parentPort.postMessage({ type: "checked", id, result: { documents: workerData.plugins.length, events: [{ type: "failure", file: workerData.cwd, code: "empty_input", detail: "" }] } }));`);
    const pool = new ValidationPool(setup, 1, { extended: true, cwd: "/somewhere", plugins: ["a", "b"] });
    try {
      pool.submit(batch(1));
      expect(await pool.next()).toEqual({ documents: 2, events: [{ type: "failure", file: "/somewhere", code: "empty_input", detail: "" }] });
    } finally {
      await pool.close();
    }
  });
});

describe("validationWorkers", () => {
  it("reads COHESION_VALIDATE_WORKERS, and defaults to the cores besides the main thread's", () => {
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: "0" })).toBe(0);
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: " 2 " }, { cores: 4, load: 0 })).toBe(2);
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: "two" })).toBeUndefined();
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: "-1" })).toBeUndefined();
    const fallback = validationWorkers({});
    expect(fallback).toBeGreaterThanOrEqual(0);
    expect(fallback).toBeLessThanOrEqual(3);
  });

  it("starts one per free core besides the main thread's, at most 3", () => {
    expect(validationWorkers({}, { cores: 1, load: 0 })).toBe(0);
    expect(validationWorkers({}, { cores: 2, load: 0 })).toBe(1);
    expect(validationWorkers({}, { cores: 2, load: 0.6 })).toBe(0);
    expect(validationWorkers({}, { cores: 2, load: 1.2 })).toBe(0);
    expect(validationWorkers({}, { cores: 4, load: 0.2 })).toBe(3);
    expect(validationWorkers({}, { cores: 4, load: 1.6 })).toBe(1);
    expect(validationWorkers({}, { cores: 4, load: 2.7 })).toBe(0);
    expect(validationWorkers({}, { cores: 16, load: 3 })).toBe(3);
    expect(validationWorkers({}, { cores: 16, load: 40 })).toBe(0);
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: "2" }, { cores: 2, load: 9 })).toBe(2);
    expect(validationWorkers({ COHESION_VALIDATE_WORKERS: "999" }, { cores: 4, load: 0 })).toBe(4);
  });

  it("counts as busy the smaller of the load average and the tasks running now besides this one", () => {
    const before = loadavg()[0] ?? 0;
    const busy = busyCores();
    const after = loadavg()[0] ?? 0;
    expect(Number.isFinite(busy)).toBe(true);
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(busy).toBeLessThanOrEqual(Math.max(before, after));
  });

  it("starts one worker per threshold's worth of input, at least one, at most the limit", () => {
    const mb = 1024 * 1024;
    expect(workersForSize(3, 70 * mb, 64 * mb)).toBe(1);
    expect(workersForSize(3, 200 * mb, 64 * mb)).toBe(3);
    expect(workersForSize(2, 10_000 * mb, 64 * mb)).toBe(2);
    expect(workersForSize(3, undefined, 64 * mb)).toBe(3);
  });
});

describe("validationWorkersFrom", () => {
  it("reads COHESION_VALIDATE_WORKERS_FROM_MB in megabytes; by default 100 MB, or 400 MB on two cores or fewer", () => {
    expect(validationWorkersFrom({}, 4)).toBe(DEFAULT_WORKERS_FROM);
    expect(DEFAULT_WORKERS_FROM).toBe(100 * 1024 * 1024);
    expect(validationWorkersFrom({}, 2)).toBe(TWO_CORE_WORKERS_FROM);
    expect(TWO_CORE_WORKERS_FROM).toBe(400 * 1024 * 1024);
    expect(validationWorkersFrom({ COHESION_VALIDATE_WORKERS_FROM_MB: "8" })).toBe(8 * 1024 * 1024);
    expect(validationWorkersFrom({ COHESION_VALIDATE_WORKERS_FROM_MB: "0" })).toBe(0);
    expect(validationWorkersFrom({ COHESION_VALIDATE_WORKERS_FROM_MB: "1.5" })).toBeUndefined();
  });
});
