import { adapterProblem, parseCsv, type ReadInput, type ReadResult } from "@cohesion/adapter-kit";
import { cellRef, cellText, openWorkbook } from "@cohesion/adapter-xlsx";
import { BUILTIN_SCALES, walkGuideQuestions } from "@cohesion/model";
import { SCHEMA_VERSION, toReport, validate, type Assessment, type Benchmark, type CohesionDocument, type Scale, type ValidationProblem, describeThrown } from "@cohesion/schema";
import { BENCHMARK_FIELD, DETAIL_FIELDS, formName, NOT_APPLICABLE_CHOICE } from "./form-model";

/** One submission as read from an export: its values by column, and how to name where a value is. */
interface Submission {
  readonly values: ReadonlyMap<string, string>;
  readonly where: (column: string) => string;
}

// Columns the survey tools add to every export: read for the submission's key, otherwise not carried over (info).
const TOOL_COLUMNS = new Set([
  "SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
  "instanceID", "instanceName", "deprecatedID", "uuid", "start", "end", "today", "deviceid", "username", "audit",
  "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index", "_attachments", "_geolocation", "_xform_id_string", "_version_", "_parent_index", "_parent_table_name", "_submission__id", "_submission__uuid", "_submission__submission_time", "_submission__validation_status", "_submission__notes", "_submission__status", "_submission__submitted_by", "_submission___version__", "_submission__tags",
]);

/** The field name a column holds: group paths are joined with "-" (ODK) or "/" (Kobo), with or without the groups. */
function fieldOf(column: string): string {
  const parts = column.split(/[/-]/);
  return parts[parts.length - 1] ?? column;
}

function csvSubmissions(text: string, fileName: string): { submissions: Submission[]; problems: ValidationProblem[] } {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  // Kobo's CSV exports separate with ";" by default; ODK Central's with ",".
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parsed = parseCsv(delimiter === ";" ? swapDelimiter(text) : text);
  if (!parsed.ok) return { submissions: [], problems: [adapterProblem("not_csv", "error", "", `${fileName} line ${parsed.line}: ${parsed.message}.`, { line: parsed.line })] };
  const [header = [], ...rows] = parsed.rows;
  const problems: ValidationProblem[] = [];
  if (header.includes("PARENT_KEY") || header.includes("_parent_index")) {
    problems.push(adapterProblem("repeat_file", "error", "", `${fileName} is the export of a repeat group (it has a PARENT_KEY or _parent_index column); Cohesion forms have no repeats: import the main export file instead.`));
    return { submissions: [], problems };
  }
  return {
    problems,
    submissions: rows
      .filter((row) => row.some((value) => value !== ""))
      .map((row, index) => ({
        values: new Map(header.map((column, at) => [column, row[at] ?? ""])),
        where: (column: string) => `${fileName} row ${index + 2}, column "${column}"`,
      })),
  };
}

// Swaps ";" and "," outside quotes so the one CSV reader reads both.
function swapDelimiter(text: string): string {
  let quoted = false;
  let out = "";
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    out += quoted ? char : char === ";" ? "," : char === "," ? ";" : char;
  }
  return out;
}

// UTF-8 text, or undefined when some bytes are not UTF-8: decoding them to U+FFFD would change names and
// notes without a word (a CSV saved by a spreadsheet program in a Windows code page, most often).
function decodeStrictly(data: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}

function notUtf8(data: Uint8Array, fileName: string): ValidationProblem {
  const line = firstLineNotUtf8(data);
  return adapterProblem("invalid_utf8", "error", "", `${fileName} line ${line} holds bytes that are not UTF-8 (a spreadsheet program may have saved it in another encoding): save it as "CSV UTF-8" (or export it again) and import it again.`, { line });
}

