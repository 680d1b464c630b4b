import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { linesOfBytes, parseLineBatch, readNdjsonBytes, readSource, type InputItem } from "./inputs";

const dir = mkdtempSync(join(tmpdir(), "cohesion-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaText(file: string): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const batch of readSource({ file })) items.push(...batch);
  return items;
}

async function viaBytes(file: string, chunkBytes: number): Promise<InputItem[]> {
  const items: InputItem[] = [];
  let next = 1;
  for await (const batch of readNdjsonBytes(file, { chunkBytes })) {
    if (!("type" in batch)) {
      items.push(...batch);
      continue;
    }
    // Batches follow each other without gaps, and each holds as many lines as it says.
    expect(batch.firstLine).toBe(next);
    const lines = linesOfBytes(batch);
    expect(lines.lines).toHaveLength(batch.lineCount);
    next += batch.lineCount;
    items.push(...parseLineBatch(lines));
  }
  return items;
}

const line = fc.oneof(
  fc.constant(""),
  fc.constant("   "),
  fc.constant('{"kind":"place","name":"Malmö — Sofielund"}'),
  fc.constant("[1, 2,"),
  fc.constant("{not json"),
  fc.string({ maxLength: 30, unit: "binary" }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);

describe("readNdjsonBytes", () => {
  it("gives the same documents, failures and line numbers as readSource, whatever the chunk size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (lines, trailing, chunkBytes) => {
        const text = lines.map(([l, crlf]) => (crlf ? `${l}\r` : l)).join("\n") + (trailing && lines.length > 0 ? "\n" : "");
        const file = join(dir, "lines.ndjson");
        writeFileSync(file, text);
        expect(await viaBytes(file, chunkBytes)).toEqual(await viaText(file));
      }),
      { numRuns: 150 },
    );
  });

  it("says an empty file is empty and a missing one cannot be read", async () => {
    const empty = join(dir, "empty.ndjson");
    writeFileSync(empty, "");
    expect((await viaBytes(empty, 16)).map((item) => item.type === "failure" && item.code)).toEqual(["empty_input"]);
    expect((await viaBytes(join(dir, "missing.ndjson"), 16)).map((item) => item.type === "failure" && item.code)).toEqual(["not_readable"]);
  });
});
