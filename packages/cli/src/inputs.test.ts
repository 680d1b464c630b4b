import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { firstInvalidUtf8 } from "@cohesion/core/json";
import { encodingProblem } from "./encoding";
import { duplicateKeysOf } from "@cohesion/core/json";
import { eachLineItem, linesOfBytes, parseLineBatch, readLineBatches, readNdjsonBytes, readSource, type InputItem } from "./inputs";

const dir = mkdtempSync(join(tmpdir(), "cohesion-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The reference: the file decoded as a text stream and split by readLineBatches, as the CLI once read it. */
async function viaText(file: string): Promise<InputItem[]> {
  const items: InputItem[] = [];
  let next = 1;
  for await (const lines of readLineBatches(createReadStream(file, { encoding: "utf8", highWaterMark: 7 }))) {
    items.push(...parseLineBatch({ type: "lines", file, firstLine: next, lines }));
    next += lines.length;
  }
  if (next === 1) items.push({ type: "failure", file, code: "empty_input", detail: "the input is empty" });
  return items;
}

async function viaSource(file: string): Promise<InputItem[]> {
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

// Objects whose keys repeat (or nearly), spelled so that counting keys from the text is hard: whitespace
// before a colon, escaped quotes and colons, strings that start with a colon.
const repeatedKeys = fc
  .array(fc.tuple(fc.constantFrom("a", "b", 'a\\"', "a\\u003a", ":", ""), fc.constantFrom(":", " :", ": "), fc.constantFrom("1", '":x"', '"\\":"', "{}", '{"a":1,"a" :2}')), { minLength: 1, maxLength: 4 })
  .map((members) => `{${members.map(([key, colon, value]) => `"${key}"${colon}${value}`).join(",")}}`);
const line = fc.oneof(
  fc.constant(""),
  fc.constant("   "),
  fc.constant('{"kind":"place","name":"Malmö — Sofielund"}'),
  fc.constant("[1, 2,"),
  fc.constant("{not json"),
  // One line each: a newline inside would shift the numbering the references below rely on.
  fc.string({ maxLength: 30, unit: "binary" }).map((text) => text.replaceAll("\n", " ")),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  repeatedKeys,
).map((text) => Buffer.from(text, "utf8"));
// Bytes that are not always UTF-8: cut multi-byte characters, stray continuation bytes, carriage returns.
const rawLine = fc.oneof(
  line,
  fc.uint8Array({ maxLength: 12 }).map((bytes) => Buffer.from(bytes.filter((b) => b !== 10))),
  fc.constantFrom(Buffer.from([0xe2, 0x80]), Buffer.from([0xc3]), Buffer.from([0x22, 0xf0, 0x9f, 0x98, 0x22]), Buffer.from([0x80, 0x0d]), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
);

describe("readNdjsonBytes", () => {
  it("gives the same documents, failures and line numbers as decoding the file as a text stream, whatever the chunk size or bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(rawLine, fc.boolean()), { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (lines, trailing, chunkBytes) => {
        const parts = lines.flatMap(([bytes, crlf], i) => [...(i > 0 ? [Buffer.from("\n")] : []), bytes, ...(crlf ? [Buffer.from("\r")] : [])]);
        const file = join(dir, "lines.ndjson");
        writeFileSync(file, Buffer.concat([...parts, ...(trailing && lines.length > 0 ? [Buffer.from("\n")] : [])]));
        // Decoding as text turns bad bytes into U+FFFD; the byte reader reports each such line instead.
        const badLines = new Map<number, number>();
        lines.forEach(([bytes, crlf], i) => {
          const own = crlf ? Buffer.concat([bytes, Buffer.from("\r")]) : bytes;
          const stripped = own[own.length - 1] === 13 ? own.subarray(0, own.length - 1) : own;
          const bad = firstInvalidUtf8(stripped);
          if (bad !== undefined) badLines.set(i + 1, bad + 1);
        });
        const written = readFileSync(file);
        // A file that its first bytes show is not UTF-8 JSON text (UTF-16, a signature) is one failure.
        const head = encodingProblem(written);
        if (head) {
          const codes = { encoding: "wrong_encoding", spreadsheet: "spreadsheet_input", binary: "binary_input" } as const;
          for (const items of [await viaBytes(file, chunkBytes), await viaSource(file)]) expect(items.map((item) => item.type === "failure" && item.code)).toEqual([codes[head.kind]]);
          return;
        }
        // A leading byte order mark is not part of the text, and a file of blank lines is empty.
        const bom = written[0] === 0xef && written[1] === 0xbb && written[2] === 0xbf;
        if (bom) writeFileSync(file, written.subarray(3));
        const decoded = await viaText(file);
        if (bom) writeFileSync(file, written);
        const empty: InputItem = { type: "failure", file, code: "empty_input", detail: "the input is empty" };
        const text = decoded.length === 0 && written.length > 0 ? [empty] : decoded;
        const reference = text.map((item): InputItem => {
          const column = item.line === undefined ? undefined : badLines.get(item.line);
          return column === undefined ? item : { type: "failure", file, code: "invalid_utf8", detail: "a byte that is not UTF-8", line: item.line as number, column };
        });
        expect(await viaBytes(file, chunkBytes)).toEqual(reference);
        expect(await viaSource(file)).toEqual(reference);
      }),
      { numRuns: 200 },
    );
  });

  it("answers every line with its own item, and finds repeated keys exactly where a full scan of the line does", () => {
    fc.assert(
      fc.property(fc.array(rawLine, { maxLength: 20 }), fc.integer({ min: 1, max: 1000 }), (lines, firstLine) => {
        const bytes = Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]));
        const items: InputItem[] = [];
        eachLineItem({ type: "bytes", file: "f.ndjson", firstLine, lineCount: lines.length, bytes }, (item) => void items.push(item));
        const expected = lines.flatMap((raw, i) => {
          const text = raw.toString("utf8").replace(/\r$/, "");
          return text.trim() === "" ? [] : [{ line: firstLine + i, text }];
        });
        expect(items.map((item) => item.line)).toEqual(expected.map((e) => e.line));
        items.forEach((item, i) => {
          if (item.type === "failure") return expect(["invalid_json", "invalid_utf8"]).toContain(item.code);
          expect(item.duplicates ?? []).toEqual(duplicateKeysOf((expected[i] as { text: string }).text));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("says an empty file is empty and a missing one cannot be read", async () => {
    const empty = join(dir, "empty.ndjson");
    writeFileSync(empty, "");
    expect((await viaBytes(empty, 16)).map((item) => item.type === "failure" && item.code)).toEqual(["empty_input"]);
    expect((await viaBytes(join(dir, "missing.ndjson"), 16)).map((item) => item.type === "failure" && item.code)).toEqual(["not_readable"]);
  });
});

describe("half a surrogate pair", () => {
  it("is named exactly when some string or key of the line holds one, wherever it is", () => {
    const halfPair = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const holdsHalf = (value: unknown): boolean =>
      typeof value === "string" ? halfPair.test(value) : typeof value === "object" && value !== null && Object.entries(value).some(([k, v]) => halfPair.test(k) || holdsHalf(v));
    fc.assert(
      // Characters that are halves of pairs, whole pairs, and any other: JSON.stringify escapes only the halves.
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: fc.oneof(fc.constantFrom("\ud800", "\udc00", "\ud83d", "\ud83d\ude00"), fc.string({ minLength: 1, maxLength: 1 })) }), (value) => {
        const raw = JSON.stringify(value);
        const items = parseLineBatch({ type: "lines", file: "f.ndjson", firstLine: 1, lines: [raw] });
        const lone = items[0]?.type === "failure" && items[0].code === "lone_surrogate";
        expect(lone).toBe(holdsHalf(JSON.parse(raw)));
        // And the pointer is the first such string or key in document order.
        if (lone) expect(items[0]?.type === "failure" && items[0].params?.["at"]).toBe(firstHalf(JSON.parse(raw), "") || "the document root");
      }),
      { numRuns: 500 },
    );
  });

  it("is found at any depth, with its pointer, without exhausting the stack", () => {
    const depth = 100_000;
    const raw = `${"[".repeat(depth)}"\\ud800"${"]".repeat(depth)}`;
    const items = parseLineBatch({ type: "lines", file: "f.ndjson", firstLine: 1, lines: [raw] });
    expect(items).toHaveLength(1);
    const item = items[0];
    expect(item?.type === "failure" && item.code).toBe("lone_surrogate");
    expect(item?.type === "failure" && item.params?.["at"]).toBe("/0".repeat(depth));
  });
});

// The pointer of the first string or key holding half a pair, depth first in document order.
function firstHalf(value: unknown, pointer: string): string | undefined {
  const halfPair = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  if (typeof value === "string") return halfPair.test(value) ? pointer : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (halfPair.test(key)) return at;
    const found = firstHalf(child, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe("readLineBatches and standard input without end", () => {
  // One 1 MiB string handed over again and again: a line that never ends, at almost no memory cost.
  async function* endless(piece: string, times: number): AsyncGenerator<string> {
    for (let i = 0; i < times; i++) yield piece;
  }
  const mebibyte = "x".repeat(2 ** 20);

  it("refuses a line longer than the longest text JavaScript can hold, instead of growing until memory runs out", async () => {
    const lines: string[] = [];
    await expect(
      (async () => {
        for await (const batch of readLineBatches(endless(mebibyte, 600))) lines.push(...batch);
      })(),
    ).rejects.toMatchObject({ name: "LineTooLongError", message: expect.stringContaining("longer than about 512 MiB") });
    expect(lines).toEqual([]);
  });

  it("joins a long line's pieces once its end comes", async () => {
    const batches: string[][] = [];
    async function* pieces() {
      yield* endless("ab", 3);
      yield "c\r\nd\n";
      yield "e";
    }
    for await (const batch of readLineBatches(pieces())) batches.push(batch);
    expect(batches).toEqual([["abababc", "d"], ["e"]]);
  });

  it("answers standard input whose one line never ends with not_readable, after the items read before it", async () => {
    const { Readable } = await import("node:stream");
    async function* input() {
      yield Buffer.from('{"kind":"scale"}\n');
      for (let i = 0; i < 600; i++) yield Buffer.from(mebibyte);
    }
    const items: InputItem[] = [];
    for await (const batch of readSource({ file: "-" }, { stdin: Readable.from(input()) })) items.push(...batch);
    expect(items.at(-1)).toMatchObject({ type: "failure", file: "-", code: "not_readable", detail: expect.stringContaining("longer than about 512 MiB") });
    expect(items.some((item) => item.type !== "failure")).toBe(true);
  }, 60_000);
});
