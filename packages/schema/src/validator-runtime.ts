// The run-time helpers the precompiled validators in ./generated call. They live here, as ESM,
// because ajv's own helpers are CommonJS modules whose default export bundlers and Node read
// differently.
export { fullFormats as formats } from "ajv-formats/dist/formats.js";

/**
 * Length of a string in Unicode code points, as JSON Schema's minLength and maxLength count it
 * (a surrogate pair is one character).
 *
 * @example
 * ucs2length("a😀"); // 2
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (let pos = 0; pos < text.length; length++) {
    const code = text.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < text.length) {
      if ((text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
