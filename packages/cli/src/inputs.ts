import { constants as bufferConstants, isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { duplicateKeysOf, firstInvalidUtf8, invalidUtf8At, JsonRefusal, jsonSyntaxError, parseJsonDocument, parseOrRefuse, type DuplicateKey, type TextPosition } from "@cohesion/core/json";
import { decodeUtf8Strictly, encodingProblem, type EncodingProblem, type Utf8Fault } from "./encoding";
import { describeThrown, escapePointerSegment } from "@cohesion/schema";

/** One document read from an input, with where it came from. */
export interface InputDocument {
  type: "document";
  file: string;
  /** 1-based line: the document's own line in NDJSON, 1 in a JSON file. */
  line: number;
  value: unknown;
  /** True for NDJSON lines: such documents are checked one by one and not kept. */
  streamed: boolean;
  /** The document's index when the file holds an array of documents. */
  index?: number;
  /** Where a pointer of the document stands in the file (JSON files only). */
  locate?: (pointer: string) => TextPosition | undefined;
  /** Keys repeated within one object: JSON keeps the last, so each is an error of its own. */
  duplicates?: readonly DuplicateKey[];
}

/** An input that could not be read or parsed. */
export interface InputFailure {
  type: "failure";
  file: string;
  line?: number;
  column?: number;
  code: InputFailureCode;
  detail: string;
  /** More about the failure, for the problem's params (e.g. the encoding found). */
  params?: Record<string, unknown>;
}

/** Why an input could not be read as JSON. */
export type InputFailureCode = "file_not_found" | "not_readable" | "invalid_json" | "empty_input" | "invalid_utf8" | "wrong_encoding" | "spreadsheet_input" | "symlink_loop" | "is_a_folder" | "empty_folder" | "binary_input" | "lone_surrogate";

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
  /** Lines (by index in `lines`) that were not valid UTF-8, with the column (byte) of the first bad byte. */
  invalidUtf8?: Map<number, number>;
}

/** Size past which a TTY gets a progress bar. */
const LARGE_INPUT_BYTES = 5 * 1024 * 1024;

const JSON_EXTENSIONS = new Set([".json"]);
const NDJSON_EXTENSIONS = new Set([".ndjson", ".jsonl"]);
/** Spreadsheet and delimited-text files, which people give when they mean their data. */
const SPREADSHEET_EXTENSIONS = new Map([
  [".xlsx", "an Excel workbook"],
  [".xlsm", "an Excel workbook"],
  [".xls", "an Excel workbook"],
  [".ods", "an OpenDocument spreadsheet"],
  [".csv", "comma-separated values"],
  [".tsv", "tab-separated values"],
]);

// Extensions are matched in any case: `PLACES.JSON` is as much JSON as `places.json`.
function extensionOf(file: string): string {
  return extname(file).toLowerCase();
}

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
    } catch (error) {
      yield await statFailure(path, error);
      continue;
    }
    if (!info.isDirectory()) {
      yield { file: path, size: info.size };
      continue;
    }
    // A folder given by name that holds nothing to read is said, never counted as "all valid".
    let found = false;
    for await (const item of walk(path, new Set([await realpath(path).catch(() => path)]))) {
      found = true;
      yield item;
    }
    if (!found) yield { type: "failure", file: path, code: "empty_folder", detail: "no .json, .ndjson or .jsonl file" };
  }
}

const NPM_FILES = new Set(["package.json", "package-lock.json", "npm-shrinkwrap.json"]);

/**
 * Walks a folder in name order. Symbolic links are followed, to files and to folders alike; a link that
 * leads back into a folder being walked, or to nothing, is reported rather than skipped.
 */
