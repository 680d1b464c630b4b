import type { ValidationProblem } from "@cohesion/schema";
import type { Colour } from "./framework/colour";

/**
 * Formats a problem as one line of text: `file:line:column item pointer severity code: message`, where
 * the column (`params.column`) and the array item (`params.item`) appear when known. With a colour, the
 * severity is coloured.
 *
 * @example
 * ```ts
 * formatProblem({ code: "unknown_field", severity: "error", pointer: "/sections/0", message: "…", params: { column: 3 }, file: "a.json", line: 4 });
 * // "a.json:4:3 /sections/0 error unknown_field: …"
 * ```
 */
export function formatProblem(problem: ValidationProblem, colour?: Colour): string {
  const column = typeof problem.params["column"] === "number" && problem.line !== undefined ? `:${problem.params["column"]}` : "";
  const where = problem.file === undefined ? "" : `${oneLine(problem.file)}${problem.line === undefined ? "" : `:${problem.line}${column}`} `;
  const item = typeof problem.params["item"] === "number" ? `item ${problem.params["item"]} ` : "";
  const pointer = problem.pointer === "" ? "(document)" : oneLine(problem.pointer);
  const severity = !colour ? problem.severity : problem.severity === "error" ? colour.red(problem.severity) : problem.severity === "warning" ? colour.yellow(problem.severity) : colour.dim(problem.severity);
  return `${where}${item}${pointer} ${severity} ${problem.code}: ${oneLine(problem.message)}`;
}

/**
 * Text from the input (a file name, a key, a value in a message) made safe for one line of a terminal:
 * line breaks and other control characters are written as escapes (`\n`, `\u001b`), so a name with a
 * newline cannot split a problem over two lines and an escape sequence cannot reach the terminal.
 *
 * @example
 * ```ts
 * oneLine("bad\nname.json"); // "bad\\nname.json"
 * ```
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControl);
}

const CONTROL_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeControl = (ch: string): string => CONTROL_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * A command's text output made safe for a terminal, keeping its lines: control characters other than
 * line feed and tab (a carriage return, an escape sequence from a plugin's title) are written as escapes,
 * so content cannot move the cursor, recolour or retitle the terminal, or hide text.
 *
 * @example
 * ```ts
 * terminalText("Title\u001b[8m hidden\n"); // "Title\\u001b[8m hidden\n"
 * ```
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, escapeControl);
}

/** English plural of a count, for summaries. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
