import ExcelJS from "exceljs";

// The one module that knows the workbook library, so it can be swapped without touching the layouts.
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

/** A new, empty workbook. */
export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cohesion";
  return workbook;
}

/** The .xlsx bytes of a workbook. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Opens .xlsx bytes; a file that is not a workbook is answered with the library's reason, never a throw. */
export async function openWorkbook(data: Uint8Array): Promise<{ ok: true; workbook: Workbook } | { ok: false; reason: string }> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return { ok: true, workbook };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || error.name : String(error) };
  }
}

/**
 * What a cell holds, as a person typed it: a date cell is a date, a number a number, any text (rich text,
 * a hyperlink's text, a formula's cached result) text. Formula cells without a cached result are empty.
 */
export type CellContent =
  | { readonly type: "empty" }
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "date"; readonly date: Date }
  | { readonly type: "error"; readonly text: string };

function contentOf(value: unknown, depth = 0): CellContent {
  if (value === null || value === undefined || value === "") return { type: "empty" };
  if (typeof value === "string") return { type: "text", text: value };
  if (typeof value === "number") return Number.isFinite(value) ? { type: "number", value } : { type: "error", text: String(value) };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { type: "error", text: "an invalid date" } : { type: "date", date: value };
  if (typeof value === "object" && depth < 3) {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record["richText"])) {
      return { type: "text", text: (record["richText"] as Array<{ text?: unknown }>).map((run) => (typeof run?.text === "string" ? run.text : "")).join("") };
    }
    if ("error" in record) return { type: "error", text: String(record["error"]) };
    if ("result" in record || "formula" in record || "sharedFormula" in record) return contentOf(record["result"], depth + 1);
    if ("text" in record) return contentOf(record["text"], depth + 1);
  }
  return { type: "error", text: "a value that is not text, a number or a date" };
}

/** The content of a cell. */
export function cellContent(cell: Cell): CellContent {
  try {
    return contentOf(cell.value);
  } catch {
    return { type: "error", text: "a value that could not be read" };
  }
}

/** A cell's content as trimmed text ("" when empty); numbers and booleans as they print. */
export function cellText(cell: Cell): string {
  const content = cellContent(cell);
  switch (content.type) {
    case "text":
      return content.text.trim();
    case "number":
    case "boolean":
      return String(content.value);
    case "date":
      return isoDate(content.date);
    case "error":
      return content.text;
    default:
      return "";
  }
}

/** YYYY-MM-DD of a date cell. Workbook dates carry no zone; the library reads them as UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "Sheet!B7" for messages; the sheet name quoted when it holds a space, as Excel writes it. */
export function cellRef(sheet: string, address: string): string {
  return `${/[^A-Za-z0-9_]/.test(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${address}`;
}

/** The column letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The merged ranges of a sheet, such as "D5:D6", with their first and last rows and columns. */
export function mergedRanges(sheet: Worksheet): Array<{ range: string; top: number; left: number; bottom: number; right: number }> {
  const merges: unknown = (sheet.model as { merges?: unknown }).merges;
  if (!Array.isArray(merges)) return [];
  const ranges = [];
  for (const range of merges) {
    const match = typeof range === "string" ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) : null;
    if (!match) continue;
    const column = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
    ranges.push({ range, top: Number(match[2]), left: column(match[1] ?? ""), bottom: Number(match[4]), right: column(match[3] ?? "") });
  }
  return ranges;
}

/** SHA-256 of a text, hex; Web Crypto, so it runs in Node and in browsers. */
export async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
