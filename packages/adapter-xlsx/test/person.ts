import ExcelJS from "exceljs";
import { DETAIL_ROWS, QUESTION_COLUMNS, SHEETS } from "../src/layout";

/**
 * Fills in a questionnaire workbook the way a person does in a spreadsheet program: by sheet and cell,
 * through the workbook library, without any Cohesion code.
 */
export class Person {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(data: Uint8Array): Promise<Person> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return new Person(workbook);
  }

  sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  column(key: (typeof QUESTION_COLUMNS)[number]["key"]): number {
    return QUESTION_COLUMNS.findIndex((entry) => entry.key === key) + 1;
  }

  /** The row a question is on, found by reading column A as a person would. */
  rowOf(id: string): number {
    const sheet = this.sheet(SHEETS.questionnaire);
    for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(1).value === id) return row;
    throw new Error(`no row for ${id}`);
  }

  answer(id: string, values: Partial<Record<(typeof QUESTION_COLUMNS)[number]["key"], ExcelJS.CellValue>>): void {
    const row = this.sheet(SHEETS.questionnaire).getRow(this.rowOf(id));
    for (const [key, value] of Object.entries(values)) row.getCell(this.column(key as (typeof QUESTION_COLUMNS)[number]["key"])).value = value;
  }

  detail(key: (typeof DETAIL_ROWS)[number]["key"], value: ExcelJS.CellValue): void {
    const index = DETAIL_ROWS.findIndex((entry) => entry.key === key);
    this.sheet(SHEETS.details).getRow(index + 2).getCell(2).value = value;
  }

  fillDetails(): void {
    this.detail("subjectName", "Malmö");
    this.detail("country", "se");
    this.detail("assessedBy", "Malmö city administration");
    this.detail("assessedOn", new Date(Date.UTC(2024, 2, 12)));
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }
}
