/** Where in a text a JSON parse failed, as 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The outcome of {@link parseJsonWithPosition}. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; position: TextPosition };

/**
 * Parses JSON, and on failure says what and where (1-based line and column). V8's messages do not always
 * carry an offset, so on failure the text is scanned once more to find the first offending character.
 *
 * @example
 * ```ts
 * parseJsonWithPosition('{"a": }');
 * // { ok: false, message: "unexpected '}' where a value was expected", position: { line: 1, column: 7 } }
 * ```
 */
export function parseJsonWithPosition(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const { offset, expected } = findSyntaxError(text);
    const found = offset >= text.length ? "end of input" : `'${text[offset]}'`;
    return { ok: false, message: `unexpected ${found} where ${expected} was expected`, position: positionOf(text, offset) };
  }
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class SyntaxAt {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

/** A small recursive-descent scanner for the JSON grammar; it only runs after JSON.parse has failed. */
function findSyntaxError(text: string): { offset: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxAt(i, expected);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail("a closing quote (control characters must be escaped)");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? "")) fail("a hexadecimal digit");
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail("an escape character");
      }
      i++;
    }
    if (i >= text.length) fail("a closing quote");
    i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (/[1-9]/.test(text[i] ?? "")) while (/[0-9]/.test(text[i] ?? "")) i++;
    else fail("a digit");
    if (text[i] === ".") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("a digit");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!/[0-9]/.test(text[i] ?? "")) fail("a digit");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
  };
  const value = (depth: number): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a double-quoted property name");
        string();
        ws();
        if (text[i] !== ":") fail("':'");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail("',' or '}'");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail("',' or ']'");
      }
    }
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    if (ch === "-" || /[0-9]/.test(ch ?? "")) return number();
    fail("a value");
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail("the end of the document");
    return { offset: text.length, expected: "valid JSON" };
  } catch (error) {
    if (error instanceof SyntaxAt) return { offset: error.offset, expected: error.expected };
    // Nesting too deep for the scanner's own stack: point at the start.
    return { offset: 0, expected: "JSON nested less deeply" };
  }
}
