import { cellText, newWorkbook, workbookBytes, type Workbook } from "@cohesion/adapter-xlsx";
import type { FormRow, XlsForm } from "./form-model";

/** Writes the three sheets of an XLSForm, each with the union of its rows' columns as headers, in first-seen order. */
export async function formWorkbook(form: XlsForm): Promise<Uint8Array> {
  const workbook = newWorkbook();
  for (const [name, rows] of [["survey", form.survey], ["choices", form.choices], ["settings", form.settings]] as const) {
    const sheet = workbook.addWorksheet(name);
    const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(headers);
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  }
  return workbookBytes(workbook);
}

/** The rows of one sheet as header → text records (empty rows left out); the first row holds the headers. */
export function sheetRows(workbook: Workbook, name: string): FormRow[] | undefined {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return undefined;
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = cellText(cell);
  });
  const rows: FormRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const record: FormRow = {};
    headers.forEach((header, index) => {
      const text = cellText(row.getCell(index + 1));
      if (header && text !== "") record[header] = text;
    });
    if (Object.keys(record).length > 0) rows.push(record);
  }
  return rows;
}
