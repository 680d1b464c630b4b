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
 * position, so the text is scanned again to find the first offending character.
 *
 * @example
 * ```ts
 * import { parseJsonText } from "@cohesion/core";
 * parseJsonText('{\n  "a": 1,\n}'); // { ok: false, line: 3, column: 1, offset: 12, reason: "expected a property name in double quotes" }
 * ```
 */
export function parseJsonText(text: string): JsonTextResult {
  // A byte order mark is legal at the start of a file but not for JSON.parse.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = locateJsonError(body);
    const offset = found?.offset ?? body.length;
    const reason = found?.reason ?? (error instanceof Error ? error.message : String(error));
    const shift = body === text ? 0 : 1;
    return { ok: false, ...lineAndColumn(text, offset + shift), offset: offset + shift, reason };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Failure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

// A strict JSON grammar walk (RFC 8259) that only reports the first error.
function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const fail = (reason: string): never => {
    throw new Failure(i, i >= text.length ? `unexpected end of input: ${reason}` : reason);
  };
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    for (const char of word) {
      if (text[i] !== char) fail(`expected "${word}"`);
      i++;
    }
  };
  const string = (what: string): void => {
    if (text[i] !== '"') fail(what);
    i++;
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const char = text.charCodeAt(i);
      if (char === 0x22) {
        i++;
        return;
      }
      if (char < 0x20) fail("control character in string: escape it");
      if (char === 0x5c) {
        i++;
        const escape = text[i];
        if (escape === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) {
              i += k;
              fail("bad \\u escape: expected four hex digits");
            }
          }
          i += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
        else fail("bad escape sequence");
      } else i++;
    }
  };
  const number = (): void => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (/[1-9]/.test(text[i] ?? "")) while (/[0-9]/.test(text[i] ?? "")) i++;
    else fail("expected a digit");
    if (text[i] === ".") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("expected a digit after the decimal point");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("expected a digit in the exponent");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail("nesting too deep");
    space();
    const char = text[i];
    if (char === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        string("expected a property name in double quotes");
        space();
        if (text[i] !== ":") fail('expected ":" after a property name');
        i++;
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail('expected "," or "}" after a property value');
      }
    }
    if (char === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail('expected "," or "]" after an array element');
      }
    }
    if (char === '"') return string("expected a string");
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || /[0-9]/.test(char ?? "")) return number();
    fail("expected a JSON value");
  };
  try {
    value(0);
    space();
    if (i < text.length) fail("unexpected text after the JSON value");
    return undefined;
  } catch (error) {
    if (error instanceof Failure) return { offset: error.offset, reason: error.reason };
    // The walk itself ran out of stack: fall back to the parser's message.
    return undefined;
  }
}