// The line (from 1; "\r\n", "\n" or a lone "\r" ends one) that holds the first byte that is not UTF-8. Line
// ends are single bytes that never occur inside a multi-byte character, so a line fails to decode exactly
// when a bad byte is in it; a character U+FFFD written in the file itself is well-formed and passes.
function firstLineNotUtf8(data: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  for (let start = 0; start < data.length; line++) {
    let end = start;
    while (end < data.length && data[end] !== 0x0a && data[end] !== 0x0d) end++;
    try {
      strict.decode(data.subarray(start, end));
    } catch {
      return line;
    }
    start = end + (data[end] === 0x0d && data[end + 1] === 0x0a ? 2 : 1);
  }
  return line - 1;
}

function jsonSubmissions(text: string, fileName: string): { submissions: Submission[]; problems: ValidationProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { submissions: [], problems: [adapterProblem("not_json", "error", "", `${fileName} is not JSON (${describeThrown(error)}): export the submissions again as JSON.`)] };
  }
  const results = Array.isArray(value) ? value : typeof value === "object" && value !== null && Array.isArray((value as { results?: unknown }).results) ? ((value as { results: unknown[] }).results) : undefined;
  const prefix = Array.isArray(value) ? "" : "/results";
  if (!results) return { submissions: [], problems: [adapterProblem("not_submissions", "error", "", `${fileName} holds neither a list of submissions nor an object with "results": export it from KoboToolbox as JSON.`)] };
  const submissions: Submission[] = [];
  const problems: ValidationProblem[] = [];
  results.forEach((record, index) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      problems.push(adapterProblem("not_a_submission", "error", `${prefix}/${index}`, `${fileName} ${prefix}/${index} is not a submission object: it is skipped.`));
      return;
    }
    const values = new Map<string, string>();
    for (const [key, field] of Object.entries(record as Record<string, unknown>)) {
      values.set(key, field === null || field === undefined ? "" : typeof field === "string" ? field : typeof field === "number" || typeof field === "boolean" ? String(field) : JSON.stringify(field));
    }
    submissions.push({ values, where: (column) => `${fileName} ${prefix}/${index}/${column.replace(/~/g, "~0").replace(/\//g, "~1")}` });
  });
  return { submissions, problems };
}

async function xlsxSubmissions(data: Uint8Array, fileName: string): Promise<{ submissions: Submission[]; problems: ValidationProblem[] }> {
  const opened = await openWorkbook(data);
  if (!opened.ok) return { submissions: [], problems: [adapterProblem("not_a_workbook", "error", "", `${fileName} is not a workbook that can be opened (${opened.reason}).`)] };
  const sheet = opened.workbook.worksheets[0];
  if (!sheet) return { submissions: [], problems: [adapterProblem("not_submissions", "error", "", `${fileName} has no sheet.`)] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell);
  });
  const submissions: Submission[] = [];
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const values = new Map(header.map((column, index) => [column, cellText(row.getCell(index + 1))]));
    if ([...values.values()].every((value) => value === "")) continue;
    submissions.push({ values, where: (column) => cellRef(sheet.name, row.getCell(header.indexOf(column) + 1).address) });
  }
  const repeats = opened.workbook.worksheets.slice(1).map((other) => other.name);
  const problems = repeats.length > 0 ? [adapterProblem("not_carried_over", "info", "", `${fileName}: the sheets ${repeats.join(", ")} (repeat groups) are not read; Cohesion forms have no repeats.`)] : [];
  return { submissions, problems };
}

