import { walkGuideQuestions } from "@cohesion/model";
import { nearestName, nearestNames, SCHEMA_VERSION, validate, type Assessment, type Benchmark, type CohesionDocument, type ValidationProblem } from "@cohesion/schema";
import { ANSWER_COLUMNS, DETAIL_ROWS, NOT_APPLICABLE_LABEL, QUESTION_COLUMNS, SHEETS, type DetailKey, type QuestionColumn } from "./layout";
import { scaleFor } from "./questionnaire-write";
import { cellProblem } from "./read-problems";
import { cellContent, cellRef, cellText, columnLetter, isoDate, mergedRanges, sha256, type Cell, type Workbook, type Worksheet } from "./workbook-io";

type Answer = NonNullable<Assessment["answers"][string]>;
type Link = NonNullable<Answer["evidenceLinks"]>[number];

/** The metadata a questionnaire carries in its `_cohesion` sheet. */
export interface QuestionnaireMeta {
  readonly values: ReadonlyMap<string, string>;
  /** Question id → the row it was written on. */
  readonly rows: ReadonlyMap<string, number>;
}

const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The `Questionnaire` reader: every mistake becomes a problem naming its cell; the answers come out in benchmark order. */
export async function readQuestionnaire(
  workbook: Workbook,
  meta: QuestionnaireMeta,
  documents: readonly CohesionDocument[],
): Promise<{ documents: CohesionDocument[]; problems: ValidationProblem[] }> {
  const problems: ValidationProblem[] = [];
  const error = (code: string, pointer: string, cell: string, message: string, params: Record<string, string | number | boolean> = {}) =>
    problems.push(cellProblem(code, "error", pointer, cell, message, params));
  const warn = (code: string, pointer: string, cell: string, message: string, params: Record<string, string | number | boolean> = {}) =>
    problems.push(cellProblem(code, "warning", pointer, cell, message, params));
  const fail = () => ({ documents: [], problems });

  const benchmarkId = meta.values.get("benchmarkId") ?? "";
  const benchmarkVersion = meta.values.get("benchmarkVersion") ?? "";
  const benchmarks = documents.filter((document): document is Benchmark => document.kind === "benchmark" && document.id === benchmarkId);
  const benchmark = benchmarks.find((candidate) => candidate.version === benchmarkVersion);
  if (!benchmark) {
    if (benchmarks.length > 0) {
      const installed = benchmarks.map((candidate) => candidate.version).join(", ");
      error(
        "benchmark_version_mismatch",
        "/benchmark/version",
        "",
        `This workbook was made for ${benchmarkId} version ${benchmarkVersion}, but the installed content has version ${installed}. Its questions may differ, so it is not imported: export a new questionnaire (cohesion export --benchmark ${benchmarkId} --to xlsx) and copy the answers over, or install the content of version ${benchmarkVersion}.`,
        { benchmark: benchmarkId, version: benchmarkVersion, installed },
      );
    } else {
      error("benchmark_not_installed", "/benchmark/id", "", `This workbook answers the benchmark ${benchmarkId} ${benchmarkVersion}, which is not installed: install the plugin that contains it, then import again.`, {
        benchmark: benchmarkId,
        version: benchmarkVersion,
      });
    }
    return fail();
  }
  if (meta.values.get("sourceHash") !== (await sha256(JSON.stringify(benchmark)))) {
    warn(
      "benchmark_changed",
      "/benchmark",
      "",
      `The installed ${benchmarkId} ${benchmarkVersion} is not word for word the one this workbook was made from (its hash differs). The answers are matched by question id; check the questions read as you expect.`,
      { benchmark: benchmarkId, version: benchmarkVersion },
    );
  }
  const scale = scaleFor(benchmark, documents);
  if (!scale) {
    error("scale_not_installed", "/scale", "", `The scale ${benchmark.defaultScale} of ${benchmarkId} is not installed: install the plugin that contains it, then import again.`, { scale: benchmark.defaultScale });
    return fail();
  }

  const details = workbook.getWorksheet(SHEETS.details);
  const sheet = workbook.getWorksheet(SHEETS.questionnaire);
  for (const [name, found] of [[SHEETS.details, details], [SHEETS.questionnaire, sheet]] as const) {
    if (!found) error("sheet_missing", "", "", `The sheet "${name}" is missing (deleted or renamed?): restore it from a fresh export, keeping its name.`, { sheet: name });
  }
  if (!details || !sheet) return fail();

  // Where each part of the assessment came from, so schema problems can name their cell too.
  const sources = new Map<string, string>();

  const detailValues = readDetails(details, sources, error);
  const answers = readAnswers(sheet, meta, benchmark, scale.levels, sources, error, warn);

  const assessment = {
    kind: "assessment",
    schemaVersion: SCHEMA_VERSION,
    id: detailValues.id ?? "",
    title: detailValues.title ?? "",
    benchmark: { id: benchmark.id, version: benchmark.version },
    subject: { type: detailValues.subjectType ?? "", name: detailValues.subjectName ?? "", ...(detailValues.country ? { country: detailValues.country } : {}) },
    ...(scale.id !== benchmark.defaultScale ? { scale: scale.id } : {}),
    method: detailValues.method ?? "",
    assessedBy: [{ name: detailValues.assessedBy ?? "" }],
    assessedOn: detailValues.assessedOn ?? "",
    answers,
    ...(detailValues.notes ? { notes: detailValues.notes } : {}),
  } as unknown as Assessment;

  const already = new Set(problems.filter((problem) => problem.severity === "error").map((problem) => problem.pointer));
  for (const problem of validate(assessment).errors) {
    // A mistake already reported at its cell is not reported twice.
    if ([...already].some((pointer) => pointer !== "" && (problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`)))) continue;
    const cell = sourceOf(problem.pointer, sources);
    problems.push(cellProblem(problem.code, problem.severity === "info" ? "warning" : problem.severity, problem.pointer, cell, problem.message, { ...problem.params } as Record<string, string | number | boolean>));
  }
  return { documents: [assessment], problems };
}

function sourceOf(pointer: string, sources: ReadonlyMap<string, string>): string {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf("/"))) {
    const found = sources.get(current);
    if (found !== undefined) return found;
    if (current === "") return "";
  }
}

type Report = (code: string, pointer: string, cell: string, message: string, params?: Record<string, string | number | boolean>) => void;

/** A date cell, or text typed as YYYY-MM-DD (or YYYY-MM / YYYY when `partial`); other text is a mistake. */
function dateOf(cell: Cell, ref: string, pointer: string, partial: boolean, error: Report): string | undefined {
  const content = cellContent(cell);
  if (content.type === "empty") return undefined;
  if (content.type === "date") return isoDate(content.date);
  const text = cellText(cell);
  if ((partial ? PARTIAL_DATE : FULL_DATE).test(text)) return text;
  const shape = partial ? "YYYY-MM-DD (or YYYY-MM, or YYYY)" : "YYYY-MM-DD";
  if (content.type === "number") {
    error("date_as_number", pointer, ref, `${text} is a number, not a date: format the cell as a date, or type the date as ${shape}.`, { value: text });
  } else {
    error("date_as_text", pointer, ref, `"${text}" is text, not a date the workbook knows: type it as ${shape} (for example 2024-03-12), or format the cell as a date and type it again.`, { value: text });
  }
  return undefined;
}

function readDetails(sheet: Worksheet, sources: Map<string, string>, error: Report): Partial<Record<DetailKey, string>> {
  const rowsByLabel = new Map<string, number>();
  sheet.eachRow((row, number) => {
    const label = normalise(cellText(row.getCell(1)));
    if (label !== "" && !rowsByLabel.has(label)) rowsByLabel.set(label, number);
  });
  const values: Partial<Record<DetailKey, string>> = {};
  const pointers: Record<DetailKey, string> = {
    id: "/id",
    title: "/title",
    subjectName: "/subject/name",
    subjectType: "/subject/type",
    country: "/subject/country",
    assessedBy: "/assessedBy/0/name",
    method: "/method",
    assessedOn: "/assessedOn",
    notes: "/notes",
  };
  for (const entry of DETAIL_ROWS) {
    const pointer = pointers[entry.key];
    const number = rowsByLabel.get(normalise(entry.label));
    if (number === undefined) {
      if (entry.key !== "notes" && entry.key !== "country") {
        error("detail_missing", pointer, cellRef(sheet.name, "A1"), `The row "${entry.label}" is missing from column A: restore it (${entry.hint})`, { field: entry.label });
      }
      continue;
    }
    const cell = sheet.getRow(number).getCell(2);
    const ref = cellRef(sheet.name, cell.address);
    sources.set(pointer, ref);
    if (entry.key === "assessedOn") {
      const date = dateOf(cell, ref, pointer, false, error);
      if (date !== undefined) values.assessedOn = date;
      else if (cellContent(cell).type === "empty") error("detail_missing", pointer, ref, `"${entry.label}" is empty: ${entry.hint}`, { field: entry.label });
      continue;
    }
    const text = cellText(cell);
    if (text === "") {
      if (entry.key !== "notes" && entry.key !== "country") error("detail_missing", pointer, ref, `"${entry.label}" is empty: ${entry.hint}`, { field: entry.label });
      continue;
    }
    values[entry.key] = entry.key === "country" ? text.toUpperCase() : entry.key === "method" || entry.key === "subjectType" ? text.toLowerCase() : text;
  }
  return values;
}

function headerColumns(sheet: Worksheet, warn: Report): { columns: Map<QuestionColumn, number>; extra: number[] } {
  const byHeader = new Map(QUESTION_COLUMNS.map((entry) => [normalise(entry.header), entry.key]));
  const columns = new Map<QuestionColumn, number>();
  const extra: number[] = [];
  const header = sheet.getRow(1);
  for (let number = 1; number <= Math.max(sheet.columnCount, QUESTION_COLUMNS.length); number++) {
    const text = cellText(header.getCell(number));
    const key = byHeader.get(normalise(text));
    if (key !== undefined && !columns.has(key)) columns.set(key, number);
    else if (number <= sheet.columnCount) extra.push(number);
    if (key !== undefined && columns.get(key) !== number) {
      warn("duplicate_column", "", cellRef(sheet.name, `${columnLetter(number)}1`), `The column "${text}" appears twice; only the first (column ${columnLetter(columns.get(key) ?? 0)}) is read.`, { header: text });
    }
  }
  return { columns, extra };
}

function readAnswers(
  sheet: Worksheet,
  meta: QuestionnaireMeta,
  benchmark: Benchmark,
  levels: ReadonlyArray<{ id: string; label: string }>,
  sources: Map<string, string>,
  error: Report,
  warn: Report,
): Assessment["answers"] {
  const { columns, extra } = headerColumns(sheet, warn);
  const answers: Assessment["answers"] = {};
  for (const key of ["id", "level"] as const) {
    if (!columns.has(key)) {
      const header = QUESTION_COLUMNS.find((entry) => entry.key === key)?.header ?? key;
      error("column_missing", "/answers", cellRef(sheet.name, "A1"), `The column "${header}" is missing (its header in row 1 was changed or deleted): restore the header "${header}", or export a fresh questionnaire.`, { header });
    }
  }
  const idColumn = columns.get("id");
  if (idColumn === undefined || !columns.has("level")) return answers;

  const questions = [...walkGuideQuestions(benchmark)].map((visit) => visit.question.id);
  const known = new Set(questions);
  const levelChoices = [...levels.map((level) => ({ id: level.id, label: level.label })), { id: "n/a", label: NOT_APPLICABLE_LABEL }];
  const choiceList = levelChoices.map((choice) => choice.label).join(", ");

  // Merged cells hide all but their first cell's value: any that touch the answers are a mistake.
  const blocked = new Set<string>();
  const watched = new Set([idColumn, ...ANSWER_COLUMNS.map((key) => columns.get(key)).filter((n): n is number => n !== undefined)]);
  for (const merged of mergedRanges(sheet)) {
    if (merged.bottom < 2) continue;
    let touches = false;
    for (let row = Math.max(merged.top, 2); row <= merged.bottom; row++) {
      for (let col = merged.left; col <= merged.right; col++) {
        if (watched.has(col)) {
          touches = true;
          blocked.add(`${row}:${col}`);
        }
      }
    }
    if (touches) {
      error("merged_cells", "/answers", cellRef(sheet.name, merged.range), `These cells are merged, so only the first one's value can be read and each question needs its own answer: unmerge them (Home › Merge & Center › Unmerge Cells) and give each row its own value.`, { range: merged.range });
    }
  }

  const seen = new Map<string, number>();
  const lastRow = sheet.rowCount;
  for (let number = 2; number <= lastRow; number++) {
    const row = sheet.getRow(number);
    const id = cellText(row.getCell(idColumn));
    const answerCells = ANSWER_COLUMNS.map((key) => ({ key, column: columns.get(key) })).filter((entry): entry is { key: QuestionColumn; column: number } => entry.column !== undefined);
    const filled = answerCells.filter((entry) => cellContent(row.getCell(entry.column)).type !== "empty");
    for (const column of extra) {
      const cell = row.getCell(column);
      if (cellContent(cell).type === "empty") continue;
      const headerText = cellText(sheet.getRow(1).getCell(column));
      warn(
        "not_carried_over",
        id !== "" && known.has(id) ? `/answers/${id}` : "/answers",
        cellRef(sheet.name, cell.address),
        `Column ${columnLetter(column)}${headerText ? ` ("${headerText}")` : ""} is not part of the questionnaire, so "${cellText(cell).slice(0, 60)}" was not imported: move it into the Notes column if it matters.`,
        { column: columnLetter(column), ...(headerText ? { header: headerText } : {}) },
      );
    }
    if (id === "") {
      if (filled.length > 0) {
        const first = row.getCell(filled[0]?.column ?? 1);
        warn("not_carried_over", "/answers", cellRef(sheet.name, first.address), `Row ${number} has answers but no question id in column ${columnLetter(idColumn)}, so they were not imported: put the row's question id back (see the "${SHEETS.meta}" sheet or a fresh export), or move the answers to the question's own row.`, { row: number });
      }
      continue;
    }
    if (!known.has(id)) {
      const suggestion = nearestName(id, questions);
      error("unknown_question", "/answers", cellRef(sheet.name, row.getCell(idColumn).address), `"${id}" is not a question of ${benchmark.id} ${benchmark.version}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: restore the question id as exported.`, { question: id });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      error("duplicate_question", `/answers/${id}`, cellRef(sheet.name, row.getCell(idColumn).address), `The question "${id}" is answered again here (first on row ${earlier}): keep one row per question and delete or merge the other answer.`, { question: id, firstRow: earlier });
      continue;
    }
    seen.set(id, number);
    const pointer = `/answers/${id}`;
    sources.set(pointer, cellRef(sheet.name, row.getCell(idColumn).address));
    const answer: Answer = {};
    const cellOf = (key: QuestionColumn): { cell: Cell; ref: string } | undefined => {
      const column = columns.get(key);
      if (column === undefined || blocked.has(`${number}:${column}`)) return undefined;
      const cell = row.getCell(column);
      return { cell, ref: cellRef(sheet.name, cell.address) };
    };
    const level = cellOf("level");
    if (level && cellText(level.cell) !== "") {
      sources.set(`${pointer}/level`, level.ref);
      const typed = cellText(level.cell);
      const exact = levelChoices.find((choice) => choice.label === typed || choice.id === typed);
      const loose = exact ?? levelChoices.find((choice) => normalise(choice.label) === normalise(typed) || normalise(choice.id) === normalise(typed));
      if (loose) {
        answer.level = loose.id;
        if (!exact) warn("level_read_as", `${pointer}/level`, level.ref, `"${typed}" is not written as in the list; it was read as "${loose.label}". Choose it from the drop-down list to be sure.`, { typed, level: loose.id });
      } else {
        const suggestion = nearestNames(typed, levelChoices.map((choice) => choice.label), { substrings: true, max: 1 })[0];
        error("unknown_level", `${pointer}/level`, level.ref, `"${typed}" is not a level of the ${benchmark.defaultScale} scale${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: choose one from the drop-down list: ${choiceList}.`, {
          typed,
          levels: choiceList,
        });
      }
    }
    const links = readLinks(cellOf("evidenceTitle"), cellOf("evidenceUrl"), cellOf("evidenceDate"), pointer, sources, error);
    if (links.length > 0) answer.evidenceLinks = links;
    const notes = cellOf("notes");
    if (notes) {
      const content = cellContent(notes.cell);
      // Notes keep their line breaks and inner spacing: only the ends are trimmed.
      const text = content.type === "text" ? content.text.trim() : cellText(notes.cell);
      if (text !== "") {
        answer.notes = text;
        sources.set(`${pointer}/notes`, notes.ref);
      }
    }
    answers[id] = answer;
  }

  // Answers in benchmark order; a question whose row is gone stays unanswered, and the person is told.
  const ordered: Assessment["answers"] = {};
  for (const id of questions) {
    const answer = answers[id];
    if (answer !== undefined) {
      ordered[id] = answer;
      continue;
    }
    ordered[id] = {};
    const row = meta.rows.get(id);
    warn(
      "question_row_missing",
      `/answers/${id}`,
      cellRef(sheet.name, `${columnLetter(idColumn)}${row ?? 1}`),
      `No row holds the question "${id}"${row === undefined ? "" : ` (it was on row ${row})`}, so it is imported as unanswered: if the row was deleted by mistake, copy it back from a fresh export and answer it.`,
      { question: id, ...(row === undefined ? {} : { row }) },
    );
  }
  return ordered;
}

function lines(cell: { cell: Cell } | undefined): string[] {
  if (!cell) return [];
  return cellText(cell.cell)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function readLinks(
  titleCell: { cell: Cell; ref: string } | undefined,
  urlCell: { cell: Cell; ref: string } | undefined,
  dateCell: { cell: Cell; ref: string } | undefined,
  pointer: string,
  sources: Map<string, string>,
  error: Report,
): Link[] {
  const titles = lines(titleCell);
  const urls = lines(urlCell);
  let dates: string[] = [];
  if (dateCell && cellContent(dateCell.cell).type !== "empty") {
    if (cellContent(dateCell.cell).type === "text" && cellText(dateCell.cell).includes("\n")) {
      dates = lines(dateCell);
      const bad = dates.find((date) => !PARTIAL_DATE.test(date));
      if (bad !== undefined) {
        error("date_as_text", `${pointer}/evidenceLinks`, dateCell.ref, `"${bad}" is not a date: type each date as YYYY-MM-DD (or YYYY-MM, or YYYY), one per line.`, { value: bad });
        dates = [];
      }
    } else {
      const date = dateOf(dateCell.cell, dateCell.ref, `${pointer}/evidenceLinks/0/date`, true, error);
      if (date !== undefined) dates = [date];
    }
  }
  if (titles.length === 0 && urls.length === 0) {
    if (dates.length > 0 && dateCell) error("evidence_incomplete", `${pointer}/evidenceLinks`, dateCell.ref, "An evidence date is given without a document: add its title and web address, or clear the date.");
    return [];
  }
  if (titles.length !== urls.length) {
    const ref = (titles.length < urls.length ? titleCell : urlCell)?.ref ?? "";
    error(
      "evidence_incomplete",
      `${pointer}/evidenceLinks`,
      ref,
      `${titles.length} evidence title(s) but ${urls.length} web address(es): every document needs both, one per line in the same order. If there is no web address, put the document's name in Notes instead.`,
      { titles: titles.length, urls: urls.length },
    );
    return [];
  }
  if (dates.length > titles.length) {
    error("evidence_incomplete", `${pointer}/evidenceLinks`, dateCell?.ref ?? "", `${dates.length} evidence dates but ${titles.length} document(s): give at most one date per document, one per line in the same order.`);
    return [];
  }
  return titles.map((title, index) => {
    const linkPointer = `${pointer}/evidenceLinks/${index}`;
    if (titleCell) sources.set(`${linkPointer}/title`, titleCell.ref);
    if (urlCell) sources.set(`${linkPointer}/url`, urlCell.ref);
    if (dateCell) sources.set(`${linkPointer}/date`, dateCell.ref);
    const date = dates[index];
    return { title, url: urls[index] ?? "", ...(date === undefined ? {} : { date }) };
  });
}
