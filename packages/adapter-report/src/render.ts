import { validateAs, type ValidationReport } from "@cohesion/schema";
import { renderHtmlReport } from "./html-report";
import { renderMarkdownReport } from "./markdown-report";
import type { ReportInput } from "./model";

/** The formats a report can be rendered in. */
export type ReportFormat = "html" | "markdown";

/** The outcome of {@link renderReport}: the text, or the validation report saying why the input was refused. */
export type RenderResult = { ok: true; text: string } | { ok: false; errors: ValidationReport };

/**
 * Renders a report from input that may come from anywhere (a file, a network): the score report is
 * validated first (and the assessment, benchmark and scale when given), and bad input is answered with a
 * validation report instead of a broken page.
 *
 * @example
 * ```ts
 * const result = renderReport({ report: JSON.parse(text) }, "html");
 * if (result.ok) await writeFile("report.html", result.text);
 * else console.error(result.errors.errors.map((e) => e.message).join("\n"));
 * ```
 */
export function renderReport(input: { report: unknown; assessment?: unknown; benchmark?: unknown; scale?: unknown } & Omit<ReportInput, "report" | "assessment" | "benchmark" | "scale">, format: ReportFormat): RenderResult {
  const errors = validateAs("score-report", input.report);
  if (!errors.valid) return { ok: false, errors };
  // The documents shown beside the scores are checked too, each under its own kind.
  for (const kind of ["assessment", "benchmark", "scale"] as const) {
    if (input[kind] === undefined) continue;
    const checked = validateAs(kind, input[kind]);
    if (!checked.valid) return { ok: false, errors: checked };
  }
  const valid = input as ReportInput;
  return { ok: true, text: format === "html" ? renderHtmlReport(valid) : renderMarkdownReport(valid) };
}