async function* walk(dir: string, open: ReadonlySet<string>): AsyncGenerator<InputSource | InputFailure> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    yield { type: "failure", file: dir, code: "not_readable", detail: describe(error) };
    return;
  }
  for (const entry of entries) {
    // npm's own files are never Cohesion documents: a plugin folder validates without them (check-plugin reads the manifest).
    if (entry.name.startsWith(".") || entry.name === "node_modules" || NPM_FILES.has(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = await stat(path);
      } catch (error) {
        yield await statFailure(path, error);
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      const real = await realpath(path).catch(() => path);
      if (open.has(real)) {
        yield { type: "failure", file: path, code: "symlink_loop", detail: "a symbolic link leads back into a folder that contains it" };
        continue;
      }
      yield* walk(path, new Set([...open, real]));
    } else if (isFile && (JSON_EXTENSIONS.has(extensionOf(entry.name)) || NDJSON_EXTENSIONS.has(extensionOf(entry.name)))) {
      try {
        const info = await stat(path);
        yield { file: path, size: info.size };
      } catch (error) {
        yield await statFailure(path, error);
      }
    }
  }
}

/** Why a path cannot be opened: missing, a link to nothing, a link loop, or not allowed. */
async function statFailure(path: string, error: unknown): Promise<InputFailure> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ELOOP") return { type: "failure", file: path, code: "symlink_loop", detail: "symbolic links lead in a circle" };
  if (code === "ENOENT" || code === "ENOTDIR") {
    const link = await lstat(path).then((l) => l.isSymbolicLink(), () => false);
    if (link) return { type: "failure", file: path, code: "not_readable", detail: "a symbolic link to a file that does not exist" };
    return { type: "failure", file: path, code: "file_not_found", detail: "no such file or directory" };
  }
  return { type: "failure", file: path, code: "not_readable", detail: describe(error) };
}

/** Whether a source is an NDJSON file (by its extension), read line by line. */
export function isNdjsonFile(source: InputSource): boolean {
  return source.file !== "-" && NDJSON_EXTENSIONS.has(extensionOf(source.file));
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
  // The start of a line not ended yet, in pieces: joined once when its end comes, so that a long line
  // costs its own size to read, not its size times the number of chunks.
  let pieces: string[] = [];
  let pending = 0;
  for await (const chunk of stream) {
    const piece = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    if (pending + piece.length > MAX_TEXT_CHARS) throw new LineTooLongError();
    if (piece.indexOf("\n") === -1) {
      pieces.push(piece);
      pending += piece.length;
      continue;
    }
    const text = pieces.length > 0 ? pieces.join("") + piece : piece;
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
      start = end + 1;
    }
    const rest = text.slice(start);
    pieces = rest === "" ? [] : [rest];
    pending = rest.length;
    if (lines.length > 0) yield lines;
  }
  const rest = pieces.join("");
  if (rest !== "") yield [rest.endsWith("\r") ? rest.slice(0, -1) : rest];
}

