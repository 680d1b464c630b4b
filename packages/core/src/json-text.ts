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
  return value instanceof JsonRefusal ? { ok: false, ...jsonSyntaxError(text, value, start) } : { ok: true, value };
}

/**
 * What {@link parseOrRefuse} answers for a text JSON.parse refuses, with the error JSON.parse threw. For a text
 * refused at a glance (see parseOrRefuse), JSON.parse runs to make that error only when `error` is read.
 */
export class JsonRefusal {
  #error: unknown;
  #text: string | undefined;

  /** `text`, instead of an error, for a text JSON.parse has not seen yet: its error is made when asked for. */
  constructor(error: unknown, text?: string) {
    this.#error = error;
    this.#text = text;
  }

  /** The error JSON.parse throws for the text. */
  get error(): unknown {
    if (this.#text !== undefined) {
      const refused = parseStrictly(this.#text);
      this.#error = refused instanceof JsonRefusal ? refused.error : undefined;
      this.#text = undefined;
    }
    return this.#error;
  }
}

/**
 * Whether a text may be JSON at all: after JSON's whitespace, a value starts with one of `{["-tfn` or a
 * digit and ends with one of `}]"el` or a digit. A text that fails this look never parses.
 */
function mayBeJson(text: string): boolean {
  let first = 0;
  let code = text.charCodeAt(first);
  while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt(++first);
  if (!(code === 0x7b || code === 0x5b || code === 0x22 || code === 0x2d || code === 0x74 || code === 0x66 || code === 0x6e || (code >= 0x30 && code <= 0x39))) return false;
  let last = text.length - 1;
  code = text.charCodeAt(last);
  while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt(--last);
  return code === 0x7d || code === 0x5d || code === 0x22 || code === 0x65 || code === 0x6c || (code >= 0x30 && code <= 0x39);
}

/**
 * JSON.parse that answers a {@link JsonRefusal} instead of throwing: for readers that parse many texts, some
 * of them broken. A refused text costs JSON.parse a SyntaxError, and capturing its stack trace was half of
 * that; the trace is never shown (where and why come from {@link jsonSyntaxError}), so none is captured.
 * A text that cannot be JSON by its first or last character (other than whitespace) is refused without
 * calling JSON.parse; its refusal's `error` is still JSON.parse's, made when read.
 *
 * @example
 * ```ts
 * import { JsonRefusal, jsonSyntaxError, parseOrRefuse } from "@cohesion/core/json";
 * const value = parseOrRefuse(line);
 * if (value instanceof JsonRefusal) console.log(jsonSyntaxError(line, value));
 * ```
 */
export function parseOrRefuse(text: string): unknown {
  // A broken line of a pretty-printed file (`  "id": "x",`) or a text cut short is refused without
  // JSON.parse, which would build a SyntaxError and its message: most of the cost of a refusal.
  return mayBeJson(text) ? parseStrictly(text) : new JsonRefusal(undefined, text);
}

function parseStrictly(text: string): unknown {
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
 * Where and why a text that JSON.parse refused (with `error`, or the {@link JsonRefusal} of
 * {@link parseOrRefuse}) is not valid JSON, without parsing it again: for readers that call JSON.parse
 * themselves. `start` skips a byte order mark. The reason is the scan's; the error's message is the reason
 * only where the scan finds no fault, so a refusal's error is made only then.
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
  const reason = found?.reason ?? messageOf(error instanceof JsonRefusal ? error.error : error);
  return { ...lineAndColumn(text, offset), offset, reason };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStartsOf(text, offset);
  const lineStart = starts[starts.length - 1] as number;
  return { line: starts.length, column: offset - lineStart + 1 };
}

/**
 * The offsets at which the lines of a text start, up to `until`: a line ends at "\r\n", "\n" or a lone "\r",
 * as editors count them (a file saved with old Mac line ends has as many lines as it shows).
 *
 * @example
 * ```ts
 * lineStartsOf("a\r\nb\rc\nd"); // [0, 3, 5, 7]
 * ```
 */
export function lineStartsOf(text: string, until = text.length): number[] {
  const starts = [0];
  let lf = text.indexOf("\n");
  let cr = text.indexOf("\r");
  while ((lf !== -1 && lf < until) || (cr !== -1 && cr < until)) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      const crlf = text.charCodeAt(cr + 1) === 10;
      starts.push(cr + (crlf ? 2 : 1));
      if (crlf) lf = text.indexOf("\n", cr + 2);
      cr = text.indexOf("\r", cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf("\n", lf + 1);
    }
  }
  return starts;
}
