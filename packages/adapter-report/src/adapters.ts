import type { Adapter, WriteInput, WriteResult } from "@cohesion/adapter-kit";
import { toReport } from "@cohesion/schema";
import { renderReport, type ReportFormat } from "./render";

function writer(format: ReportFormat): (input: WriteInput) => Promise<WriteResult> {
  return async (input) => {
    // extras: the assessment (its evidence and notes are shown beside each answer), the benchmark and the scale.
    const extras = input.extras ?? {};
    const shown = Object.fromEntries((["assessment", "benchmark", "scale"] as const).filter((key) => extras[key] !== undefined).map((key) => [key, extras[key]]));
    const rendered = renderReport({ report: input.document, ...shown, ...(input.today === undefined ? {} : { generatedOn: input.today }) }, format);
    return rendered.ok ? { ok: true, files: [{ path: "", data: rendered.text }], report: toReport([]) } : { ok: false, report: rendered.errors };
  };
}

/**
 * The HTML report as an adapter (`report.html`): writes a score report as a self-contained page with
 * charts (peers and mentors are read from the score report); `today` is the report's date; `extras` may
 * give the `assessment` (its evidence, links and notes are shown beside each answer), `benchmark` and `scale`.
 *
 * @example
 * ```ts
 * const result = await htmlReportAdapter.write!({ document: scoreReport, today: "2024-05-01" });
 * ```
 */
export const htmlReportAdapter: Adapter = {
  id: "report.html",
  title: "HTML report",
  format: "html",
  mediaType: "text/html",
  extensions: [".html", ".htm"],
  reads: [],
  writes: ["score-report"],
  browser: { read: false, write: true },
  write: writer("html"),
};

/**
 * The Markdown report as an adapter (`report.markdown`), with the same input as {@link htmlReportAdapter}.
 *
 * @example
 * ```ts
 * const result = await markdownReportAdapter.write!({ document: scoreReport });
 * ```
 */
export const markdownReportAdapter: Adapter = {
  id: "report.markdown",
  title: "Markdown report",
  format: "markdown",
  mediaType: "text/markdown",
  extensions: [".md", ".markdown"],
  reads: [],
  writes: ["score-report"],
  browser: { read: false, write: true },
  write: writer("markdown"),
};