/** Thrown by {@link readLineBatches} when a line grows longer than the longest text JavaScript can hold. */
export class LineTooLongError extends Error {
  constructor(what = "a line") {
    super(`${what} is longer than ${MAX_TEXT}, the longest text JavaScript can hold`);
    this.name = "LineTooLongError";
  }
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

// The longest text JavaScript can hold (V8: 2^29 - 24 characters, about 512 MiB). A JSON file or an NDJSON
// line longer than this cannot be parsed, so it is refused when reading reaches it: a device that never
// ends (/dev/zero) or a line without end is an answer, not a hang or a crash out of memory.
const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;
const MAX_TEXT_CHARS = bufferConstants.MAX_STRING_LENGTH;
const MAX_TEXT = `about ${Math.round(MAX_TEXT_BYTES / 2 ** 20)} MiB`;

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
  // The start of a line not ended yet, in pieces: joined once when its end comes, so that a line of any
  // length costs its own size to read, not its size times the number of chunks.
  let rest: Buffer[] = [];
  let restBytes = 0;
  // Nothing but blank lines (or nothing at all) is an empty input, as a JSON file of whitespace is.
  let blank = true;
  try {
    for await (let chunk of withHead(createReadStream(file, { highWaterMark: options.chunkBytes ?? BYTE_CHUNK }) as AsyncIterable<Buffer>, options.onBytes)) {
      // Lines of a UTF-16 file, a spreadsheet or a PDF would each be a problem of their own: the file is one.
      const problem = total === 0 ? encodingProblem(chunk) : undefined;
      if (problem) {
        yield [problemFailure(file, problem)];
        return;
      }
      // A UTF-8 byte order mark is allowed, as in a JSON file (Windows tools write one).
      if (total === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        total += 3;
        chunk = chunk.subarray(3);
      }
      total += chunk.length;
      blank &&= isBlankBytes(chunk);
      const end = chunk.lastIndexOf(10) + 1;
      if (end === 0) {
        // Its end may never come (a device without end): reading stops here, and says so.
        if (restBytes + chunk.length > MAX_TEXT_BYTES) {
          const detail = `line ${line} is longer than ${MAX_TEXT}, the longest text JavaScript can hold; the file is not read past it — split it into smaller documents`;
          yield [{ type: "failure", file, line, code: "not_readable", detail }];
          return;
        }
        rest.push(chunk);
        restBytes += chunk.length;
        continue;
      }
      // A copy of exactly the batch's bytes, so that it can be transferred to a worker on its own.
      const bytes = new Uint8Array(restBytes + end);
      let at = 0;
      for (const piece of rest) {
        bytes.set(piece, at);
        at += piece.length;
      }
      bytes.set(chunk.subarray(0, end), at);
      rest = end < chunk.length ? [Buffer.from(chunk.subarray(end))] : [];
      restBytes = end < chunk.length ? chunk.length - end : 0;
      const lineCount = countLines(chunk, end);
      yield { type: "bytes", file, firstLine: line, lineCount, bytes };
      line += lineCount;
    }
  } catch (error) {
    yield [{ type: "failure", file, code: "not_readable", detail: describe(error) }];
    return;
  }
  if (restBytes > 0) yield { type: "bytes", file, firstLine: line, lineCount: 1, bytes: new Uint8Array(Buffer.concat(rest, restBytes)) };
  if (blank) yield [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
}

/** Bytes enough to recognise a file by its start (a byte order mark, a signature, markup). */
const HEAD_BYTES = 64;

// The chunks of a stream, the first one at least HEAD_BYTES long (or the whole stream, if shorter), so
// that what a file is can be told from its first chunk whatever the chunk size.
async function* withHead(chunks: AsyncIterable<Buffer | string>, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let head: Buffer[] | undefined = [];
  let size = 0;
  for await (const piece of chunks) {
    const chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    onBytes?.(chunk.length);
    if (head === undefined) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size < HEAD_BYTES) continue;
    yield head.length === 1 ? chunk : Buffer.concat(head, size);
    head = undefined;
  }
  if (head !== undefined && size > 0) yield Buffer.concat(head, size);
}

// Whether bytes hold only blanks (spaces, tabs, line ends): stops at the first other byte, which in a
// document stream is at once.
function isBlankBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  return true;
}

// Newlines in the first `end` bytes. A function of its own so that V8 optimises only this loop: counting
// inline, the loop made V8 optimise the whole async generator around it, which took ~100 ms of compiling.
function countLines(chunk: Buffer, end: number): number {
  let count = 0;
  for (let nl = chunk.indexOf(10); nl !== -1 && nl < end; nl = chunk.indexOf(10, nl + 1)) count++;
  return count;
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
  let invalidUtf8: Map<number, number> | undefined;
  const lines: string[] = [];
  eachLineOfBytes(batch.bytes, (text, index, badByte) => {
    if (badByte !== undefined) (invalidUtf8 ??= new Map()).set(index, badByte);
    lines.push(text);
  });
  return { type: "lines", file: batch.file, firstLine: batch.firstLine, lines, ...(invalidUtf8 ? { invalidUtf8 } : {}) };
}

