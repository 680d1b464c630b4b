import { adapterProblem, type Adapter, type WriteInput, type WriteResult } from "@cohesion/adapter-kit";
import { scaleFor } from "@cohesion/adapter-xlsx";
import { toReport, validateAs, type Benchmark } from "@cohesion/schema";
import { buildForm } from "./form";
import { formWorkbook } from "./form-workbook";
import { lintForm } from "./lint";
import { readSubmissions } from "./submissions";

/**
 * Writes a benchmark as an XLSForm workbook, after checking it with {@link lintForm}. Never throws.
 *
 * @example
 * ```ts
 * const result = await writeForm({ document: benchmark, documents: host.documents(), today: "2024-05-01" });
 * ```
 */
export async function writeForm(input: WriteInput): Promise<WriteResult> {
  const checked = validateAs("benchmark", input.document);
  if (!checked.valid) return { ok: false, report: checked };
  const benchmark = input.document as Benchmark;
  const scale = scaleFor(benchmark, input.documents ?? []);
  if (!scale) return { ok: false, report: toReport([adapterProblem("scale_not_installed", "error", "/defaultScale", `The scale ${benchmark.defaultScale} of ${benchmark.id} is not loaded, so the choices cannot be written: install the plugin that contains it.`)]) };
  const form = buildForm(benchmark, scale, input.today ?? new Date().toISOString().slice(0, 10));
  const lint = lintForm(form);
  if (!lint.valid) return { ok: false, report: lint };
  return { ok: true, files: [{ path: "", data: await formWorkbook(form) }], report: lint };
}

/**
 * The XLSForm adapter (`xlsform.survey`, format `xlsform`): writes a benchmark as a survey for ODK Central
 * and KoboToolbox, and reads their submission exports (ODK CSV; Kobo JSON, CSV, XLSX) as assessments.
 *
 * @example
 * ```ts
 * const { documents, report } = await xlsformAdapter.read!({ data, fileName: "export.csv", documents });
 * ```
 */
export const xlsformAdapter: Adapter = {
  id: "xlsform.survey",
  title: "XLSForm survey (ODK Central, KoboToolbox)",
  format: "xlsform",
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  // .csv first: an .xlsx file is read as a Cohesion workbook unless --from xlsform is given.
  extensions: [".csv", ".json", ".xlsx"],
  reads: ["assessment"],
  writes: ["benchmark"],
  browser: { read: true, write: true },
  read: readSubmissions,
  write: writeForm,
};
