import type { Host } from "@cohesion/core";
import { chooseAdapter } from "@cohesion/adapter-kit";
import { loadAdapters } from "../adapter-host";
import { writeFileAtomic } from "../atomic-write";
import { formatProblem } from "../format-problems";
import { EXIT, UsageError, type CliIO } from "../io";
import { runScoring, type ScoreRunOptions } from "../scoring-run";

/** Options of `cohesion report`. */
export interface ReportCommandOptions extends ScoreRunOptions {
  out: string;
  force: boolean;
  today: string;
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
export async function reportCommand(options: ReportCommandOptions, io: CliIO, host: Host): Promise<number> {
  const choice = chooseAdapter(await loadAdapters(host), { direction: "write", kind: "score-report", fileName: options.out });
  if (!choice.ok) throw new UsageError(choice.message, "give --out a name ending in .html or .md");
  const run = await runScoring(options, io, host);
  if (typeof run === "number") return run;
  const written = await choice.adapter.write!({ document: run.report, today: options.today });
  const file = written.ok ? written.files[0] : undefined;
  if (!written.ok || file === undefined) {
    for (const problem of written.report.errors) io.stderr.write(`${formatProblem(problem)}\n`);
    return EXIT.invalid;
  }
  await writeFileAtomic(options.out, file.data, { force: options.force });
  io.stderr.write(`wrote ${options.out}\n`);
  return EXIT.ok;
}
