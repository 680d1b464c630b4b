/**
 * Escapes one reference token for a JSON Pointer (RFC 6901): `~` becomes `~0`, `/` becomes `~1`.
 *
 * @example
 * escapePointerSegment("a/b~c"); // "a~1b~0c"
 */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Most keys have neither character: no copy is made of them.
  if (text.indexOf("~") === -1 && text.indexOf("/") === -1) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Undoes {@link escapePointerSegment}.
 *
 * @example
 * unescapePointerSegment("a~1b~0c"); // "a/b~c"
 */
export function unescapePointerSegment(segment: string): string {
  // ~1 first, then ~0, so "~01" stays "~1" (RFC 6901, section 4).
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Appends raw (unescaped) segments to a JSON Pointer; `""` is the document root.
 *
 * @example
 * joinPointer("/sections/0", "keyFactors", 2); // "/sections/0/keyFactors/2"
 * joinPointer("", "a/b"); // "/a~1b"
 */
export function joinPointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  let pointer = base;
  for (const segment of segments) pointer += `/${escapePointerSegment(segment)}`;
  return pointer;
}

/**
 * Splits a JSON Pointer into its raw segments.
 *
 * @example
 * splitPointer("/a~1b/0"); // ["a/b", "0"]
 */
export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapePointerSegment);
}

/**
 * How a pointer reads in a message: the pointer itself, or "the document root" for `""`.
 *
 * @example
 * describePointer(""); // "the document root"
 */
export function describePointer(pointer: string): string {
  return pointer === "" ? "the document root" : pointer;
}
