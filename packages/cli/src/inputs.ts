import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { parseJsonText } from "@cohesion/core";

/** One document read from an input, with where it came from. */
export interface InputDocument {
  type: "document";
  file: string;
  /** 1-based line: the document's own line in NDJSON, 1 in a JSON file. */
  line: number;
  value: unknown;
  /** True for NDJSON lines: such documents are checked one by one and not kept. */
  streamed: boolean;
}

/** An input that could not be read or parsed. */
export interface InputFailure {
  type: "failure";
  file: string;
  line?: number;
  column?: number;
  code: "file_not_found" | "not_readable" | "invalid_json" | "empty_input";
  detail: string;
}

export type InputItem = InputDocument | InputFailure;

/**
 * Consecutive raw lines of an NDJSON stream, not parsed yet: `lines[i]` is line `firstLine + i` of `file`
 * (blank lines included, so numbering stays right). {@link parseLineBatch} turns it into items.
 */
export interface LineBatch {
  type: "lines";
  file: string;
  firstLine: number;
  lines: string[];
}

/** Size past which a TTY gets a progress bar. */
const LARGE_INPUT_BYTES = 5 * 1024 * 1024;

const JSON_EXTENSIONS = new Set([".json"]);
const NDJSON_EXTENSIONS = new Set([".ndjson", ".jsonl"]);

/** A file or stdin to read, with its byte size when known (for progress). */
export interface InputSource {
  file: string;
  size?: number;
}

/**
 * Expands the command line's inputs: files as given, directories walked for `.json`, `.ndjson` and `.jsonl`
 * files (skipping `node_modules` and dot-folders), `-` for standard input. Missing paths become failures.
 *
 * @example
 * ```ts
 * for await (const source of expandInputs(["examples"])) console.log(source.file);
 * ```
 */
export async function* expandInputs(paths: readonly string[]): AsyncGenerator<InputSource | InputFailure> {
  for (const path of paths) {
    if (path === "-") {
      yield { file: "-" };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch {
      yield { type: "failure", file: path, code: "file_not_found", detail: "no such file or directory" };
      continue;
    }
    if (info.isDirectory()) yield* walk(path);
    else yield { file: path, size: info.size };
  }
}

const NPM_FILES = new Set(["package.json", "package-lock.json", "npm-shrinkwrap.json"]);

async function* walk(dir: string): AsyncGenerator<InputSource> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // npm's own files are never Cohesion documents: a plugin folder validates without them (check-plugin reads the manifest).
    if (entry.name.startsWith(".") || entry.name === "node_modules" || NPM_FILES.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && (JSON_EXTENSIONS.has(extname(entry.name)) || NDJSON_EXTENSIONS.has(extname(entry.name)))) {
      const info = await stat(path);
      yield { file: path, size: info.size };
    }
  }
}

/** Whether a source is an NDJSON file (by its extension), read line by line. */
export function isNdjsonFile(source: InputSource): boolean {
  return source.file !== "-" && NDJSON_EXTENSIONS.has(extname(source.file));
}

/** Whether a source is large enough for a progress bar. */
export function isLarge(source: InputSource): boolean {
  return (source.size ?? 0) >= LARGE_INPUT_BYTES;
}

/**
 * Splits a text stream into lines, handed over in batches (one batch per chunk read), so that a large
 * NDJSON stream costs one await per chunk rather than one per line. A trailing `\r` is dropped.
 *
 * @example
 * ```ts
 * for await (const lines of readLineBatches(createReadStream("practices.ndjson", "utf8"))) count += lines.length;
 * ```
 */
export async function* readLineBatches(stream: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest !== "") yield [rest.endsWith("\r") ? rest.slice(0, -1) : rest];
}

/**
 * Consecutive lines of an NDJSON file as raw UTF-8 bytes, cut after a `\n` (or at the end of the file):
 * cheap to read and to hand to a worker thread, which decodes and parses them ({@link linesOfBytes}).
 */
export interface ByteBatch {
  type: "bytes";
  file: string;
  firstLine: number;
  /** How many lines the bytes hold. */
  lineCount: number;
  bytes: Uint8Array;
}