// Calls `take` with each line of the bytes (split at "\n", a "\r" before it dropped) decoded, its index,
// and the 1-based column (byte) of its first byte that is not UTF-8, if it has one.
function eachLineOfBytes(batchBytes: Uint8Array, take: (text: string, index: number, badByte: number | undefined) => void): void {
  // Decoded line by line: a line without non-ASCII characters stays a one-byte string, several times
  // cheaper to decode and to parse than a slice of a chunk that has one somewhere.
  const bytes = Buffer.from(batchBytes.buffer, batchBytes.byteOffset, batchBytes.byteLength);
  // Decoding would turn a bad byte into U+FFFD without a word; one native check of the whole batch
  // finds out whether any line needs a closer look.
  const checkLines = !isUtf8(bytes);
  let start = 0;
  let index = 0;
  const length = bytes.length;
  while (start < length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = length;
    const stop = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    const bad = checkLines ? firstInvalidUtf8(bytes.subarray(start, stop)) : undefined;
    take(bytes.toString("utf8", start, stop), index++, bad === undefined ? undefined : bad + 1);
    start = end + 1;
  }
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
    const items = parseLineBatch(batch);
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
  const spreadsheet = SPREADSHEET_EXTENSIONS.get(extensionOf(file));
  if (spreadsheet !== undefined) {
    yield [spreadsheetFailure(file, spreadsheet)];
    return;
  }
  if (NDJSON_EXTENSIONS.has(extensionOf(file))) {
    yield* readNdjsonBytes(file, options);
    return;
  }
  let bytes: Buffer | undefined;
  try {
    bytes = await readWhole(file);
  } catch (error) {
    yield [{ type: "failure", file, code: "not_readable", detail: describe(error) }];
    return;
  }
  if (bytes === undefined) {
    yield [{ type: "failure", file, code: "not_readable", detail: `larger than ${MAX_TEXT}, the longest text JavaScript can hold — give the documents as NDJSON (.ndjson, one per line)` }];
    return;
  }
  options.onBytes?.(bytes.length);
  yield parseBytes(file, bytes);
}

/**
 * The bytes of a file of any format (a workbook to import), or of standard input for `-`, read as far as
 * the longest text JavaScript can hold: a device without end (`/dev/zero`) is refused when reading reaches
 * that, never read until memory runs out. A missing path, a folder, a link loop or an unreadable file is a
 * failure like any input's.
 *
 * @example
 * ```ts
 * const read = await readInputBytes("filled.xlsx", process.stdin, "workbook");
 * if (!Buffer.isBuffer(read)) console.error(read.code);
 * ```
 */
export async function readInputBytes(file: string, stdin: AsyncIterable<Buffer | string>, what: string): Promise<Buffer | InputFailure> {
  const tooLarge = (): InputFailure => ({ type: "failure", file, code: "not_readable", detail: `larger than ${MAX_TEXT}, the most that is read of one file` });
  if (file === "-") return (await readBounded(stdin)) ?? tooLarge();
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return statFailure(file, error);
  }
  if (info.isDirectory()) return { type: "failure", file, code: "is_a_folder", detail: "a folder", params: { what } };
  try {
    return (await readWhole(file)) ?? tooLarge();
  } catch (error) {
    return { type: "failure", file, code: "not_readable", detail: describe(error) };
  }
}

async function readBounded(chunks: AsyncIterable<Buffer | string>): Promise<Buffer | undefined> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const piece of chunks) {
    const chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    size += chunk.length;
    if (size > MAX_TEXT_BYTES) return undefined;
    pieces.push(chunk);
  }
  return Buffer.concat(pieces, size);
}

// A file's bytes, or undefined when there are more than a text can hold. A regular file is read at once;
// anything else (a device, a named pipe) is read up to the limit, since its size is not known beforehand.
async function readWhole(file: string): Promise<Buffer | undefined> {
  const info = await stat(file);
  if (info.isFile()) return info.size > MAX_TEXT_BYTES ? undefined : readFile(file);
  return readBounded(createReadStream(file, { highWaterMark: BYTE_CHUNK }) as AsyncIterable<Buffer>);
}

