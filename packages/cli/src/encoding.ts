import { firstInvalidUtf8 } from "@cohesion/core/json";

/** What the first bytes of a file say about it when it is not UTF-8 JSON at all. */
export type EncodingProblem = { kind: "encoding"; encoding: string } | { kind: "spreadsheet"; format: string } | { kind: "binary"; format: string };

// Files people give by mistake, by the bytes they start with. None of these can start JSON text.
const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
  [[0x1f, 0x8b], "gzip-compressed data"],
  [[0x42, 0x5a, 0x68], "bzip2-compressed data"],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "xz-compressed data"],
  [[0x28, 0xb5, 0x2f, 0xfd], "zstd-compressed data"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7-Zip archive"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x7f, 0x45, 0x4c, 0x46], "a program (ELF)"],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], "an SQLite database"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "an RTF document"],
];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

// Markup: an HTML page saved under a .json name (an error page from a server, most often) or XML.
function markup(bytes: Uint8Array): string | undefined {
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  if (bytes[at] !== 0x3c) return undefined;
  const head = Buffer.from(bytes.subarray(at, at + 64)).toString("latin1").toLowerCase();
  return head.startsWith("<?xml") && !head.includes("<html") ? "an XML document" : "an HTML page";
}

/**
 * Recognises, from its first bytes, a file that is not UTF-8 JSON text: UTF-16 or UTF-32 (by byte order mark,
 * or by the zero bytes every ASCII character brings), a spreadsheet (a zip container as .xlsx and .ods
 * are, or an old binary .xls), or another kind of file by its signature (a PDF, compressed data, an image,
 * an HTML page or XML). A UTF-8 byte order mark is fine.
 *
 * @example
 * ```ts
 * encodingProblem(Buffer.from([0xff, 0xfe, 0x7b, 0x00])); // { kind: "encoding", encoding: "UTF-16LE" }
 * ```
 */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return { kind: "spreadsheet", format: "a zip container, as Excel and OpenDocument spreadsheets are" };
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return { kind: "spreadsheet", format: "an old Excel workbook" };
  for (const [signature, format] of SIGNATURES) if (startsWith(bytes, signature)) return { kind: "binary", format };
  const page = markup(bytes);
  if (page !== undefined) return { kind: "binary", format: page };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { kind: "encoding", encoding: "UTF-32LE" };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { kind: "encoding", encoding: "UTF-32BE" };
  if (a === 0xff && b === 0xfe) return { kind: "encoding", encoding: "UTF-16LE" };
  if (a === 0xfe && b === 0xff) return { kind: "encoding", encoding: "UTF-16BE" };
  // Without a mark: JSON starts with an ASCII character, which UTF-16 pairs with a zero byte.
  if (bytes.length >= 2 && a !== 0 && b === 0) return { kind: "encoding", encoding: "UTF-16LE" };
  if (bytes.length >= 2 && a === 0 && b !== 0) return { kind: "encoding", encoding: "UTF-16BE" };
  return undefined;
}

/** Where decoding a stream as UTF-8 stopped: the 1-based line and byte column of the first bad byte. */
export interface Utf8Fault {
  line: number;
  column: number;
  /** The offending byte, as `byte 0x..`. */
  detail: string;
  /** Set when the stream is not UTF-8 JSON text at all (UTF-16, a spreadsheet, a PDF…). */
  problem?: EncodingProblem;
}

/**
 * Decodes a byte stream as UTF-8, strictly: text up to the first byte that is not UTF-8, then it stops
 * and records where that byte is in `fault` (rather than turning it into U+FFFD as a plain decoder does);
 * the line it stands in is not given at all. A stream that starts as UTF-16 or a spreadsheet gives
 * nothing and says so in `fault.at.problem`. A sequence cut between two chunks is carried over.
 *
 * @example
 * ```ts
 * const fault: { at?: Utf8Fault } = {};
 * for await (const text of decodeUtf8Strictly(process.stdin, fault)) handle(text);
 * if (fault.at) report(fault.at.line, fault.at.column);
 * ```
 */
export async function* decodeUtf8Strictly(chunks: AsyncIterable<Buffer | string>, fault: { at?: Utf8Fault }): AsyncGenerator<string> {
  let carry: Buffer | undefined;
  let line = 1;
  let lineStartBytes = 0;
  let seenBytes = 0;
  const advance = (bytes: Buffer) => {
    for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, nl + 1)) {
      line++;
      lineStartBytes = seenBytes + nl + 1;
    }
    seenBytes += bytes.length;
  };
  let first = true;
  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
    if (first) {
      first = false;
      const problem = encodingProblem(chunk);
      if (problem) {
        fault.at = { line: 1, column: 1, detail: "", problem };
        return;
      }
    }
    let bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = undefined;
    // A UTF-8 byte order mark is allowed at the start, as in a file; it is not part of the text.
    if (seenBytes === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
      seenBytes = 3;
      lineStartBytes = 3;
    }
    // Keep an unfinished sequence at the end for the next chunk.
    let end = bytes.length;
    for (let back = 1; back <= 3 && back <= bytes.length; back++) {
      const byte = bytes[bytes.length - back] as number;
      if (byte < 0x80) break;
      if (byte >= 0xc0) {
        const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (size > back) end = bytes.length - back;
        break;
      }
    }
    const whole = bytes.subarray(0, end);
    if (end < bytes.length) carry = Buffer.from(bytes.subarray(end));
    const bad = firstInvalidUtf8(whole);
    if (bad !== undefined) {
      const good = whole.subarray(0, bad);
      const complete = good.subarray(0, good.lastIndexOf(10) + 1);
      advance(good);
      if (complete.length > 0) yield complete.toString("utf8");
      fault.at = { line, column: seenBytes - lineStartBytes + 1, detail: `byte 0x${(whole[bad] as number).toString(16).padStart(2, "0")}` };
      return;
    }
    advance(whole);
    if (whole.length > 0) yield whole.toString("utf8");
  }
  if (carry) fault.at = { line, column: seenBytes - lineStartBytes + 1, detail: `byte 0x${(carry[0] as number).toString(16).padStart(2, "0")} at the end` };
}
