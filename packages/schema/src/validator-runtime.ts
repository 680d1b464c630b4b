// The run-time helpers the precompiled validators in ./generated call. They live here, as ESM,
// because ajv's own helpers are CommonJS modules whose default export bundlers and Node read
// differently.

// The formats the schemas use, as ajv-formats 3 (MIT, © 2020 Evgeny Poberezkin) defines them in
// its `fullFormats`; copied rather than imported because that module is one CommonJS object with
// every format in it, which no bundler can trim. Codegen refuses a schema that uses any other
// format, and validator-runtime.test.ts checks that these agree with ajv-formats.

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  // https://tools.ietf.org/html/rfc3339#appendix-C
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The "date" format: full-date of RFC 3339 section 5.6, a day that exists.
 *
 * @example
 * isFullDate("2024-02-29"); // true
 * isFullDate("2023-02-29"); // false
 */
export function isFullDate(text: string): boolean {
  const matches = DATE.exec(text);
  if (!matches) return false;
  const year = Number(matches[1]);
  const month = Number(matches[2]);
  const day = Number(matches[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS[month] ?? 0));
}

function compareDate(d1: string, d2: string): number | undefined {
  if (!(d1 && d2)) return undefined;
  if (d1 > d2) return 1;
  if (d1 < d2) return -1;
  return 0;
}

const NOT_URI_FRAGMENT = /\/|:/;
// http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** An absolute URI (RFC 3986). */
function uri(text: string): boolean {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}

/** The formats the precompiled validators check, in the shape ajv-formats gives them. */
export const formats = {
  date: { validate: isFullDate, compare: compareDate },
  uri,
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

/**
 * Appends a sub-validator's errors to a precompiled validator's list (null while it has none) and answers
 * the list. In place, where ajv's generated code copies the whole list with `concat` each time, which
 * makes a document with many bad items take time in the square of their number.
 */
export function appendErrors(errors: unknown[] | null, more: readonly unknown[]): unknown[] {
  if (errors === null) return more.slice();
  for (let i = 0; i < more.length; i++) errors.push(more[i]);
  return errors;
}

/**
 * Adds one error to a precompiled validator's list (null while it has none) and answers the list:
 * what ajv's generated code writes out at every error site, in one place. The error has ajv's verbose
 * shape and key order; `schemaPath` is kept only where src/map-errors.ts reads it (an if/then branch).
 */
export function pushError(
  errors: unknown[] | null,
  instancePath: string,
  keyword: string,
  params: unknown,
  parentSchema: unknown,
  data: unknown,
  schemaPath = "",
): unknown[] {
  const error = { instancePath, schemaPath, keyword, params, parentSchema, data };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}
