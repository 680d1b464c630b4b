// The formats the schemas use, in one place for the precompiled validators and @cohesion/model's
// zod schemas, as ajv-formats 3 (MIT, © 2020 Evgeny Poberezkin) defines them in its `fullFormats`;
// copied rather than imported because that module is one CommonJS object with every format in it,
// which no bundler can trim. Codegen refuses a schema that uses any other
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
 * isDate("2024-02-29"); // true
 * isDate("2023-02-29"); // false
 */
export function isDate(text: string): boolean {
  const matches = DATE.exec(text);
  if (!matches) return false;
  const year = Number(matches[1]);
  const month = Number(matches[2]);
  const day = Number(matches[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS[month] ?? 0));
}

export function compareDate(d1: string, d2: string): number | undefined {
  if (!(d1 && d2)) return undefined;
  if (d1 > d2) return 1;
  if (d1 < d2) return -1;
  return 0;
}

const NOT_URI_FRAGMENT = /\/|:/;
// http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * The "uri" format: an absolute URI (RFC 3986), a scheme and then the rest.
 *
 * @example
 * isUri("https://eurocities.eu/"); // true
 * isUri("eurocities.eu"); // false
 */
export function isUri(text: string): boolean {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}

/**
 * What a value of each format above looks like, as the invalid_format message says it.
 *
 * @example
 * SCHEMA_FORMAT_EXPECTATIONS.date; // 'a calendar date written YYYY-MM-DD that exists, for example "2024-03-15"'
 */
export const SCHEMA_FORMAT_EXPECTATIONS: Readonly<Record<string, string>> = {
  date: "a calendar date written YYYY-MM-DD that exists, for example \"2024-03-15\"",
  uri: "an absolute URI such as \"https://example.org/page\"",
};