/** Bytes read at once from a large NDJSON file. */
const BYTE_CHUNK = 256 * 1024;

/**
 * Reads an NDJSON file as {@link ByteBatch}es of whole lines, counting lines but decoding nothing: the
 * reader for large files whose lines are parsed in worker threads. Lines are numbered as {@link readSource}
 * numbers them; an empty file gives `empty_input`, an unreadable one `not_readable`.
 *
 * @example
 * ```ts
 * for await (const batch of readNdjsonBytes("practices.ndjson")) if ("type" in batch) post(batch.bytes, batch.firstLine);
 * ```
 */
export async function* readNdjsonBytes(file: string, options: { onBytes?: (bytes: number) => void; chunkBytes?: number } = {}): AsyncGenerator<InputItem[] | ByteBatch> {
  let line = 1;
  let total = 0;
  let rest: Buffer | undefined;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: options.chunkBytes ?? BYTE_CHUNK }) as AsyncIterable<Buffer>) {
      options.onBytes?.(chunk.length);
      total += chunk.length;
      const end = chunk.lastIndexOf(10) + 1;
      if (end === 0) {
        rest = rest ? Buffer.concat([rest, chunk]) : Buffer.from(chunk);
        continue;
      }
      // A copy of exactly the batch's bytes, so that it can be transferred to a worker on its own.
      const bytes = new Uint8Array((rest?.length ?? 0) + end);
      if (rest) bytes.set(rest);
      bytes.set(chunk.subarray(0, end), rest?.length ?? 0);
      rest = end < chunk.length ? Buffer.from(chunk.subarray(end)) : undefined;
      let lineCount = 0;
      for (let at = chunk.indexOf(10); at !== -1 && at < end; at = chunk.indexOf(10, at + 1)) lineCount++;
      yield { type: "bytes", file, firstLine: line, lineCount, bytes };
      line += lineCount;
    }
  } catch (error) {
    yield [{ type: "failure", file, code: "not_readable", detail: describe(error) }];
    return;
  }
  if (rest) yield { type: "bytes", file, firstLine: line, lineCount: 1, bytes: new Uint8Array(rest) };
  if (total === 0) yield [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
}

/**
 * The lines of a {@link ByteBatch}, decoded and split exactly as {@link readLineBatches} splits a stream.
 *
 * @example
 * ```ts
 * const items = parseLineBatch(linesOfBytes(batch));
 * ```
 */
export function linesOfBytes(batch: ByteBatch): LineBatch {
  // Decoded line by line: a line without non-ASCII characters stays a one-byte string, several times
  // cheaper to decode and to parse than a slice of a chunk that has one somewhere.
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const lines: string[] = [];
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    lines.push(bytes.toString("utf8", start, end > start && bytes[end - 1] === 13 ? end - 1 : end));
    start = end + 1;
  }
  if (start < bytes.length) lines.push(bytes.toString("utf8", start, bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length));
  return { type: "lines", file: batch.file, firstLine: batch.firstLine, lines };
}

/**
 * Reads the documents of one source, in batches. A `.json` file is one document (or an array of
 * documents); a `.ndjson` or `.jsonl` file is read line by line in constant memory. Standard input is
 * NDJSON when its first non-empty line is a complete JSON value, otherwise one JSON document.
 *
 * @example
 * ```ts
 * for await (const batch of readSource({ file: "practices.ndjson" })) for (const item of batch) if (item.type === "document") check(item.value);
 * ```
 */
