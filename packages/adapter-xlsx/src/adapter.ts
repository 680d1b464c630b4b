import type { Adapter, ReadInput, ReadResult, WriteInput, WriteResult } from "@cohesion/adapter-kit";
import { DOCUMENT_KINDS, toReport, validateAs, type Benchmark, type ValidationProblem, describeThrown } from "@cohesion/schema";
import { documentWorkbook, readDocumentWorkbook } from "./document-workbook";
import { DOCUMENT_FORMAT, LAYOUT_VERSION, QUESTIONNAIRE_FORMAT, SHEETS } from "./layout";
import { readQuestionnaire, type QuestionnaireMeta } from "./questionnaire-read";
import { questionnaireWorkbook, scaleFor } from "./questionnaire-write";
import { cellProblem } from "./read-problems";
import { cellText, openWorkbook, type Workbook } from "./workbook-io";

const MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function metaOf(workbook: Workbook): QuestionnaireMeta | undefined {
  const sheet = workbook.getWorksheet(SHEETS.meta);
  if (!sheet) return undefined;
  const values = new Map<string, string>();
  const rows = new Map<string, number>();
  sheet.eachRow((row) => {
    const key = cellText(row.getCell(1));
    const value = cellText(row.getCell(2));
    if (key === "question") {
      const at = Number(cellText(row.getCell(3)));
      if (value !== "" && Number.isInteger(at)) rows.set(value, at);
    } else if (key !== "" && !values.has(key)) values.set(key, value);
  });
  return { values, rows };
}

function kindOf(document: unknown): string | undefined {
  const kind = typeof document === "object" && document !== null ? (document as { kind?: unknown }).kind : undefined;
  return typeof kind === "string" && (DOCUMENT_KINDS as readonly string[]).includes(kind) ? kind : undefined;
}

function notADocument(format: string): WriteResult {
  return { ok: false, report: toReport([cellProblem("not_a_document", "error", "/kind", "", `The ${format} adapter writes Cohesion documents: the input has no known kind.`)]) };
}

/**
 * Reads a workbook written by {@link xlsxAdapter}: a filled questionnaire becomes an assessment, a document
 * workbook the document it holds. Never throws.
 *
 * @example
 * ```ts
 * const { documents, report } = await readWorkbook({ data, fileName: "filled.xlsx", documents: host.documents() });
 * ```
 */
export async function readWorkbook(input: ReadInput): Promise<ReadResult> {
  const problems: ValidationProblem[] = [];
  const name = input.fileName ?? "the file";
  try {
    const opened = await openWorkbook(input.data);
    if (!opened.ok) {
      problems.push(cellProblem("not_a_workbook", "error", "", "", `${name} is not an Excel workbook that can be opened (${opened.reason}): save it as "Excel Workbook (.xlsx)" and import it again.`, { file: name }));
      return { documents: [], report: toReport(problems) };
    }
    const meta = metaOf(opened.workbook);
    const format = meta?.values.get("format");
    if (!meta || (format !== QUESTIONNAIRE_FORMAT && format !== DOCUMENT_FORMAT)) {
      problems.push(
        cellProblem("not_a_cohesion_workbook", "error", "", "", `${name} was not written by Cohesion (it has no "${SHEETS.meta}" sheet naming its layout): start from a workbook made with cohesion export, and keep its hidden "${SHEETS.meta}" sheet.`, { file: name }),
      );
      return { documents: [], report: toReport(problems) };
    }
    const layout = meta.values.get("layoutVersion");
    if (layout !== LAYOUT_VERSION) {
      problems.push(cellProblem("unknown_layout", "error", "", "", `${name} has layout version ${layout ?? "(none)"}, which this version of the adapter does not read (it reads ${LAYOUT_VERSION}): import it with the Cohesion release that wrote it, or export a fresh workbook.`, { layout: layout ?? "" }));
      return { documents: [], report: toReport(problems) };
    }
    const read = format === QUESTIONNAIRE_FORMAT ? await readQuestionnaire(opened.workbook, meta, input.documents ?? []) : readDocumentWorkbook(opened.workbook);
    return { documents: read.documents, report: toReport(read.problems) };
  } catch (error) {
    // A guard for the unforeseen (a workbook shaped in a way the library mishandles): a report, not a throw.
    problems.push(cellProblem("unreadable_workbook", "error", "", "", `${name} could not be read (${describeThrown(error)}): open it in a spreadsheet program, save it as .xlsx again, and retry.`, { file: name }));
    return { documents: [], report: toReport(problems) };
  }
}

/**
 * Writes a document as a workbook: a benchmark as the officer's questionnaire, any other document as a
 * lossless document workbook. Never throws.
 *
 * @example
 * ```ts
 * const result = await writeWorkbook({ document: benchmark, documents: host.documents() });
 * ```
 */
export async function writeWorkbook(input: WriteInput): Promise<WriteResult> {
  const kind = kindOf(input.document);
  if (kind === undefined) return notADocument("xlsx");
  if (kind !== "benchmark") return { ok: true, files: [{ path: "", data: await documentWorkbook(input.document) }], report: toReport([]) };
  const checked = validateAs("benchmark", input.document);
  if (!checked.valid) return { ok: false, report: checked };
  const benchmark = input.document as Benchmark;
  const scale = scaleFor(benchmark, input.documents ?? []);
  if (!scale) {
    return { ok: false, report: toReport([cellProblem("scale_not_installed", "error", "/defaultScale", "", `The scale ${benchmark.defaultScale} of ${benchmark.id} is not loaded, so the level drop-down cannot be written: install the plugin that contains it.`)]) };
  }
  return { ok: true, files: [{ path: "", data: await questionnaireWorkbook(benchmark, scale) }], report: toReport([]) };
}

/**
 * The lossless document workbook as an adapter of its own (`xlsx.document`, format `xlsx-document`), for
 * a benchmark too (which `xlsx` writes as a questionnaire). Reads like {@link xlsxAdapter}.
 *
 * @example
 * ```ts
 * const result = await xlsxDocumentAdapter.write!({ document: benchmark });
 * ```
 */
export const xlsxDocumentAdapter: Adapter = {
  id: "xlsx.document",
  title: "Excel workbook of a document (lossless)",
  format: "xlsx-document",
  mediaType: MEDIA_TYPE,
  extensions: [".xlsx"],
  reads: [...DOCUMENT_KINDS],
  writes: [...DOCUMENT_KINDS],
  browser: { read: true, write: true },
  read: readWorkbook,
  write: async (input) => {
    if (kindOf(input.document) === undefined) return notADocument("xlsx-document");
    return { ok: true, files: [{ path: "", data: await documentWorkbook(input.document) }], report: toReport([]) };
  },
};

/**
 * The Excel workbook adapter (`xlsx.workbook`, format `xlsx`): writes a benchmark as the officer's
 * questionnaire and any other document as a lossless workbook; reads both back. Runs in browsers too.
 *
 * @example
 * ```ts
 * const result = await xlsxAdapter.write!({ document: benchmark });
 * ```
 */
export const xlsxAdapter: Adapter = {
  id: "xlsx.workbook",
  title: "Excel workbook",
  format: "xlsx",
  mediaType: MEDIA_TYPE,
  extensions: [".xlsx"],
  reads: ["assessment", ...DOCUMENT_KINDS.filter((kind) => kind !== "assessment")],
  writes: [...DOCUMENT_KINDS],
  browser: { read: true, write: true },
  read: readWorkbook,
  write: writeWorkbook,
};
