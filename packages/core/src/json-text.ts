import { scanJson } from "./json-scanner";

/**
 * Where and why a JSON text failed to parse; line and column count from 1.
 *
 * @example
 * ```ts
 * const result = parseJsonText("[1,");
 * if (!result.ok) console.log(`line ${result.line}, column ${result.column}: ${result.reason}`);
 * ```
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/**
 * The outcome of {@link parseJsonText}.
 *
 * @example
 * ```ts
 * const result: JsonTextResult = parseJsonText('{"a": 1}');
 * if (result.ok) console.log(result.value);
 * ```
 */
export type JsonTextResult = { readonly ok: true; readonly value: unknown } | ({ readonly ok: false } & JsonSyntaxError);

/**
 * Parses JSON text and, when it is not valid, says where: V8's own messages do not always give a
 * position, so the text is scanned again ({@link scanJson}) to find the first offending character.
 *
 * @example
 * ```ts
 * import { parseJsonText } from "@cohesion/core";
 * parseJsonText('{\n  "a": 1,\n}'); // { ok: false, line: 3, column: 1, offset: 12, reason: "expected a property name in double quotes" }
 * ```
 */
export function parseJsonText(text: string): JsonTextResult {
  // A byte order mark is legal at the start of a file but not for JSON.parse.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const value = parseOrRefuse(start === 0 ? text : text.slice(1));
  return value instanceof JsonRefusal ? { ok: false, ...jsonSyntaxError(text, value.error, start) } : { ok: true, value };
}

/** What {@link parseOrRefuse} answers for a text JSON.parse refuses, with the error JSON.parse threw. */
export class JsonRefusal {
  constructor(readonly error: unknown) {}
}

/**
 * JSON.parse that answers a {@link JsonRefusal} instead of throwing: for readers that parse many texts, some
 * of them broken. A refused text costs JSON.parse a SyntaxError, and capturing its stack trace was half of
 * that; the trace is never shown (where and why come from {@link jsonSyntaxError}), so none is captured.
 *
 * @example
 * ```ts
 * import { JsonRefusal, jsonSyntaxError, parseOrRefuse } from "@cohesion/core/json";
 * const value = parseOrRefuse(line);
 * if (value instanceof JsonRefusal) console.log(jsonSyntaxError(line, value.error));
 * ```
 */
export function parseOrRefuse(text: string): unknown {
  // JSON.parse without a reviver runs no code of anyone else's, so nobody sees the limit changed.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return new JsonRefusal(error);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Where and why a text that JSON.parse refused (with `error`) is not valid JSON, without parsing it again:
 * for readers that call JSON.parse themselves. `start` skips a byte order mark.
 *
 * @example
 * ```ts
 * import { jsonSyntaxError } from "@cohesion/core/json";
 * try { JSON.parse(line); } catch (error) { jsonSyntaxError(line, error); } // { offset, line, column, reason }
 * ```
 */
export function jsonSyntaxError(text: string, error: unknown, start = 0): JsonSyntaxError {
  const found = scanJson(text, start);
  const offset = found?.offset ?? text.length;
  const reason = found?.reason ?? (error instanceof Error ? error.message : String(error));
  return { ...lineAndColumn(text, offset), offset, reason };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
