import { BUILTIN_SCALES, walkGuideQuestions } from "@cohesion/model";
import type { Benchmark, CohesionDocument, Scale } from "@cohesion/schema";
import { DETAIL_ROWS, LAYOUT_VERSION, NOT_APPLICABLE_LABEL, QUESTION_COLUMNS, QUESTIONNAIRE_FORMAT, SHEETS, type DetailKey, type QuestionColumn } from "./layout";
import { newWorkbook, sha256, workbookBytes, type Worksheet } from "./workbook-io";

/**
 * Finds the scale a benchmark's answers use: among the given documents, then the built-in scales.
 *
 * @example
 * ```ts
 * scaleFor(benchmark, host.documents())?.levels.map((level) => level.id);
 * ```
 */
export function scaleFor(benchmark: Benchmark, documents: readonly CohesionDocument[] = []): Scale | undefined {
  const scales = [...documents.filter((document): document is Scale => document.kind === "scale"), ...(BUILTIN_SCALES as readonly Scale[])];
  return scales.find((scale) => scale.id === benchmark.defaultScale);
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F0" } } as const;
const SECTION_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } } as const;
const ANSWER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFBE6" } } as const;

function column(key: QuestionColumn): number {
  return QUESTION_COLUMNS.findIndex((entry) => entry.key === key) + 1;
}

function writeGuide(sheet: Worksheet, benchmark: Benchmark, scale: Scale): void {
  sheet.getColumn(1).width = 110;
  const lines = [
    `Self-assessment questionnaire: ${benchmark.title} (${benchmark.id}, version ${benchmark.version})`,
    "",
    `1. On the "${SHEETS.details}" sheet, fill in the yellow cells: who is assessed, by whom, and the date.`,
    `2. On the "${SHEETS.questionnaire}" sheet, answer each question in its yellow cells. Sub-questions are indented under the question they detail.`,
    `3. Level: choose from the drop-down list (the "${SHEETS.levels}" sheet explains each level of the ${scale.title} scale). Choose "${NOT_APPLICABLE_LABEL}" when a question does not apply. Leave it empty when you have not answered yet.`,
    "4. Evidence: the title of a document or web page that supports the answer, its web address, and its date if known (YYYY-MM-DD, YYYY-MM or YYYY). For several documents, put one per line in each of the three cells (Alt+Enter starts a new line).",
    "5. Notes: anything else about the answer.",
    "",
    "Please do not:",
    `- change the "${QUESTION_COLUMNS[0].header}" column, delete rows or merge cells: each row is matched to its question by its id;`,
    "- add columns: text in a column that is not part of the template cannot be imported (it is listed back to you when importing);",
    `- use this workbook for another version of the benchmark: export a new one instead.`,
    "",
    "When you are done, import the workbook: cohesion import <this file> --out assessment.json",
    "Every problem found is reported with its sheet and cell, and what to do about it.",
  ];
  lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) cell.font = { bold: true, size: 14 };
  });
}

