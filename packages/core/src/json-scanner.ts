/**
 * The one JSON text scanner of @cohesion/core: a strict RFC 8259 grammar walk that finds the first syntax
 * error (what {@link parseJsonText} reports when JSON.parse fails) and can report where every value starts
 * (what {@link locatePointers} maps pointers to). It keeps its own stack of open arrays and objects instead
 * of recursing, so no text can exhaust the call stack, and it never throws.
 */

/** Where the scan stopped and why; `tooDeep` when the only fault found is nesting past {@link JSON_NESTING_LIMIT}. */
export interface JsonScanError {
  readonly offset: number;
  readonly reason: string;
  readonly tooDeep: boolean;
}

/** How many arrays and objects may be open around a value before the scan stops with "nesting too deep". */
export const JSON_NESTING_LIMIT = 10_000;

/**
 * Called for every value the scan enters, in text order, with its JSON Pointer and where it starts: for an
 * object member, where its key starts. A member repeated in its object is reported each time.
 */
export type JsonValueSink = (pointer: string, offset: number) => void;

/** A run of string characters that are neither a quote, a backslash nor a control character (sticky). */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

const ARRAY = 0;
const OBJECT = 1;

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function escapeSegment(segment: string): string {
  return segment.indexOf("~") < 0 && segment.indexOf("/") < 0 ? segment : segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Scans `text` from `start` (to skip a byte order mark) as one JSON value with optional whitespace around it.
 * Answers undefined when it is valid JSON, else the first error; offsets are into `text`.
 *
 * @example
 * ```ts
 * scanJson('{"a": [1, 2]}', 0, (pointer, offset) => console.log(pointer, offset)); // "" 0, "/a" 1, "/a/0" 7, "/a/1" 10
 * scanJson("[1,]", 0); // { offset: 3, reason: "expected a JSON value", tooDeep: false }
 * ```
 */
export function scanJson(text: string, start = 0, onValue?: JsonValueSink): JsonScanError | undefined {
  const length = text.length;
  let i = start;
  let tooDeep = false;
  let reason = "";
  // The open arrays and objects, innermost last; with a sink, also their pointers and array indices.
  const kinds: number[] = [];
  const pointers: string[] = [];
  const indices: number[] = [];
  // The pointer of the value about to be scanned and where it is reported to start (-1: where it starts).
  let pointer = "";
  let reportAt = -1;

  // A character code, or -1 past the end. A text cut short is read past its end wherever it was cut:
  // charCodeAt there (NaN) made V8 drop the optimised scanner and compile it again, once for each such
  // place, and the scanner is large (about 100 ms of compiling each time under load).
  const codeAt = (at: number): number => (at < length ? text.charCodeAt(at) : -1);
  const space = (): void => {
    while (i < length) {
      const code = codeAt(i);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) i++;
      else return;
    }
  };
  // Scans a string at i; answers whether it held an escape, or undefined (with `reason` set) when it is invalid.
  const string = (what: string): boolean | undefined => {
    if (codeAt(i) !== 0x22) {
      reason = what;
      return undefined;
    }
    i++;
    let escaped = false;
    for (;;) {
      // Characters that need no look are skipped natively: strings are most of a text's length.
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(text);
      i = PLAIN_RUN.lastIndex;
      if (i >= length) {
        reason = "unterminated string";
        return undefined;
      }
      const code = codeAt(i);
      if (code === 0x22) {
        i++;
        return escaped;
      }
      if (code < 0x20) {
        reason = "control character in string: escape it";
        return undefined;
      }
      if (code === 0x5c) {
        escaped = true;
        i++;
        const escape = codeAt(i);
        if (escape === 0x75) {
          for (let k = 1; k <= 4; k++) {
            if (!isHex(codeAt(i + k))) {
              i += k;
              reason = "bad \\u escape: expected four hex digits";
              return undefined;
            }
          }
          i += 5;
        } else if (
          escape === 0x22 ||
          escape === 0x5c ||
          escape === 0x2f ||
          escape === 0x62 ||
          escape === 0x66 ||
          escape === 0x6e ||
          escape === 0x72 ||
          escape === 0x74
        ) {
          i++;
        } else {
          reason = "bad escape sequence";
          return undefined;
        }
      } else i++;
    }
  };
  const number = (): boolean => {
    if (codeAt(i) === 0x2d) i++;
    const first = codeAt(i);
    if (first === 0x30) i++;
    else if (first >= 0x31 && first <= 0x39) {
      i++;
      while (isDigit(codeAt(i))) i++;
    } else {
      reason = "expected a digit";
      return false;
    }
    if (codeAt(i) === 0x2e) {
      i++;
      if (!isDigit(codeAt(i))) {
        reason = "expected a digit after the decimal point";
        return false;
      }
      while (isDigit(codeAt(i))) i++;
    }
    const e = codeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = codeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(codeAt(i))) {
        reason = "expected a digit in the exponent";
        return false;
      }
      while (isDigit(codeAt(i))) i++;
    }
    return true;
  };
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++) {
      if (codeAt(i) !== word.charCodeAt(k)) {
        reason = `expected "${word}"`;
        return false;
      }
      i++;
    }
    return true;
  };
  // After "{" or ",": a key, a colon, and the member's pointer for the value that follows.
  const member = (): boolean => {
    space();
    const keyAt = i;
    const escaped = string("expected a property name in double quotes");
    if (escaped === undefined) return false;
    if (onValue !== undefined) {
      const key = escaped ? (JSON.parse(text.slice(keyAt, i)) as string) : text.slice(keyAt + 1, i - 1);
      pointer = `${pointers[pointers.length - 1] as string}/${escapeSegment(key)}`;
      reportAt = keyAt;
    }
    space();
    if (codeAt(i) !== 0x3a) {
      reason = 'expected ":" after a property name';
      return false;
    }
    i++;
    return true;
  };

  scan: for (;;) {
    // A value is expected at i.
    if (kinds.length > JSON_NESTING_LIMIT) {
      reason = "nesting too deep";
      tooDeep = true;
      break;
    }
    space();
    if (onValue !== undefined) onValue(pointer, reportAt < 0 ? i : reportAt);
    const code = codeAt(i);
    if (code === 0x7b || code === 0x5b) {
      i++;
      space();
      if (codeAt(i) === (code === 0x7b ? 0x7d : 0x5d)) i++;
      else {
        kinds.push(code === 0x7b ? OBJECT : ARRAY);
        if (onValue !== undefined) {
          pointers.push(pointer);
          indices.push(0);
        }
        if (code === 0x5b) {
          if (onValue !== undefined) {
            pointer = `${pointer}/0`;
            reportAt = -1;
          }
          continue;
        }
        if (member()) continue;
        break;
      }
    } else if (code === 0x22) {
      if (string("expected a string") === undefined) break;
    } else if (code === 0x74) {
      if (!literal("true")) break;
    } else if (code === 0x66) {
      if (!literal("false")) break;
    } else if (code === 0x6e) {
      if (!literal("null")) break;
    } else if (code === 0x2d || isDigit(code)) {
      if (!number()) break;
    } else {
      reason = "expected a JSON value";
      break;
    }
    // A value ended at i: close what it ends, up to the next value.
    for (;;) {
      space();
      const depth = kinds.length;
      if (depth === 0) {
        if (i < length) {
          reason = "unexpected text after the JSON value";
          break scan;
        }
        return undefined;
      }
      const next = codeAt(i);
      if (kinds[depth - 1] === OBJECT) {
        if (next === 0x2c) {
          i++;
          if (member()) continue scan;
          break scan;
        }
        if (next !== 0x7d) {
          reason = 'expected "," or "}" after a property value';
          break scan;
        }
      } else {
        if (next === 0x2c) {
          i++;
          if (onValue !== undefined) {
            const index = (indices[depth - 1] as number) + 1;
            indices[depth - 1] = index;
            pointer = `${pointers[depth - 1] as string}/${index}`;
            reportAt = -1;
          }
          continue scan;
        }
        if (next !== 0x5d) {
          reason = 'expected "," or "]" after an array element';
          break scan;
        }
      }
      i++;
      kinds.pop();
      if (onValue !== undefined) {
        pointers.pop();
        indices.pop();
      }
    }
  }
  return { offset: i, reason: i >= length ? `unexpected end of input: ${reason}` : reason, tooDeep };
}