function spreadsheetFailure(file: string, format: string): InputFailure {
  return { type: "failure", file, code: "spreadsheet_input", detail: format, params: { format } };
}

// The failure for a file that its first bytes show is not UTF-8 JSON text.
function problemFailure(file: string, problem: EncodingProblem): InputFailure {
  if (problem.kind === "spreadsheet") return spreadsheetFailure(file, problem.format);
  if (problem.kind === "binary") return { type: "failure", file, code: "binary_input", detail: problem.format, params: { format: problem.format } };
  return { type: "failure", file, code: "wrong_encoding", detail: problem.encoding, params: { encoding: problem.encoding } };
}

/** A whole JSON file's bytes: checked for encoding (UTF-16, bad UTF-8, a spreadsheet) before parsing. */
function parseBytes(file: string, bytes: Buffer): InputItem[] {
  const encoding = encodingProblem(bytes);
  if (encoding) return [problemFailure(file, encoding)];
  const fault = invalidUtf8At(bytes);
  if (fault) {
    const { offset, line, column } = fault;
    return [{ type: "failure", file, code: "invalid_utf8", detail: `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}`, line, column }];
  }
  return parseWhole(file, bytes.toString("utf8"));
}

/**
 * Parses the lines of a {@link LineBatch} (or of a {@link ByteBatch}, decoded line by line) into a list of
 * items, as {@link eachLineItem} makes them.
 *
 * @example
 * ```ts
 * parseLineBatch({ type: "lines", file: "a.ndjson", firstLine: 7, lines: ['{"kind":"place"}', "", "{"] });
 * // [{ type: "document", line: 7, … }, { type: "failure", code: "invalid_json", line: 9, column: 2, … }]
 * ```
 */
export function parseLineBatch(batch: LineBatch | ByteBatch): InputItem[] {
  const items: InputItem[] = [];
  eachLineItem(batch, (item) => void items.push(item));
  return items;
}

/**
 * Parses the lines of a batch (raw bytes are decoded line by line) and hands each item to `take` as soon as
 * it is made: a document per non-blank line, or an `invalid_utf8` or `invalid_json` failure with the line
 * and column. The one place NDJSON lines are parsed, in the main thread or in a worker; a caller that
 * checks each document as it comes keeps no batch of parsed documents alive.
 *
 * @example
 * ```ts
 * eachLineItem(batch, (item) => (item.type === "document" ? check(item.value) : report(item)));
 * ```
 */
export function eachLineItem(batch: LineBatch | ByteBatch, take: (item: InputItem) => void): void {
  const { file, firstLine } = batch;
  const one = (raw: string, index: number, badByte: number | undefined) => {
    if (isBlank(raw)) return;
    const line = firstLine + index;
    if (badByte !== undefined) return take({ type: "failure", file, code: "invalid_utf8", detail: "a byte that is not UTF-8", line, column: badByte });
    const value = parseOrRefuse(raw);
    if (value instanceof JsonRefusal) {
      // The fast path matters for large NDJSON streams: only a failed line pays for the scan that places the error.
      // The column within the whole line, even when carriage returns inside it would start new lines.
      const { reason, offset } = jsonSyntaxError(raw, value);
      const column = offset + 1;
      // A first line that ends before its value does: most likely one JSON document written over many lines.
      const hint = raw.includes("\r") ? CR_LINE_ENDS : line === 1 && column > raw.length ? SPREAD_OVER_LINES : "";
      return take({ type: "failure", file, code: "invalid_json", detail: `${reason}${hint}`, line, column });
    }
    const lone = loneSurrogate(raw, value);
    if (lone !== undefined) return take({ type: "failure", file, code: "lone_surrogate", detail: lone, line, params: { at: lone || "the document root" } });
    const item: InputDocument = { type: "document", file, line, value, streamed: true };
    const duplicates = duplicateKeysOf(raw, value);
    if (duplicates.length > 0) item.duplicates = duplicates;
    take(item);
  };
  if (batch.type === "bytes") return eachLineOfBytes(batch.bytes, one);
  const { lines, invalidUtf8 } = batch;
  for (let i = 0; i < lines.length; i++) one(lines[i] as string, i, invalidUtf8?.get(i));
}

