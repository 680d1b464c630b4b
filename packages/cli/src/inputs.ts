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
  const { file } = source;
  if (file === "-") {
    yield* readStdin(options.stdin ?? process.stdin);
    return;
  }
  if (NDJSON_EXTENSIONS.has(extname(file))) {
    const stream = createReadStream(file, { encoding: "utf8" });
    if (options.onBytes) stream.on("data", (chunk) => options.onBytes?.(Buffer.byteLength(chunk)));
    try {
      yield* ndjsonItems(file, readLineBatches(stream));
    } catch (error) {
      yield [{ type: "failure", file, code: "not_readable", detail: describe(error) }];
    }
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

function parseWhole(file: string, text: string): InputItem[] {
  if (text.trim() === "") return [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
  const parsed = parseJsonText(text);
  if (!parsed.ok) return [{ type: "failure", file, code: "invalid_json", detail: parsed.reason, line: parsed.line, column: parsed.column }];
  const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return values.map((value) => ({ type: "document", file, line: 1, value, streamed: false }));
}

async function* ndjsonItems(file: string, batches: AsyncIterable<string[]>): AsyncGenerator<InputItem[]> {
  let line = 0;
  let documents = 0;
  for await (const batch of batches) {
    const items: InputItem[] = [];
    for (const raw of batch) {
      line++;
      if (raw.trim() === "") continue;
      const parsed = parseLine(raw);
      if (parsed.ok) {
        documents++;
        items.push({ type: "document", file, line, value: parsed.value, streamed: true });
      } else {
        items.push({ type: "failure", file, code: "invalid_json", detail: parsed.reason, line, column: parsed.column });
      }
    }
    if (items.length > 0) yield items;
  }
  if (documents === 0 && line === 0) yield [{ type: "failure", file, code: "empty_input", detail: "the input is empty" }];
}

async function* readStdin(stdin: Readable): AsyncGenerator<InputItem[]> {
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
      yield* ndjsonItems("-", prepend([seen], rest));
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
