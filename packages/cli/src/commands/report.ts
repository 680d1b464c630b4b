import { stat } from "node:fs/promises";
import type { Host } from "@cohesion/core";
import { chooseAdapter } from "@cohesion/adapter-kit";
import { loadAdapters } from "../adapter-host";
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
  return reportCommand({ ...options, out, force: context.flag("force"), today: context.today }, context.io, await context.host());
}

/**
 * `cohesion report <assessment> --out report.html|report.md`: scores the assessment and writes the report
 * through the adapter registered for the extension of `--out` (the HTML page with charts, or Markdown),
 * atomically, refusing to overwrite without `--force`.
 *
 * @example
 * ```sh
 * cohesion report athens.json --peers examples/assessments --out athens.html
 * ```
 */
export async function reportCommand(options: ReportCommandOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  // A folder is named as such before its missing extension is: that is the mistake to fix.
  if ((await stat(options.out).catch(() => undefined))?.isDirectory()) throw new UsageError(`${options.out} is a folder — give the path of a file to write`, "give --out a name ending in .html or .md");
  const choice = chooseAdapter(await loadAdapters(host), { direction: "write", kind: "score-report", fileName: options.out });
  if (!choice.ok) throw new UsageError(choice.message, "give --out a name ending in .html or .md");
  const run = await runScoring(options, io, host);
  if ("exit" in run) return run;
  const scale = host.catalog().scale(run.assessment.scale ?? run.benchmark.defaultScale);
  const extras = { assessment: run.assessment, benchmark: run.benchmark, ...(scale ? { scale } : {}) };
  const written = await choice.adapter.write!({ document: run.report, today: options.today, extras });
  const file = written.ok ? written.files[0] : undefined;
  if (!written.ok || file === undefined) return { exit: EXIT.invalid, problems: written.report.errors };
  await writeFileAtomic(options.out, file.data, { force: options.force, inputs: options.file === "-" ? [] : [options.file] });
  io.stderr.write(`wrote ${options.out}\n`);
  return { exit: EXIT.ok, result: { out: options.out, adapter: choice.adapter.id, report: run.report } };
}
