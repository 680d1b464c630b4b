import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
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

async function* walk(dir: string): AsyncGenerator<InputSource> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && (JSON_EXTENSIONS.has(extname(entry.name)) || NDJSON_EXTENSIONS.has(extname(entry.name)))) {
      const info = await stat(path);
      yield { file: path, size: info.size };
    }
  }
}

/** Whether a source is large enough for a progress bar. */
export function isLarge(source: InputSource): boolean {
  return (source.size ?? 0) >= LARGE_INPUT_BYTES;
}

/**
 * Reads the documents of one source. A `.json` file is one document (or an array of documents); a `.ndjson`
 * or `.jsonl` file is read line by line in constant memory. Standard input is NDJSON when its first
 * non-empty line is a complete JSON value, otherwise one JSON document.
 *
 * @example
 * ```ts
 * for await (const item of readSource({ file: "practices.ndjson" })) if (item.type === "document") check(item.value);
 * ```
 */
export async function* readSource(
  source: InputSource,
  options: { stdin?: Readable; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<InputItem> {
  const { file } = source;
  if (file === "-") {
    yield* readStdin(options.stdin ?? process.stdin);
    return;
  }
  if (NDJSON_EXTENSIONS.has(extname(file))) {
    const stream = createReadStream(file, { encoding: "utf8" });
    if (options.onBytes) stream.on("data", (chunk) => options.onBytes?.(Buffer.byteLength(chunk)));
    try {
      yield* readNdjsonLines(file, createInterface({ input: stream, crlfDelay: Infinity }), 0);
    } catch (error) {
      yield { type: "failure", file, code: "not_readable", detail: describe(error) };
    }
    return;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    yield { type: "failure", file, code: "not_readable", detail: describe(error) };
    return;
  }
  options.onBytes?.(Buffer.byteLength(text));
  yield* parseWhole(file, text);
}

function* parseWhole(file: string, text: string): Generator<InputItem> {
  if (text.trim() === "") {
    yield { type: "failure", file, code: "empty_input", detail: "the input is empty" };
    return;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    yield { type: "failure", file, code: "invalid_json", detail: parsed.reason, line: parsed.line, column: parsed.column };
    return;
  }
  if (Array.isArray(parsed.value)) {
    for (const value of parsed.value) yield { type: "document", file, line: 1, value, streamed: false };
  } else {
    yield { type: "document", file, line: 1, value: parsed.value, streamed: false };
  }
}

async function* readNdjsonLines(file: string, lines: AsyncIterable<string>, firstLine: number): AsyncGenerator<InputItem> {
  let line = firstLine;
  let documents = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === "") continue;
    const parsed = parseLine(raw);
    if (parsed.ok) {
      documents++;
      yield { type: "document", file, line, value: parsed.value, streamed: true };
    } else {
      yield { type: "failure", file, code: "invalid_json", detail: parsed.reason, line, column: parsed.column };
    }
  }
  if (documents === 0 && line === firstLine) yield { type: "failure", file, code: "empty_input", detail: "the input is empty" };
}

async function* readStdin(stdin: Readable): AsyncGenerator<InputItem> {
  stdin.setEncoding("utf8");
  const lines = createInterface({ input: stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const buffered: string[] = [];
  // Decide the format from the first non-empty line, then stream the rest.
  for (;;) {
    const next = await lines.next();
    if (next.done) {
      yield* parseWhole("-", buffered.join("\n"));
      return;
    }
    buffered.push(next.value);
    if (next.value.trim() === "") continue;
    if (parseLine(next.value).ok) break;
    // Not a complete value on its own line: a multi-line JSON document; read it whole.
    for (;;) {
      const more = await lines.next();
      if (more.done) break;
      buffered.push(more.value);
    }
    yield* parseWhole("-", buffered.join("\n"));
    return;
  }
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => lines };
  yield* readNdjsonLines("-", prepend(buffered, rest), 0);
}

async function* prepend(first: readonly string[], rest: AsyncIterable<string>): AsyncGenerator<string> {
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