function benchmarkOf(submissions: readonly Submission[], documents: readonly CohesionDocument[]): { benchmark?: Benchmark; problem?: ValidationProblem } {
  const column = submissions[0] ? [...submissions[0].values.keys()].find((key) => fieldOf(key) === BENCHMARK_FIELD) : undefined;
  const declared = column ? submissions.find((submission) => (submission.values.get(column) ?? "") !== "")?.values.get(column) : undefined;
  if (!declared) return { problem: adapterProblem("benchmark_unknown", "error", "", `The export has no ${BENCHMARK_FIELD} column, so the benchmark answered is unknown: export the submissions of a form made with cohesion export --to xlsform.`) };
  const at = declared.lastIndexOf("@");
  const id = declared.slice(0, at);
  const version = declared.slice(at + 1);
  const benchmarks = documents.filter((document): document is Benchmark => document.kind === "benchmark" && document.id === id);
  const benchmark = benchmarks.find((candidate) => candidate.version === version);
  if (benchmark) return { benchmark };
  return {
    problem: adapterProblem(
      benchmarks.length > 0 ? "benchmark_version_mismatch" : "benchmark_not_installed",
      "error",
      "",
      benchmarks.length > 0
        ? `The submissions answer ${id} version ${version}, but the installed content has version ${benchmarks.map((candidate) => candidate.version).join(", ")}: install the content of version ${version} to import them.`
        : `The submissions answer ${id} ${version}, which is not installed: install the plugin that contains it.`,
      { benchmark: id, version },
    ),
  };
}

/**
 * Reads survey submissions exported from ODK Central (CSV: group paths joined with "-", KEY) or
 * KoboToolbox (JSON, CSV with ";" or ",", XLSX: "/" paths, with or without group names), one assessment per
 * submission. Values are choice names (or, from exports with labels, level labels). Everything not
 * carried over is reported: tool metadata columns as `info`, other columns as warnings, values that are not
 * levels as errors. Never throws.
 *
 * @example
 * ```ts
 * const { documents, report } = await readSubmissions({ data, fileName: "city_for_all.csv", documents: host.documents() });
 * ```
 */
export async function readSubmissions(input: ReadInput): Promise<ReadResult> {
  const fileName = input.fileName ?? "the export";
  try {
    const data = input.data;
    const isZip = data[0] === 0x50 && data[1] === 0x4b;
    const text = isZip ? "" : decodeStrictly(data);
    if (text === undefined) return { documents: [], report: toReport([notUtf8(data, fileName)]) };
    const trimmed = text.replace(/^\uFEFF/, "").trimStart();
    const json = trimmed.startsWith("[") || trimmed.startsWith("{") || /\.json$/i.test(fileName);
    const read = isZip ? await xlsxSubmissions(data, fileName) : json ? jsonSubmissions(trimmed, fileName) : csvSubmissions(text, fileName);
    const problems = [...read.problems];
    if (read.submissions.length === 0) {
      if (!problems.some((problem) => problem.severity === "error")) problems.push(adapterProblem("no_submissions", "error", "", `${fileName} holds no submissions.`));
      return { documents: [], report: toReport(problems) };
    }
    const found = benchmarkOf(read.submissions, input.documents ?? []);
    if (!found.benchmark) return { documents: [], report: toReport([...problems, found.problem!]) };
    const documents = read.submissions.map((submission, index) => toAssessment(submission, index, found.benchmark!, input.documents ?? [], problems));
    return { documents, report: toReport(problems) };
  } catch (error) {
    return { documents: [], report: toReport([adapterProblem("unreadable_export", "error", "", `${fileName} could not be read (${describeThrown(error)}).`)]) };
  }
}

