import type { Adapter, WriteInput, WriteResult } from "@cohesion/adapter-kit";
import { toReport } from "@cohesion/schema";
import { renderReport, type ReportFormat } from "./render";

function writer(format: ReportFormat): (input: WriteInput) => Promise<WriteResult> {
  return async (input) => {
    const rendered = renderReport({ report: input.document, ...(input.today === undefined ? {} : { generatedOn: input.today }) }, format);
    return rendered.ok ? { ok: true, files: [{ path: "", data: rendered.text }], report: toReport([]) } : { ok: false, report: rendered.errors };
  };
}

/**
 * The HTML report as an adapter (`report.html`): writes a score report as a self-contained page with
 * charts (peers and mentors are read from the score report); `today` is the report's date.
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
