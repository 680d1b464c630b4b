import { scanJson } from "./json-scanner";
import { lineStartsOf } from "./json-text";

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
  const scanned = scanPositions(text);
  if (!scanned) return undefined;
  const { offsets, position } = scanned;
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

/** Where every pointer of a valid JSON text first starts, the later starts of repeated members, and offsets as positions. */
export interface ScannedPositions {
  readonly offsets: ReadonlyMap<string, number>;
  readonly repeated: readonly { pointer: string; offset: number }[];
  position(offset: number): TextPosition;
}

/** One scan of a JSON text for {@link locatePointers} and the duplicate-key check; undefined for invalid JSON. */
export function scanPositions(text: string): ScannedPositions | undefined {
  const offsets = new Map<string, number>();
  const repeated: { pointer: string; offset: number }[] = [];
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const failure = scanJson(text, start, (pointer, offset) => {
    if (!offsets.has(pointer)) offsets.set(pointer, offset);
    else repeated.push({ pointer, offset });
  });
  if (failure !== undefined) {
    if (!failure.tooDeep) return undefined;
    // Valid JSON nested past the scanner's limit: what lies below the cut-off is simply not located.
    try {
      JSON.parse(start === 0 ? text : text.slice(1));
    } catch {
      return undefined;
    }
  }
  const lineStarts = lineStartsOf(text);
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
  return { offsets, repeated, position };
}
