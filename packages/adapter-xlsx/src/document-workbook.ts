import { joinPointer, unescapePointerSegment, type CohesionDocument, type ValidationProblem } from "@cohesion/schema";
import { DOCUMENT_FORMAT, LAYOUT_VERSION, SHEETS } from "./layout";
import { cellProblem } from "./read-problems";
import { cellContent, cellRef, cellText, newWorkbook, workbookBytes, type Workbook } from "./workbook-io";

/** The sheet of a document workbook: one row per value of the document, in the document's own order. */
export const DOCUMENT_SHEET = "Document";

type NodeType = "object" | "array" | "string" | "escaped" | "integer" | "number" | "boolean" | "null";
const TYPES: readonly string[] = ["object", "array", "string", "escaped", "integer", "number", "boolean", "null"];
// Text a workbook does not keep as it is, written as a JSON string literal with the type "escaped": characters
// its XML cannot hold, a carriage return (XML turns it into a line feed), a lone surrogate, text that looks
// like the _xHHHH_ escape, and characters outside the Basic Multilingual Plane (the workbook library's zip
// writer encodes text in 16,384-unit pieces and can cut such a character in two).
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;

function escaped(text: string): string {
  return JSON.stringify(text).replace(/_x|[\uD800-\uDFFF]/g, (match) => (match === "_x" ? "\\u005fx" : `\\u${match.charCodeAt(0).toString(16)}`));
}

/** Excel refuses more than 32,767 characters in a cell: longer text goes on in continuation rows. */
const CELL_LIMIT = 32_000;
const CONTINUED = "…";

function typeOf(value: unknown): NodeType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

// Splits text into cell-sized pieces without cutting a surrogate pair in two.
function chunks(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CELL_LIMIT, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces.length > 0 ? pieces : [""];
}

/**
 * Writes any document as a workbook that reads back to the same JSON, key order included: a `Document`
 * sheet with one row per value (JSON Pointer, type, value) and a hidden, protected `_cohesion` sheet.
 * Nulls and empty arrays and objects have rows of their own; strings (ids with leading zeros too) are text
 * cells; integers and decimals are number cells whose type column keeps them apart; text longer than a cell
 * holds continues on rows whose type is "…"; text a workbook does not keep as it is (control characters, a
 * carriage return, surrogates, `_xHHHH_`) is written as an ASCII-safe JSON string literal with the type "escaped".
 *
 * @example
 * ```ts
 * const bytes = await documentWorkbook(practice);
 * ```
 */
export async function documentWorkbook(document: unknown): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(DOCUMENT_SHEET);
  sheet.columns = [
    { header: "Path (JSON Pointer)", width: 48 },
    { header: "Type", width: 10 },
    { header: "Value", width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  const stack: Array<{ pointer: string; value: unknown }> = [{ pointer: "", value: document }];
  while (stack.length > 0) {
    const { pointer, value } = stack.pop() as { pointer: string; value: unknown };
    const type = typeOf(value);
    if (type === "string") {
      const unsafe = UNSAFE.test(value as string);
      chunks(unsafe ? escaped(value as string) : (value as string)).forEach((piece, index) => sheet.addRow([pointer, index > 0 ? CONTINUED : unsafe ? "escaped" : "string", piece]));
      continue;
    }
    sheet.addRow([pointer, type, type === "integer" || type === "number" || type === "boolean" ? (value as number | boolean) : null]);
    if (type === "object" || type === "array") {
      const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value as object);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index] as [string, unknown];
        stack.push({ pointer: joinPointer(pointer, key), value: child });
      }
    }
  }
  const meta = workbook.addWorksheet(SHEETS.meta);
  const kind = typeof document === "object" && document !== null && "kind" in document ? String((document as { kind: unknown }).kind) : "";
  [["format", DOCUMENT_FORMAT], ["layoutVersion", LAYOUT_VERSION], ["kind", kind]].forEach((row) => meta.addRow(row));
  meta.state = "hidden";
  await meta.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  return workbookBytes(workbook);
}

// Keys such as "__proto__" are data in JSON: set as own properties, never through the prototype setter.
function setOwn(holder: Record<string | number, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
}

function parentAndKey(pointer: string): { parent: string; key: string } | undefined {
  if (pointer === "" || !pointer.startsWith("/")) return undefined;
  const at = pointer.lastIndexOf("/");
  return { parent: pointer.slice(0, at), key: unescapePointerSegment(pointer.slice(at + 1)) };
}

/**
 * Reads a document workbook back. Each row's place is checked (its parent came first, array items in
 * order, no path twice), and every mistake is reported with its cell.
 *
 * @example
 * ```ts
 * const { documents, problems } = readDocumentWorkbook(workbook);
 * ```
 */
