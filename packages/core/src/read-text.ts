import { readFileSync, statSync } from "node:fs";
import { describeThrown } from "@cohesion/schema";
import { invalidUtf8At } from "./utf8";

/** The text of a file, or why it cannot be read as UTF-8 text. */
export type TextFileRead =
  | { ok: true; text: string }
  | { ok: false; code: "not_readable"; reason: string }
  | { ok: false; code: "invalid_utf8"; reason: string; line: number; column: number };

// The longest text JavaScript can hold (V8), so a larger file is refused before it is read.
const MAX_TEXT_BYTES = 2 ** 29 - 24;

/**
 * Reads a file of a plugin (its package.json, a content file, a schema patch) as UTF-8 text, strictly: a byte
 * that is not UTF-8 is a failure with its line and column (a plain read would turn it into U+FFFD and the
 * text would change without a word), and so is a path that is not a regular file (a folder, a device, a
 * pipe) or one larger than a text can hold — never read until memory runs out. A byte order mark is kept,
 * as the JSON tools allow it.
 *
 * @example
 * ```ts
 * const read = readTextFile("content/practices.json");
 * if (!read.ok) console.error(read.reason);
 * ```
 */
export function readTextFile(file: string): TextFileRead {
  let bytes: Buffer;
  try {
    const info = statSync(file);
    if (info.isDirectory()) return { ok: false, code: "not_readable", reason: "it is a folder" };
    if (!info.isFile()) return { ok: false, code: "not_readable", reason: "it is not a regular file (a device, a pipe or a socket)" };
    if (info.size > MAX_TEXT_BYTES) return { ok: false, code: "not_readable", reason: "it is larger than about 512 MiB, the longest text JavaScript can hold" };
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, code: "not_readable", reason: describeThrown(error) };
  }
  const fault = invalidUtf8At(bytes);
  if (fault) return { ok: false, code: "invalid_utf8", reason: "a byte that is not UTF-8; save the file as UTF-8", line: fault.line, column: fault.column };
  // A byte order mark is kept: Buffer's decoding does not drop it.
  return { ok: true, text: bytes.toString("utf8") };
}
