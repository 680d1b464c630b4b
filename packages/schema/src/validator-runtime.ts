// The run-time helpers the precompiled validators in ./generated call: the one module they import.

import { compareDate, isDate, isUri } from "./formats";

export { isDate, isUri };
export { escapePointerSegment } from "./pointer";

/** The formats the validators check, in the shape ajv-formats gives them (compared with ajv-formats in tests). */
export const formats = {
  date: { validate: isDate, compare: compareDate },
  uri: isUri,
};

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Length of a string in Unicode code points, as JSON Schema's minLength and maxLength count it
 * (a surrogate pair is one character).
 *
 * @example
 * ucs2length("a😀"); // 2
 */
export function ucs2length(text: string): number {
  // Only a high surrogate can start a pair: without one, every UTF-16 unit is one character.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let length = 0;
  for (let pos = 0; pos < text.length; length++) {
    const code = text.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < text.length) {
      if ((text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

/**
 * Deep equality of JSON values, as JSON Schema's uniqueItems, enum and const compare them.
 *
 * @example
 * equal({ a: [1] }, { a: [1] }); // true
 */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord);
  if (keys.length !== Object.keys(bRecord).length) return false;
  return keys.every((key) => Object.hasOwn(bRecord, key) && equal(aRecord[key], bRecord[key]));
}
