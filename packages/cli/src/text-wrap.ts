// Plain text for a terminal, in a module of its own so that a command can wrap text without loading
// what the questionnaire renderer loads.

/**
 * Wraps text to a width, indenting every line; a word longer than the width stays whole.
 *
 * @example
 * ```ts
 * wrap("a long title", 8, "  ", ""); // ["a long", "  title"]
 * ```
 */
export function wrap(text: string, width: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}