export function readDocumentWorkbook(workbook: Workbook): { documents: CohesionDocument[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const sheet = workbook.getWorksheet(DOCUMENT_SHEET);
  if (!sheet) {
    problems.push(cellProblem("sheet_missing", "error", "", "", `The sheet "${DOCUMENT_SHEET}" is missing (deleted or renamed?): restore it, keeping its name.`, { sheet: DOCUMENT_SHEET }));
    return { documents: [], problems };
  }
  const containers = new Map<string, unknown>();
  // A root that is a string is kept in a holder, so continuation rows can extend it like any other.
  const rootHolder: Record<string, unknown> = {};
  let root: unknown;
  let hasRoot = false;
  type Text = { holder: Record<string, unknown> | unknown[]; key: string | number; pointer: string; escaped: boolean; ref: string };
  let lastString: Text | undefined;
  const escapedTexts: Text[] = [];
  // A path typed by a person need not be a JSON Pointer: the problem then points at the whole document.
  const error = (code: string, pointer: string, ref: string, message: string) => problems.push(cellProblem(code, "error", pointer === "" || pointer.startsWith("/") ? pointer : "", ref, message));
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const pathCell = row.getCell(1);
    const typeCell = row.getCell(2);
    const valueCell = row.getCell(3);
    const path = cellContent(pathCell).type === "text" ? (cellContent(pathCell) as { text: string }).text : cellText(pathCell);
    const type = cellText(typeCell);
    if (path === "" && type === "" && cellContent(valueCell).type === "empty") continue;
    const ref = cellRef(sheet.name, typeCell.address);
    if (type === CONTINUED) {
      const content = cellContent(valueCell);
      if (!lastString || path !== lastString.pointer || content.type !== "text") {
        error("bad_continuation", path, ref, `A "${CONTINUED}" row continues the text of the row above it: keep it right under that row, with the same path and text in column C.`);
        continue;
      }
      const holder = lastString.holder as Record<string | number, unknown>;
      setOwn(holder, lastString.key, `${String(holder[lastString.key])}${content.text}`);
      continue;
    }
    if (lastString?.escaped) escapedTexts.push(lastString);
    lastString = undefined;
    if (!TYPES.includes(type)) {
      error("unknown_type", path, ref, `"${type}" is not a type: use one of ${TYPES.join(", ")}.`);
      continue;
    }
    const content = cellContent(valueCell);
    const valueRef = cellRef(sheet.name, valueCell.address);
    let value: unknown;
    switch (type as NodeType) {
      case "object":
        value = {};
        break;
      case "array":
        value = [];
        break;
      case "null":
        value = null;
        break;
      case "string":
      case "escaped":
        value = content.type === "text" ? content.text : content.type === "empty" ? "" : cellText(valueCell);
        break;
      case "boolean":
        if (content.type === "boolean") value = content.value;
        else if (/^(true|false)$/i.test(cellText(valueCell))) value = cellText(valueCell).toLowerCase() === "true";
        else error("not_a_boolean", path, valueRef, `"${cellText(valueCell)}" is not TRUE or FALSE.`);
        break;
      default: {
        const number = content.type === "number" ? content.value : content.type === "text" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(content.text.trim()) ? Number(content.text) : undefined;
        if (number === undefined) error("not_a_number", path, valueRef, `"${cellText(valueCell)}" is not a number.`);
        else if (type === "integer" && !Number.isInteger(number)) error("not_an_integer", path, valueRef, `${number} is not a whole number, but the row's type is integer: give a whole number, or change the type to number.`);
        else value = number;
      }
    }
    if (value === undefined) continue;
    if (path === "") {
      if (hasRoot) {
        error("duplicate_path", path, cellRef(sheet.name, pathCell.address), "The document's root (the empty path) is given twice: keep the first.");
        continue;
      }
      hasRoot = true;
      root = value;
      if (type === "escaped" || type === "string") lastString = { holder: rootHolder, key: "root", pointer: "", escaped: type === "escaped", ref: valueRef };
      if (typeof value === "object" && value !== null) containers.set("", value);
      continue;
    }
    const place = parentAndKey(path);
    const parent = place ? containers.get(place.parent) : undefined;
    if (!place || parent === undefined) {
      error("orphan_path", path, cellRef(sheet.name, pathCell.address), `"${path}" is not inside an object or array given on an earlier row: check the path, or add its parent first.`);
      continue;
    }
    if (containers.has(path) || (!Array.isArray(parent) && Object.hasOwn(parent as object, place.key))) {
      error("duplicate_path", path, cellRef(sheet.name, pathCell.address), `"${path}" is given twice: keep one row for it.`);
      continue;
    }
    if (Array.isArray(parent)) {
      if (place.key !== String(parent.length)) {
        error("array_out_of_order", path, cellRef(sheet.name, pathCell.address), `Items of "${place.parent}" must come in order 0, 1, 2…: expected index ${parent.length} here, found "${place.key}".`);
        continue;
      }
      parent.push(value);
      if (type === "string" || type === "escaped") lastString = { holder: parent, key: parent.length - 1, pointer: path, escaped: type === "escaped", ref: valueRef };
    } else {
      setOwn(parent as Record<string, unknown>, place.key, value);
      if (type === "string" || type === "escaped") lastString = { holder: parent as Record<string, unknown>, key: place.key, pointer: path, escaped: type === "escaped", ref: valueRef };
    }
    if (typeof value === "object" && value !== null) containers.set(path, value);
  }
  if (lastString?.escaped) escapedTexts.push(lastString);
  for (const text of escapedTexts) {
    const holder = text.holder as Record<string | number, unknown>;
    try {
      const decoded: unknown = JSON.parse(String(holder[text.key]));
      if (typeof decoded !== "string") throw new Error("not a string");
      setOwn(holder, text.key, decoded);
    } catch {
      error("bad_escaped_text", text.pointer, text.ref, 'An "escaped" value must be a JSON string literal in double quotes, as Cohesion wrote it: restore it, or change the type to string and type the text plainly.');
    }
  }
  if (hasRoot && "root" in rootHolder) root = rootHolder["root"];
  if (!hasRoot) {
    problems.push(cellProblem("empty_document", "error", "", cellRef(sheet.name, "A2"), "The sheet holds no document: its first row after the header must be the root (empty path, type object)."));
    return { documents: [], problems };
  }
  return { documents: problems.some((problem) => problem.severity === "error") ? [] : [root as CohesionDocument], problems };
}
