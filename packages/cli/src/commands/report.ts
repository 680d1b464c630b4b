import type { Host } from "@cohesion/core";
import { renderHtmlReport, renderMarkdownReport } from "@cohesion/adapter-report";
import { writeFileAtomic } from "../atomic-write";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { runScoring, scoreRunOptions, type ScoreRunOptions } from "../scoring-run";

/** Options of `cohesion report`. */
export interface ReportCommandOptions extends ScoreRunOptions {
  out: string;
  force: boolean;
  today: string;
}

/** `cohesion report`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const options = scoreRunOptions(context, "report needs one assessment file");
  const out = context.string("out");
  if (!out) throw new UsageError("report needs --out report.html or --out report.md");
  if (!/\.(html?|md|markdown)$/i.test(out)) throw new UsageError(`--out must end in .html or .md, not "${out}"`);
  return reportCommand({ ...options, out, force: context.flag("force"), today: context.today }, context.io, await context.host());
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
export async function reportCommand(options: ReportCommandOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  const run = await runScoring(options, io, host);
  if ("exit" in run) return run;
  const input = { report: run.report, generatedOn: options.today };
  const text = /\.md$|\.markdown$/i.test(options.out) ? renderMarkdownReport(input) : renderHtmlReport(input);
  await writeFileAtomic(options.out, text, { force: options.force });
  io.stderr.write(`wrote ${options.out}\n`);
  return { exit: EXIT.ok, result: { out: options.out, format: /\.md$|\.markdown$/i.test(options.out) ? "markdown" : "html", report: run.report } };
}
