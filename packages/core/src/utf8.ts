import { isUtf8 } from "node:buffer";
import { lineStartsOf } from "./json-text";

// Strict UTF-8: where the first byte that is not UTF-8 stands, for readers that refuse such text rather
// than read it with U+FFFD in its place.

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points past U+10FFFF included), or undefined when every byte does.
 *
 * @example
 * ```ts
 * firstInvalidUtf8(Buffer.from([0x7b, 0xc3, 0x28])); // 1
 * ```
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const first = bytes[i] as number;
    if (first < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) need = 1;
    else if (first >= 0xe0 && first <= 0xef) {
      need = 2;
      if (first === 0xe0) low = 0xa0;
      if (first === 0xed) high = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      need = 3;
      if (first === 0xf0) low = 0x90;
      if (first === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}

/**
 * The first byte that is not UTF-8 in `bytes`, with its line (counted as {@link lineStartsOf} counts
 * them) and byte column, both from 1; undefined when every byte is UTF-8.
 *
 * @example
 * ```ts
 * invalidUtf8At(Buffer.from("{\n  \"a\": \"L\xe8ge\"}", "latin1")); // { offset: 11, line: 2, column: 10 }
 * ```
 */
export function invalidUtf8At(bytes: Uint8Array): { offset: number; line: number; column: number } | undefined {
  const offset = firstInvalidUtf8(bytes);
  if (offset === undefined) return undefined;
  // One character per byte, so that offsets stay byte offsets.
  const starts = lineStartsOf(Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString("latin1"));
  const line = starts.length;
  return { offset, line, column: offset - (starts[line - 1] as number) + 1 };
}
