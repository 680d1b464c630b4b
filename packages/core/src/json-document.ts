import { scanPositions, type ScannedPositions, type TextPosition } from "./json-positions";
import { parseJsonText, type JsonSyntaxError } from "./json-text";

/** A member whose key appears again in the same object: JSON.parse keeps the last, so the first is hidden. */
export interface DuplicateKey {
  /** The member's JSON Pointer. */
  readonly pointer: string;
  /** Where the first occurrence (the one JSON.parse drops) starts. */
  readonly first: TextPosition;
  /** Where the occurrence kept by JSON.parse starts. */
  readonly kept: TextPosition;
}

/** The outcome of {@link parseJsonDocument}. */
export type JsonDocumentResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Where a JSON Pointer of the value stands in the text (its nearest existing ancestor for a missing member). */
      readonly locate: (pointer: string) => TextPosition | undefined;
      /** Every repeated key, outermost first; an empty list for most texts. */
      readonly duplicates: readonly DuplicateKey[];
    }
  | ({ readonly ok: false } & JsonSyntaxError);

/**
 * Parses a JSON text as a document to be checked: the value, where each pointer stands in the text, and
 * every key repeated within one object (which JSON.parse resolves silently by keeping the last).
 *
 * @example
 * ```ts
 * import { parseJsonDocument } from "@cohesion/core";
 * const read = parseJsonDocument('{"id": "a b",\n "id": "ok"}');
 * if (read.ok) read.duplicates; // [{ pointer: "/id", first: { line: 1, column: 2 }, kept: { line: 2, column: 2 } }]
 * ```
 */
export function parseJsonDocument(text: string): JsonDocumentResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  // The position scan costs several times the parse: a text with no repeated key (nearly all) is scanned
  // only when a position is first asked for, which a valid document never needs.
  // When the quick count cannot rule out a repeat, the one scan that would confirm it serves positions too.
  let scanned: ScannedPositions | undefined | null = keysAgree(text, parsed.value) ? null : scanPositions(text);
  const duplicates = scanned ? duplicatesOf(scanned) : [];
  const locate = (pointer: string): TextPosition | undefined => {
    if (scanned === null) scanned = scanPositions(text);
    if (scanned === undefined) return undefined;
    const { offsets, position } = scanned;
    for (let current = pointer; ; current = current.slice(0, current.lastIndexOf("/"))) {
      const offset = offsets.get(current);
      if (offset !== undefined) return position(offset);
      if (current === "") return undefined;
    }
  };
  return { ok: true, value: parsed.value, locate, duplicates };
}

/**
 * The repeated keys of a JSON text (none for a text that is not valid JSON). A repeat inside a member
 * that is itself repeated is not listed again. Given `value`, what JSON.parse made of the text, the
 * text is scanned only when the quick count of {@link hasDuplicateKeys} cannot rule a repeat out.
 *
 * @example
 * ```ts
 * duplicateKeysOf('{"a": 1, "a": 2}').map((d) => d.pointer); // ["/a"]
 * duplicateKeysOf(line, JSON.parse(line)); // [] without a scan for nearly every line
 * ```
 */
export function duplicateKeysOf(text: string, value?: unknown): DuplicateKey[] {
  // JSON.parse never gives undefined: it means no value was given.
  if (value !== undefined && keysAgree(text, value)) return [];
  const scanned = scanPositions(text);
  return scanned ? duplicatesOf(scanned) : [];
}

function duplicatesOf({ offsets, repeated, position }: ScannedPositions): DuplicateKey[] {
  const listed = new Set<string>();
  const out: DuplicateKey[] = [];
  for (const { pointer, offset } of repeated) {
    // Inside a repeated member every pointer repeats too; only the outermost repeat says anything.
    let inner = listed.has(pointer);
    for (let p = pointer.slice(0, pointer.lastIndexOf("/")); !inner && p !== ""; p = p.slice(0, p.lastIndexOf("/"))) inner = listed.has(p);
    listed.add(pointer);
    if (!inner) out.push({ pointer, first: position(offsets.get(pointer) as number), kept: position(offset) });
  }
  return out;
}

/**
 * A quick test that a JSON text parsed into `value` has no repeated key, without scanning the text when
 * it can be told from counts: the keys of the text (counted from the characters around its colons) against
 * the keys the value's objects kept; when they agree no key was dropped. When a colon is ambiguous, every
 * key and every colon inside a string is counted instead; when neither count settles it, the text is
 * scanned. The cheap check for NDJSON lines, where most documents have no repeat.
 *
 * @example
 * ```ts
 * hasDuplicateKeys('{"a": 1, "a": 2}', { a: 2 }); // true
 * ```
 */
export function hasDuplicateKeys(text: string, value: unknown): boolean {
  return duplicateKeysOf(text, value).length > 0;
}

// True when the text of `value` surely has no repeated key: not an object or array, or one of two counts
// agrees. Each key of the text is a member the value keeps, unless the key repeats; so when the text has
// no more keys than the value's objects have, none was dropped.
function keysAgree(text: string, value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  // Counting with for-in relies on Object.prototype having nothing enumerable: when something has been
  // added to it, every count is off, and the scan decides.
  if (!prototypeClean()) return false;
  const keys = keysInText(text);
  if (keys >= 0 && keys === keysOf(value)) return true;
  // Not settled by the keys (a colon after whitespace, a string that starts with a colon): count every ":"
  // instead, as keys plus the colons inside strings (an escaped colon would upset that count, so then it
  // is left to the scan).
  let colons = 0;
  for (let k = text.indexOf(":"); k >= 0; k = text.indexOf(":", k + 1)) colons++;
  return colons === colonsOf(value) && text.indexOf("\\u003") < 0;
}

function prototypeClean(): boolean {
  for (const _ in {}) return false;
  return true;
}

// At least as many as the keys of a valid JSON text, counted from the colons alone (-1 when they cannot
// tell): a key's colon follows its closing quote, so every colon right after a quote is counted; a few of
// those are inside strings (a string that starts with a colon, an escaped quote), which can only make the
// count larger. A key with whitespace before its colon would be missed, so a colon after whitespace gives up.
// Since the value keeps at most the text's keys, a count equal to the value's keys proves none was dropped.
// Native indexOf does the walking: a few hundred nanoseconds for a line of a kilobyte.
function keysInText(text: string): number {
  let keys = 0;
  for (let k = text.indexOf(":"); k >= 0; k = text.indexOf(":", k + 1)) {
    const before = text.charCodeAt(k - 1);
    if (before === 0x22) keys++;
    else if (before <= 0x20) return -1;
  }
  return keys;
}

// Own keys of every object in a value, iteratively so that no depth exhausts the stack; only objects and
// arrays are visited (strings need no look).
function keysOf(root: object): number {
  let count = 0;
  const stack: object[] = [root];
  while (stack.length > 0) {
    const value = stack.pop() as object;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === "object" && item !== null) stack.push(item);
      }
    } else {
      for (const key in value) {
        count++;
        const member: unknown = (value as Record<string, unknown>)[key];
        if (typeof member === "object" && member !== null) stack.push(member);
      }
    }
  }
  return count;
}

// Keys plus colons inside keys and strings, iteratively so that no depth exhausts the stack.
function colonsOf(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      for (let k = value.indexOf(":"); k >= 0; k = value.indexOf(":", k + 1)) count++;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === "object") {
      for (const key in value) {
        count++;
        for (let k = key.indexOf(":"); k >= 0; k = key.indexOf(":", k + 1)) count++;
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return count;
}