// A document line nearly always starts with "{": only other lines pay for trim().
function isBlank(raw: string): boolean {
  const first = raw.charCodeAt(0);
  return first !== 0x7b && first !== 0x5b && raw.trim() === "";
}

const SPREAD_OVER_LINES = " (NDJSON holds one whole document per line; a single JSON document written over several lines belongs in a .json file)";
const CR_LINE_ENDS = " (the line holds carriage returns: NDJSON lines end with a line feed, \\n or \\r\\n — save the file with Unix or Windows line ends)";
const ONE_PER_LINE = " (the file holds one JSON value per line, as NDJSON does: name it .ndjson or .jsonl)";

function parseWhole(file: string, text: string): InputItem[] {
  if (text.trim() === "") return [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) {
    const spreadsheet = looksDelimited(text);
    if (spreadsheet) return [spreadsheetFailure(file, spreadsheet)];
    const hint = file !== "-" && parsed.column === 1 && parsed.line > 1 && oneValuePerLine(text) ? ONE_PER_LINE : "";
    return [{ type: "failure", file, code: "invalid_json", detail: `${parsed.reason}${hint}`, line: parsed.line, column: parsed.column }];
  }
  const lone = loneSurrogate(text, parsed.value);
  if (lone !== undefined) {
    const at = parsed.locate(lone);
    return [{ type: "failure", file, code: "lone_surrogate", detail: lone, params: { at: lone || "the document root" }, ...(at ? { line: at.line, column: at.column } : {}) }];
  }
  // An array holds one document per item: each item's problems are placed within it.
  const array = Array.isArray(parsed.value);
  const values: unknown[] = array ? (parsed.value as unknown[]) : [parsed.value];
  return values.map((value, index) => {
    const prefix = array ? `/${index}` : "";
    const locate = (pointer: string) => parsed.locate(`${prefix}${pointer}`);
    const own = parsed.duplicates.filter((d) => !array || d.pointer.startsWith(`${prefix}/`)).map((d) => ({ ...d, pointer: d.pointer.slice(prefix.length) }));
    const item: InputDocument = { type: "document", file, line: locate("")?.line ?? 1, value, streamed: false, locate };
    if (array) item.index = index;
    if (own.length > 0) item.duplicates = own;
    return item;
  });
}

