import { parseJsonText } from "./json-text";

/**
 * Line and column (from 1) of a place in a JSON text.
 *
 * @example
 * ```ts
 * const where: TextPosition = { line: 3, column: 5 };
 * ```
 */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

function escapeSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Maps JSON Pointers to where they stand in a JSON text, so a problem found in the parsed value can also
 * name its line. A pointer to an object member resolves to the member's key; a pointer that does not
 * exist (a missing field) resolves to its nearest existing ancestor. Answers undefined for text that is
 * not valid JSON.
 *
 * @example
 * ```ts
 * import { locatePointers } from "@cohesion/core";
 * const locate = locatePointers('{\n  "cohesion": {\n    "id": 7\n  }\n}');
 * locate?.("/cohesion/id"); // { line: 3, column: 5 }
 * ```
 */
export function locatePointers(text: string): ((pointer: string) => TextPosition | undefined) | undefined {
  if (!parseJsonText(text).ok) return undefined;
  const offsets = new Map<string, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // The text is known to be valid JSON, so the walk only needs to find where things start.
  const value = (pointer: string, at: number): void => {
    space();
    if (!offsets.has(pointer)) offsets.set(pointer, at < 0 ? i : at);
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
        const keyAt = i;
        const key = string();
        space();
        i++; // the colon
        value(`${pointer}/${escapeSegment(key)}`, keyAt);
        space();
        if (text[i++] === "}") return;
      }
    }
    if (char === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${pointer}/${index}`, -1);
        space();
        if (text[i++] === "]") return;
      }
    }
    if (char === '"') {
      string();
      return;
    }
    while (i < text.length && !",]} \t\n\r".includes(text[i] as string)) i++;
  };
  try {
    value("", -1);
  } catch {
    // Nesting deeper than the stack allows: pointers below the cut-off are simply not located.
  }
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") lineStarts.push(k + 1);
  const position = (offset: number): TextPosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
  return (pointer) => {
    let current = pointer;
    for (;;) {
      const offset = offsets.get(current);
      if (offset !== undefined) return position(offset);
      if (current === "") return undefined;
      current = current.slice(0, current.lastIndexOf("/"));
    }
  };
}
