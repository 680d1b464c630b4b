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
  try {
    return { ok: true, value: JSON.parse(start === 0 ? text : text.slice(1)) as unknown };
  } catch (error) {
    return { ok: false, ...jsonSyntaxError(text, error, start) };
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
