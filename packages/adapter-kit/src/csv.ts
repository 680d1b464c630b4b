/**
 * A CSV cell: text, a number (written as JSON writes it), or null (an empty cell).
 *
 * @example
 * ```ts
 * const row: CsvCell[] = ["eurocities.x", 12.5, null];
 * ```
 */
export type CsvCell = string | number | boolean | null;

function field(cell: CsvCell): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? (Number.isFinite(cell) ? JSON.stringify(cell) : "") : String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote, a line break or spaces at either end. Null and non-finite numbers are empty cells.
 *
 * @example
 * ```ts
 * writeCsv([["id", "title"], ["a", 'Say "hi", then'], ["b", null]]); // 'id,title\r\na,"Say ""hi"", then"\r\nb,\r\n'
 * ```
 */
export function writeCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
}

/**
 * The outcome of {@link parseCsv}: the rows (every field as text), or where the text stops being CSV.
 *
 * @example
 * ```ts
 * const parsed: CsvParse = { ok: false, line: 3, message: "a quoted field is not closed" };
 * ```
 */
export type CsvParse = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Reads CSV (RFC 4180; a leading byte order mark, LF or CRLF line ends accepted). Never throws: text
 * that is not CSV is answered with the line where it goes wrong. A last empty line is not a row.
 *
 * @example
 * ```ts
 * parseCsv('id,title\r\na,"x, y"\r\n'); // { ok: true, rows: [["id", "title"], ["a", "x, y"]] }
 * ```
 */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 1;
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let index = 0; index < input.length; index++) {
    const char = input[index] as string;
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          value += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        value += char;
      }
      continue;
    }
    if (char === '"') {
      if (value !== "" || wasQuoted) return { ok: false, line, message: 'a quote inside an unquoted field: quote the whole field and double the quote ("")' };
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (char === ",") {
      row.push(value);
      value = "";
      wasQuoted = false;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[index + 1] === "\n") index++;
      row.push(value);
      rows.push(row);
      row = [];
      value = "";
      wasQuoted = false;
      line++;
    } else {
      if (wasQuoted) return { ok: false, line, message: "text after a closing quote: quote the whole field" };
      value += char;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: "a quoted field is not closed: add the closing quote" };
  if (value !== "" || wasQuoted || row.length > 0) {
    row.push(value);
    rows.push(row);
  }
  return { ok: true, rows };
}
