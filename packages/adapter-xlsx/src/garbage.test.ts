import { BUILTIN_SCALES } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectWellFormed, fixtures } from "@cohesion/test-support";
import { readWorkbook, writeWorkbook, xlsxDocumentAdapter } from "./adapter";
import { SHEETS } from "./layout";




const { benchmark, practice } = fixtures;
const documents = [benchmark as unknown as CohesionDocument, ...(BUILTIN_SCALES as unknown as CohesionDocument[])];

// What a person (or a program) can leave in a cell.
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("Fully in place", "n/a", "2024-02-30", "12/03/2024", "q-who", "", " ", "=1+1"),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.record({ richText: fc.array(fc.record({ text: fc.string({ maxLength: 10 }) }, { noNullPrototype: true }), { maxLength: 3 }) }, { noNullPrototype: true }),
  fc.record({ formula: fc.constant("1+1"), result: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })) }, { noNullPrototype: true }),
  fc.record({ error: fc.constantFrom("#N/A", "#REF!", "#DIV/0!") }, { noNullPrototype: true }),
  fc.record({ text: fc.string({ maxLength: 10 }), hyperlink: fc.webUrl() }, { noNullPrototype: true }),
) as fc.Arbitrary<ExcelJS.CellValue>;

const edit = fc.record({
  sheet: fc.constantFrom(SHEETS.details, SHEETS.questionnaire, SHEETS.levels, SHEETS.meta, "Document", "_cohesion"),
  row: fc.integer({ min: 1, max: 14 }),
  column: fc.integer({ min: 1, max: 10 }),
  value: cellValue,
  action: fc.constantFrom("set", "set", "set", "merge", "deleteRow", "deleteSheet"),
}, { noNullPrototype: true });

async function mutated(bytes: Uint8Array, edits: ReadonlyArray<typeof edit extends fc.Arbitrary<infer E> ? E : never>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const change of edits) {
    const sheet = workbook.getWorksheet(change.sheet);
    if (!sheet) continue;
    try {
      if (change.action === "set") sheet.getRow(change.row).getCell(change.column).value = change.value;
      else if (change.action === "merge") sheet.mergeCells(change.row, change.column, change.row + 1, change.column);
      else if (change.action === "deleteRow") sheet.spliceRows(change.row, 1);
      else workbook.removeWorksheet(sheet.id);
    } catch {
      // The library refuses some edits (overlapping merges): a person's program would too.
    }
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("garbage in, a report out (never a throw)", () => {
  it("arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, asZip) => {
        const data = asZip ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const result = await readWorkbook({ data, documents });
        expectWellFormed(result.report);
        expect(result.report.valid).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("a path cell that is not a JSON Pointer", async () => {
    const start = await xlsxDocumentAdapter.write!({ document: practice });
    if (!start.ok) throw new Error("fixture does not write");
    const result = await readWorkbook({ data: await mutated(start.files[0]!.data as Uint8Array, [{ sheet: "Document", row: 2, column: 1, value: { richText: [{ text: " " }] }, action: "set" }]) });
    expectWellFormed(result.report);
    expect(result.report.valid).toBe(false);
  });

  it("questionnaires and document workbooks edited at random", async () => {
    const questionnaire = await writeWorkbook({ document: benchmark, documents });
    const documentBook = await xlsxDocumentAdapter.write!({ document: practice });
    if (!questionnaire.ok || !documentBook.ok) throw new Error("fixtures do not write");
    const starts = [questionnaire.files[0]!.data as Uint8Array, documentBook.files[0]!.data as Uint8Array];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1), fc.array(edit, { maxLength: 8 }), async (which, edits) => {
        const result = await readWorkbook({ data: await mutated(starts[which]!, edits), documents });
        expectWellFormed(result.report);
        if (result.report.valid) expect(result.documents.length).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("anything given to write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.option(fc.constantFrom(...documents)), async (value, extra) => {
        for (const write of [writeWorkbook, xlsxDocumentAdapter.write!]) {
          const result = await write({ document: value, documents: extra ? [extra] : [] });
          expectWellFormed(result.report);
        }
      }),
      { numRuns: 60 },
    );
  });
});