function writeDetails(sheet: Worksheet, benchmark: Benchmark): void {
  sheet.columns = [
    { header: "Field", width: 28 },
    { header: "Value", width: 44 },
    { header: "What to write", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  const name = benchmark.id.split(".").slice(1).join("-");
  const prefilled: Partial<Record<DetailKey, string>> = {
    id: `local.${name}-assessment`,
    title: `${benchmark.title}: self-assessment`,
    subjectType: "place",
    method: "self",
  };
  DETAIL_ROWS.forEach((row, index) => {
    const line = sheet.getRow(index + 2);
    line.getCell(1).value = row.label;
    line.getCell(3).value = row.hint;
    const value = line.getCell(2);
    value.value = prefilled[row.key] ?? null;
    value.fill = ANSWER_FILL;
    value.protection = { locked: false };
    if (row.key === "assessedOn") value.numFmt = "yyyy-mm-dd";
    if (row.key === "method") value.dataValidation = { type: "list", allowBlank: false, formulae: ['"self,peer,mentor,external"'], showErrorMessage: true, error: "Choose self, peer, mentor or external." };
    if (row.key === "subjectType") value.dataValidation = { type: "list", allowBlank: false, formulae: ['"place,scheme"'], showErrorMessage: true, error: "Choose place or scheme." };
  });
}

function writeLevels(sheet: Worksheet, scale: Scale): number {
  sheet.columns = [
    { header: "Level id", width: 16 },
    { header: "Choose in the questionnaire", width: 30 },
    { header: "Value", width: 10 },
    { header: "What it means", width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  const rows = [...scale.levels.map((level) => [level.id, level.label, level.value, level.description ?? ""]), ["n/a", NOT_APPLICABLE_LABEL, null, "The question does not apply to this city."]];
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    values.forEach((value, offset) => {
      row.getCell(offset + 1).value = value as string | number | null;
    });
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
  });
  return rows.length + 1;
}

function writeQuestionnaire(sheet: Worksheet, benchmark: Benchmark, lastLevelRow: number): Array<{ id: string; row: number }> {
  sheet.columns = QUESTION_COLUMNS.map((entry) => ({ header: entry.header, width: entry.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  const rows: Array<{ id: string; row: number }> = [];
  let current = 2;
  let lastSection = "";
  let lastKeyFactor = "";
  for (const { question, keyFactor, section, depth } of walkGuideQuestions(benchmark)) {
    if (section.id !== lastSection) {
      lastSection = section.id;
      const row = sheet.getRow(current++);
      row.getCell(column("question")).value = `Section: ${section.title}`;
      row.font = { bold: true, size: 12 };
      for (let index = 1; index <= QUESTION_COLUMNS.length; index++) row.getCell(index).fill = SECTION_FILL;
    }
    if (keyFactor.id !== lastKeyFactor) {
      lastKeyFactor = keyFactor.id;
      const row = sheet.getRow(current++);
      row.getCell(column("keyFactor")).value = keyFactor.title;
      row.getCell(column("question")).value = `Key factor: ${keyFactor.title}`;
      row.font = { bold: true };
    }
    const row = sheet.getRow(current);
    row.outlineLevel = Math.min(depth + 1, 7);
    row.getCell(column("id")).value = question.id;
    row.getCell(column("keyFactor")).value = keyFactor.title;
    const text = row.getCell(column("question"));
    text.value = question.text;
    text.alignment = { wrapText: true, vertical: "top", indent: depth * 2 };
    for (const key of ["level", "evidenceTitle", "evidenceUrl", "evidenceDate", "notes"] as const) {
      const cell = row.getCell(column(key));
      cell.fill = ANSWER_FILL;
      cell.alignment = { wrapText: true, vertical: "top" };
    }
    row.getCell(column("evidenceDate")).numFmt = "@";
    row.getCell(column("level")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`'${SHEETS.levels}'!$B$2:$B$${lastLevelRow}`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Not a level of the scale",
      error: `Choose a level from the list (the "${SHEETS.levels}" sheet explains them).`,
    };
    rows.push({ id: question.id, row: current });
    current++;
  }
  return rows;
}

async function writeMeta(sheet: Worksheet, benchmark: Benchmark, scale: Scale, rows: Array<{ id: string; row: number }>): Promise<void> {
  sheet.columns = [{ width: 24 }, { width: 70 }, { width: 10 }];
  const entries: Array<[string, string, number?]> = [
    ["format", QUESTIONNAIRE_FORMAT],
    ["layoutVersion", LAYOUT_VERSION],
    ["benchmarkId", benchmark.id],
    ["benchmarkVersion", benchmark.version],
    ["benchmarkSchemaVersion", benchmark.schemaVersion],
    ["scale", scale.id],
    ["sourceHash", await sha256(JSON.stringify(benchmark))],
    ...rows.map((entry): [string, string, number] => ["question", entry.id, entry.row]),
  ];
  entries.forEach(([key, value, row], index) => {
    const line = sheet.getRow(index + 1);
    line.getCell(1).value = key;
    line.getCell(2).value = value;
    if (row !== undefined) line.getCell(3).value = row;
  });
  sheet.state = "hidden";
  // Protection keeps the ids from being edited by accident; it is not a security measure.
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}

/**
 * Writes the officer's questionnaire workbook for a benchmark: a sheet explaining how to fill it in, a
 * details sheet, one row per guide question (sub-questions indented and grouped) with a level drop-down and
 * cells for evidence and notes, the scale's levels, and a hidden, protected `_cohesion` sheet with the
 * benchmark id and version, the scale, a SHA-256 of the benchmark and each question's row.
 *
 * @example
 * ```ts
 * const bytes = await questionnaireWorkbook(benchmark, scale);
 * await writeFile("questionnaire.xlsx", bytes);
 * ```
 */
export async function questionnaireWorkbook(benchmark: Benchmark, scale: Scale): Promise<Uint8Array> {
  const workbook = newWorkbook();
  writeGuide(workbook.addWorksheet(SHEETS.guide), benchmark, scale);
  writeDetails(workbook.addWorksheet(SHEETS.details), benchmark);
  const questionnaire = workbook.addWorksheet(SHEETS.questionnaire, { properties: { outlineLevelRow: 1 } });
  const lastLevelRow = writeLevels(workbook.addWorksheet(SHEETS.levels), scale);
  const rows = writeQuestionnaire(questionnaire, benchmark, lastLevelRow);
  await writeMeta(workbook.addWorksheet(SHEETS.meta), benchmark, scale, rows);
  workbook.views = [{ activeTab: 1, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" }];
  return workbookBytes(workbook);
}

