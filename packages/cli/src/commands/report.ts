import type { Host } from "@cohesion/core";
import { renderHtmlReport, renderMarkdownReport } from "@cohesion/adapter-report";
import { writeFileAtomic } from "../atomic-write";
import { EXIT, type CliIO } from "../io";
import { runScoring, type ScoreRunOptions } from "../scoring-run";

/** Options of `cohesion report`. */
export interface ReportCommandOptions extends ScoreRunOptions {
  out: string;
  force: boolean;
  today: string;
}

/**
 * `cohesion report <assessment> --out report.html|report.md`: scores the assessment and writes a
 * self-contained HTML page with charts (or Markdown), atomically, refusing to overwrite without `--force`.
 *
 * @example
 * ```sh
 * cohesion report athens.json --peers examples/assessments --out athens.html
 * ```
 */
export async function reportCommand(options: ReportCommandOptions, io: CliIO, host: Host): Promise<number> {
  const run = await runScoring(options, io, host);
  if (typeof run === "number") return run;
  const input = { report: run.report, generatedOn: options.today };
  const text = /\.md$|\.markdown$/i.test(options.out) ? renderMarkdownReport(input) : renderHtmlReport(input);
  await writeFileAtomic(options.out, text, { force: options.force });
  io.stderr.write(`wrote ${options.out}\n`);
  return EXIT.ok;
}
