import { SCHEMA_FORMAT_EXPECTATIONS } from "./formats";

// What a value of a format looks like, for invalid_format messages: the formats the schemas use, and
// formats only a schema compiled at run time (createValidator, ajv-formats) can bring. The browser build
// has no run-time compiler, so its ./format-expectations.browser.ts knows the schemas' formats alone.

/**
 * The expectation an invalid_format message gives for each format it knows.
 *
 * @example
 * FORMAT_EXPECTATIONS.email; // "an e-mail address"
 */
export const FORMAT_EXPECTATIONS: Readonly<Record<string, string>> = {
  ...SCHEMA_FORMAT_EXPECTATIONS,
  "date-time": "a date and time such as \"2024-03-15T10:00:00Z\"",
  email: "an e-mail address",
};