export async function* readSource(
  source: InputSource,
  options: { stdin?: Readable; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<InputItem[]> {
  for await (const batch of readSourceLines(source, options)) {
    if (!("type" in batch)) {
      yield batch;
      continue;
    }
    const items = parseLineBatch(batch.type === "bytes" ? linesOfBytes(batch) : batch);
    if (items.length > 0) yield items;
  }
}

/**
 * Like {@link readSource}, but the lines of an NDJSON stream come unparsed — an NDJSON file's as
 * {@link ByteBatch}es, standard input's as {@link LineBatch}es — so that they can be parsed elsewhere, e.g.
 * in a worker thread; everything else comes as items.
 *
 * @example
 * ```ts
 * for await (const batch of readSourceLines({ file: "practices.ndjson" })) if ("type" in batch) post(batch);
 * ```
 */
export async function* readSourceLines(
  source: InputSource,
  options: { stdin?: Readable; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<InputItem[] | LineBatch | ByteBatch> {
  const { file } = source;
  if (file === "-") {
    yield* readStdin(options.stdin ?? process.stdin);
    return;
  }
  if (NDJSON_EXTENSIONS.has(extname(file))) {
    yield* readNdjsonBytes(file, options);
    return;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    yield [{ type: "failure", file, code: "not_readable", detail: describe(error) }];
    return;
  }
  options.onBytes?.(Buffer.byteLength(text));
  yield parseWhole(file, text);
}

/**
 * Parses the lines of a {@link LineBatch}: a document per non-blank line, or an `invalid_json` failure with
 * the line and column. The one place NDJSON lines are parsed, in the main thread or in a worker.
 *
 * @example
 * ```ts
 * parseLineBatch({ type: "lines", file: "a.ndjson", firstLine: 7, lines: ['{"kind":"place"}', "", "{"] });
 * // [{ type: "document", line: 7, … }, { type: "failure", code: "invalid_json", line: 9, column: 2, … }]
 * ```
 */
export function parseLineBatch(batch: LineBatch): InputItem[] {
  const { file, lines } = batch;
  const items: InputItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === "") continue;
    const line = batch.firstLine + i;
    const parsed = parseLine(raw);
    if (parsed.ok) items.push({ type: "document", file, line, value: parsed.value, streamed: true });
    else items.push({ type: "failure", file, code: "invalid_json", detail: parsed.reason, line, column: parsed.column });
  }
  return items;
}

function parseWhole(file: string, text: string): InputItem[] {
  if (text.trim() === "") return [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
  const parsed = parseJsonText(text);
  if (!parsed.ok) return [{ type: "failure", file, code: "invalid_json", detail: parsed.reason, line: parsed.line, column: parsed.column }];
  const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return values.map((value) => ({ type: "document", file, line: 1, value, streamed: false }));
}

async function* ndjsonLines(file: string, batches: AsyncIterable<string[]>): AsyncGenerator<InputItem[] | LineBatch> {
  let line = 0;
  for await (const lines of batches) {
    if (lines.length === 0) continue;
    yield { type: "lines", file, firstLine: line + 1, lines };
    line += lines.length;
  }
  if (line === 0) yield [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
}

async function* readStdin(stdin: Readable): AsyncGenerator<InputItem[] | LineBatch> {
  stdin.setEncoding("utf8");
  const batches = readLineBatches(stdin)[Symbol.asyncIterator]();
  const seen: string[] = [];
  // Decide the format from the first non-empty line, then stream the rest.
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      yield parseWhole("-", seen.join("\n"));
      return;
    }
    seen.push(...next.value);
    const head = seen.find((l) => l.trim() !== "");
    if (head === undefined) continue;
    if (parseLine(head).ok) {
      const rest: AsyncIterable<string[]> = { [Symbol.asyncIterator]: () => batches };
      yield* ndjsonLines("-", prepend([seen], rest));
      return;
    }
    // Not a complete value on its own line: one multi-line JSON document; read it whole.
    for (let more = await batches.next(); !more.done; more = await batches.next()) seen.push(...more.value);
    yield parseWhole("-", seen.join("\n"));
    return;
  }
}

async function* prepend<T>(first: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

// The fast path matters for large NDJSON streams: only a failed line pays for the position scan.
function parseLine(raw: string): ReturnType<typeof parseJsonText> {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return parseJsonText(raw);
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (code === "EACCES") return "permission denied";
    if (code === "EISDIR") return "is a directory";
    if (code === "ENOENT") return "no such file or directory";
  }
  return error instanceof Error ? error.message : String(error);
}