// A "\ud800" escape without its other half parses into a string that is not Unicode text: no UTF-8
// file can hold it, so a report or workbook would show U+FFFD in its place. Only a text with such an
// escape (rare, and found by one native search) is walked for it; the pointer of the first is returned.
// The walk keeps its own stack, depth first in document order, so that no nesting exhausts the call stack.
function loneSurrogate(raw: string, value: unknown): string | undefined {
  // Two native searches first: a regular expression over every NDJSON line would cost three times as much.
  if ((raw.indexOf("\\ud") === -1 && raw.indexOf("\\uD") === -1) || !SURROGATE_ESCAPE.test(raw)) return undefined;
  // Each entry names its segment and its parent's entry: a pointer is built only for what is found, since
  // building one per node would cost the square of the nesting depth.
  interface Place {
    node: unknown;
    segment: string | number;
    parent: Place | undefined;
  }
  const pointerOf = (place: Place): string => {
    const segments: string[] = [];
    for (let at: Place | undefined = place; at?.parent !== undefined; at = at.parent) segments.push(`/${escapePointerSegment(at.segment)}`);
    // Joined, not spread into joinPointer: a deep document has more segments than a call takes arguments.
    return segments.reverse().join("");
  };
  const stack: Place[] = [{ node: value, segment: "", parent: undefined }];
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    const { node } = place;
    if (typeof node === "string") {
      if (HALF_PAIR.test(node)) return pointerOf(place);
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    const children: Place[] = Array.isArray(node)
      ? node.map((child: unknown, i) => ({ node: child, segment: i, parent: place }))
      : // A half pair in a key stands in for the key's value, so it is found at its place in document order.
        Object.entries(node).map(([key, child]) => ({ node: HALF_PAIR.test(key) ? key : child, segment: key, parent: place }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Place);
  }
  return undefined;
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const HALF_PAIR = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Whether the first lines of a text are each a whole JSON value: NDJSON under a .json name.
function oneValuePerLine(text: string): boolean {
  const lines = text.split("\n", 4).slice(0, 3).filter((l) => l.trim() !== "");
  return lines.length >= 2 && lines.every(parsesAsJson);
}

// Text that is not JSON but has the shape of a table: several lines with the same number of commas,
// semicolons or tabs.
function looksDelimited(text: string): string | undefined {
  const lines = text.split(/\r?\n/, 6).filter((l) => l.trim() !== "");
  if (lines.length < 2 || /^\s*[[{]/.test(lines[0] as string)) return undefined;
  for (const [separator, format] of [["\t", "tab-separated values"], [";", "semicolon-separated values"], [",", "comma-separated values"]] as const) {
    const counts = lines.map((l) => l.split(separator).length - 1);
    if ((counts[0] as number) > 0 && counts.every((c) => c === counts[0])) return format;
  }
  return undefined;
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
  try {
    yield* readStdinLines(stdin);
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error;
    yield [{ type: "failure", file: "-", code: "not_readable", detail: `${error.message}; standard input is not read past it — split it into smaller documents` }];
  }
}

async function* readStdinLines(stdin: Readable): AsyncGenerator<InputItem[] | LineBatch> {
  const fault: { at?: Utf8Fault } = {};
  const batches = readLineBatches(decodeUtf8Strictly(withHead(stdin), fault))[Symbol.asyncIterator]();
  const seen: string[] = [];
  const badBytes = (): InputItem[] => {
    const at = fault.at;
    if (!at) return [];
    if (at.problem) return [problemFailure("-", at.problem)];
    return [{ type: "failure", file: "-", code: "invalid_utf8", detail: at.detail, line: at.line, column: at.column }];
  };
  const whole = (): InputItem[] => (fault.at ? badBytes() : parseWhole("-", seen.join("\n")));
  // Decide the format from the first non-empty line, then stream the rest.
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      yield whole();
      return;
    }
    seen.push(...next.value);
    const head = seen.find((l) => l.trim() !== "");
    if (head === undefined) continue;
    if (parsesAsJson(head)) {
      const rest: AsyncIterable<string[]> = { [Symbol.asyncIterator]: () => batches };
      yield* ndjsonLines("-", prepend([seen], rest));
      if (fault.at) yield badBytes();
      return;
    }
    // Not a complete value on its own line: one multi-line JSON document; read it whole, as long as a
    // text can hold it.
    let size = seen.reduce((sum, l) => sum + l.length + 1, 0);
    for (let more = await batches.next(); !more.done; more = await batches.next()) {
      for (const l of more.value) size += l.length + 1;
      if (size > MAX_TEXT_CHARS) throw new LineTooLongError("the document");
      seen.push(...more.value);
    }
    yield whole();
    return;
  }
}

async function* prepend<T>(first: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

function parsesAsJson(raw: string): boolean {
  return !(parseOrRefuse(raw) instanceof JsonRefusal);
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (code === "EACCES") return "permission denied";
    if (code === "EISDIR") return "is a directory";
    if (code === "ENOENT") return "no such file or directory";
  }
  return describeThrown(error);
}