function toAssessment(submission: Submission, index: number, benchmark: Benchmark, documents: readonly CohesionDocument[], problems: ValidationProblem[]): CohesionDocument {
  const scale = [...documents, ...(BUILTIN_SCALES as unknown as CohesionDocument[])].find((document): document is Scale => document.kind === "scale" && document.id === benchmark.defaultScale);
  const levels = new Map<string, string>();
  for (const level of scale?.levels ?? []) {
    levels.set(level.id, level.id);
    levels.set(level.label.toLowerCase(), level.id);
  }
  levels.set(NOT_APPLICABLE_CHOICE, "n/a");
  levels.set("not applicable", "n/a");
  const questions = new Map([...walkGuideQuestions(benchmark)].map((visit) => [formName("q", visit.question.id), visit.question.id]));
  const byField = new Map<string, string>();
  const answers: Assessment["answers"] = {};
  for (const id of questions.values()) answers[id] = {};
  const pointer = `/${index}`;
  const skipped: string[] = [];
  const tool: string[] = [];
  for (const [column, value] of submission.values) {
    const field = fieldOf(column);
    byField.set(field, value);
    if (value === "" || field === BENCHMARK_FIELD || (Object.values(DETAIL_FIELDS) as string[]).includes(field)) continue;
    const question = questions.get(field);
    const notesOf = field.endsWith("_notes") ? questions.get(field.slice(0, -"_notes".length)) : undefined;
    if (question) {
      const level = levels.get(value) ?? levels.get(value.toLowerCase());
      if (level) (answers[question] ??= {}).level = level;
      else {
        problems.push(
          adapterProblem("unknown_level", "error", `${pointer}/answers/${question}/level`, `${submission.where(column)}: "${value}" is not a level of ${benchmark.defaultScale}${/\s/.test(value) ? " (several choices given? a question takes one level)" : ""}: correct the submission in the survey tool and export again.`, {
            value,
          }),
        );
      }
    } else if (notesOf) (answers[notesOf] ??= {}).notes = value;
    else if (TOOL_COLUMNS.has(field) || TOOL_COLUMNS.has(column) || column.startsWith("formhub/") || column.startsWith("meta")) tool.push(column);
    else skipped.push(column);
  }
  if (skipped.length > 0) {
    problems.push(
      adapterProblem("not_carried_over", "warning", pointer, `${submission.where(skipped[0]!)}${skipped.length > 1 ? ` and ${skipped.length - 1} more` : ""}: the columns ${skipped.join(", ")} are not questions of ${benchmark.id} ${benchmark.version}, so their values were not imported.`, {
        columns: skipped.join(", "),
      }),
    );
  }
  if (tool.length > 0) problems.push(adapterProblem("not_carried_over", "info", pointer, `Submission ${index + 1}: the survey tool's own columns (${tool.join(", ")}) are not part of an assessment and were not imported.`, { columns: tool.join(", ") }));
  const key = byField.get("instanceID") || byField.get("KEY") || byField.get("_uuid") || `${index + 1}`;
  const suffix = key.replace(/^uuid:/, "").toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 12) || `${index + 1}`;
  const subject = byField.get(DETAIL_FIELDS.subjectName) ?? "";
  const country = (byField.get(DETAIL_FIELDS.country) ?? "").toUpperCase();
  const assessedOn = (byField.get(DETAIL_FIELDS.assessedOn) ?? "").slice(0, 10);
  const assessment = {
    kind: "assessment",
    schemaVersion: SCHEMA_VERSION,
    id: `local.${benchmark.id.split(".").slice(1).join("-")}-${suffix}`,
    title: `${subject || "Submission"}: ${benchmark.title}`,
    benchmark: { id: benchmark.id, version: benchmark.version },
    subject: { type: "place", name: subject, ...(country ? { country } : {}) },
    method: "self",
    assessedBy: [{ name: byField.get(DETAIL_FIELDS.assessedBy) ?? "" }],
    assessedOn,
    answers,
  } as unknown as Assessment;
  for (const problem of validate(assessment).errors) {
    const detail = Object.entries(DETAIL_FIELDS).find(([key]) => problem.pointer.includes(key === "subjectName" ? "/subject/name" : key === "assessedBy" ? "/assessedBy" : key === "country" ? "/subject/country" : "/assessedOn"));
    const column = detail ? [...submission.values.keys()].find((name) => fieldOf(name) === detail[1]) : undefined;
    problems.push({ ...problem, pointer: `${pointer}${problem.pointer}`, message: `${column ? `${submission.where(column)}: ` : `Submission ${index + 1}: `}${problem.message}` });
  }
  return assessment;
}
