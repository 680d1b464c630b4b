import { validate, type Assessment, type CohesionDocument } from "@cohesion/schema";
import { BUILTIN_SCALES } from "@cohesion/model";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "@cohesion/test-support";
import { Person } from "../test/person";
import { readWorkbook, writeWorkbook } from "./adapter";
import { NOT_APPLICABLE_LABEL, SHEETS } from "./layout";

const { benchmark: fixtureBenchmark, benchmarkV2: fixtureBenchmarkV2 } = fixtures;
const benchmark = fixtureBenchmark as unknown as CohesionDocument;
const documents = [benchmark, ...(BUILTIN_SCALES as unknown as CohesionDocument[])];
let exported: Uint8Array;

beforeAll(async () => {
  const written = await writeWorkbook({ document: benchmark, documents });
  if (!written.ok) throw new Error(JSON.stringify(written.report));
  exported = written.files[0]!.data as Uint8Array;
});

async function imported(person: Person, docs: readonly CohesionDocument[] = documents) {
  return readWorkbook({ data: await person.save(), fileName: "filled.xlsx", documents: docs });
}
const codes = (result: { report: { errors: ReadonlyArray<{ code: string }> } }) => result.report.errors.map((problem) => problem.code);

describe("the questionnaire workbook", () => {
  it("has the guide, details, questionnaire, levels and a hidden, protected metadata sheet", async () => {
    const person = await Person.open(exported);
    expect(person.workbook.worksheets.map((sheet) => sheet.name)).toEqual([SHEETS.guide, SHEETS.details, SHEETS.questionnaire, SHEETS.levels, SHEETS.meta]);
    const meta = person.sheet(SHEETS.meta);
    expect(meta.state).toBe("hidden");
    expect((meta as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const values = new Map<string, unknown>();
    meta.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get("benchmarkId")).toBe("test.participation");
    expect(values.get("benchmarkVersion")).toBe("1.0.0");
    expect(String(values.get("sourceHash"))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("has one row per guide question, sub-questions nested under their question, each with a level drop-down", async () => {
    const person = await Person.open(exported);
    const sheet = person.sheet(SHEETS.questionnaire);
    const ids: string[] = [];
    for (let row = 2; row <= sheet.rowCount; row++) {
      const id = sheet.getRow(row).getCell(1).value;
      if (typeof id === "string") ids.push(id);
    }
    expect(ids).toEqual(["q-who", "q-who-groups", "q-who-reach", "q-budget", "q-evaluate"]);
    const parent = sheet.getRow(person.rowOf("q-who"));
    const child = sheet.getRow(person.rowOf("q-who-groups"));
    expect(child.outlineLevel).toBeGreaterThan(parent.outlineLevel ?? 0);
    expect(child.getCell(person.column("question")).alignment?.indent).toBeGreaterThan(parent.getCell(person.column("question")).alignment?.indent ?? 0);
    const validation = child.getCell(person.column("level")).dataValidation;
    expect(validation).toMatchObject({ type: "list" });
    const levels = person.sheet(SHEETS.levels);
    const labels = levels.getColumn(2).values.filter((value): value is string => typeof value === "string").slice(1);
    expect(labels).toEqual([...BUILTIN_SCALES.find((scale) => scale.id === "cohesion.maturity")!.levels.map((level) => level.label), NOT_APPLICABLE_LABEL]);
    expect(validation?.formulae?.[0]).toBe(`'${SHEETS.levels}'!$B$2:$B$${labels.length + 1}`);
  });
});

describe("importing a filled questionnaire", () => {
  it("gives a valid assessment with the answers, evidence and notes as filled in", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    const maturity = BUILTIN_SCALES.find((scale) => scale.id === "cohesion.maturity")!;
    const [first, second] = maturity.levels;
    person.answer("q-who", { level: first!.label, notes: "Residents' panels  twice a year.\nSee minutes." });
    person.answer("q-who-groups", { level: second!.label, evidenceTitle: "Council decision 12\nAnnual report", evidenceUrl: "https://example.org/decision\nhttps://example.org/report", evidenceDate: "2023-05" });
    person.answer("q-budget", { level: NOT_APPLICABLE_LABEL });
    const result = await imported(person);
    expect(result.report).toEqual({ valid: true, errors: [] });
    const assessment = result.documents[0] as Assessment;
    expect(validate(assessment)).toEqual({ valid: true, errors: [] });
    expect(assessment).toMatchObject({ benchmark: { id: "test.participation", version: "1.0.0" }, subject: { type: "place", name: "Malmö", country: "SE" }, assessedOn: "2024-03-12", method: "self" });
    expect(assessment.answers).toEqual({
      "q-who": { level: first!.id, notes: "Residents' panels  twice a year.\nSee minutes." },
      "q-who-groups": {
        level: second!.id,
        evidenceLinks: [
          { title: "Council decision 12", url: "https://example.org/decision", date: "2023-05" },
          { title: "Annual report", url: "https://example.org/report" },
        ],
      },
      "q-who-reach": {},
      "q-budget": { level: "n/a" },
      "q-evaluate": {},
    });
  });

  it("a level typed differently from the list: read when only case or spaces differ (with a warning), refused otherwise with the cell and the list", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    person.answer("q-who", { level: "  PARTIAL " });
    person.answer("q-budget", { level: "Partly" });
    const result = await imported(person);
    const row = (id: string) => person.rowOf(id);
    expect(result.report.errors).toEqual([
      expect.objectContaining({ code: "level_read_as", severity: "warning", pointer: "/answers/q-who/level", params: expect.objectContaining({ cell: `Questionnaire!D${row("q-who")}`, level: "partial" }) }),
      expect.objectContaining({ code: "unknown_level", severity: "error", pointer: "/answers/q-budget/level", params: expect.objectContaining({ cell: `Questionnaire!D${row("q-budget")}`, typed: "Partly" }) }),
    ]);
    expect(result.report.errors[1]?.message).toContain('did you mean "Partly in place"?');
    expect(result.report.errors[1]?.message).toContain(NOT_APPLICABLE_LABEL);
    expect(result.report.valid).toBe(false);
  });

  it("a deleted row leaves its question unanswered with a warning naming the row; a moved row is still read by its id", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    person.answer("q-evaluate", { level: "Fully in place" });
    const sheet = person.sheet(SHEETS.questionnaire);
    const budgetRow = person.rowOf("q-budget");
    sheet.spliceRows(budgetRow, 1);
    // Move q-evaluate's row to the end, as cut and paste does.
    const from = person.rowOf("q-evaluate");
    const values = sheet.getRow(from).values;
    sheet.spliceRows(from, 1);
    sheet.addRow(values);
    const result = await imported(person);
    expect(result.report.errors).toEqual([
      expect.objectContaining({ code: "question_row_missing", severity: "warning", pointer: "/answers/q-budget", params: expect.objectContaining({ row: budgetRow, cell: `Questionnaire!A${budgetRow}` }) }),
    ]);
    expect((result.documents[0] as Assessment).answers["q-evaluate"]).toEqual({ level: "full" });
    expect((result.documents[0] as Assessment).answers["q-budget"]).toEqual({});
  });

  it("merged answer cells are refused with their range", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    const top = person.rowOf("q-who-groups");
    person.answer("q-who-groups", { level: "Fully in place" });
    person.sheet(SHEETS.questionnaire).mergeCells(`D${top}:D${top + 1}`);
    const result = await imported(person);
    expect(codes(result)).toEqual(["merged_cells"]);
    expect(result.report.errors[0]?.params).toMatchObject({ cell: `Questionnaire!D${top}:D${top + 1}` });
    expect(result.report.errors[0]?.message).toContain("unmerge");
  });

  it("a date typed as text is refused with the cell and the form to use; a real date cell and YYYY-MM-DD text are read", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    person.detail("assessedOn", "12/03/2024");
    person.answer("q-who", { evidenceTitle: "Plan", evidenceUrl: "https://example.org/plan", evidenceDate: "March 2023" });
    const result = await imported(person);
    expect(result.report.errors.map((problem) => [problem.code, problem.params["cell"]])).toEqual([
      ["date_as_text", "Details!B9"],
      ["date_as_text", `Questionnaire!G${person.rowOf("q-who")}`],
    ]);
    expect(result.report.errors[0]?.message).toContain("YYYY-MM-DD");
    person.detail("assessedOn", "2024-03-12");
    // The column is formatted as text (so 2023-05 stays a month); a person who wants a date cell formats it first.
    person.answer("q-who", { evidenceDate: new Date(Date.UTC(2023, 2, 1)) });
    person.sheet(SHEETS.questionnaire).getCell(`G${person.rowOf("q-who")}`).numFmt = "yyyy-mm-dd";
    const fixed = await imported(person);
    expect(fixed.report.valid).toBe(true);
    expect((fixed.documents[0] as Assessment).answers["q-who"]?.evidenceLinks?.[0]?.date).toBe("2023-03-01");
  });

  it("an extra column is not imported, and each of its cells is named in a not_carried_over warning", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    const sheet = person.sheet(SHEETS.questionnaire);
    sheet.getCell("I1").value = "Comments";
    sheet.getCell(`I${person.rowOf("q-budget")}`).value = "Ask finance";
    const result = await imported(person);
    expect(result.report.valid).toBe(true);
    expect(result.report.errors).toEqual([
      expect.objectContaining({ code: "not_carried_over", severity: "warning", pointer: "/answers/q-budget", params: { cell: `Questionnaire!I${person.rowOf("q-budget")}`, column: "I", header: "Comments" } }),
    ]);
    expect(result.report.errors[0]?.message).toContain("Ask finance");
  });

  it("a workbook made for another benchmark version is refused, naming both versions", async () => {
    const person = await Person.open(exported);
    person.fillDetails();
    const result = await imported(person, [fixtureBenchmarkV2 as unknown as CohesionDocument, ...(BUILTIN_SCALES as unknown as CohesionDocument[])]);
    expect(codes(result)).toEqual(["benchmark_version_mismatch"]);
    expect(result.report.errors[0]?.message).toContain("1.0.0");
    expect(result.report.errors[0]?.message).toContain(String((fixtureBenchmarkV2 as { version: string }).version));
    expect(result.documents).toEqual([]);
  });

  it("empty details and schema problems are reported at their cells", async () => {
    const person = await Person.open(exported);
    person.detail("country", "Sweden");
    person.detail("assessedBy", "Malmö");
    person.detail("assessedOn", new Date(Date.UTC(2024, 0, 2)));
    const result = await imported(person);
    expect(result.report.errors.map((problem) => [problem.code, problem.params["cell"]])).toEqual([
      ["detail_missing", "Details!B4"],
      ["pattern_mismatch", "Details!B6"],
    ]);
  });

  it("refuses what is not a Cohesion workbook", async () => {
    expect(codes(await readWorkbook({ data: new Uint8Array([80, 75, 3, 4, 1, 2]) }))).toEqual(["not_a_workbook"]);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "hello";
    const bytes = new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer);
    expect(codes(await readWorkbook({ data: bytes }))).toEqual(["not_a_cohesion_workbook"]);
  });
});
