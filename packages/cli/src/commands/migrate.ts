import { migrate } from "@cohesion/model";
import { SCHEMA_VERSION, type ValidationProblem } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { formatProblem, plural } from "../format-problems";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { failureProblem, isIoFailure, readOneDocument } from "../read-document";

/** Options of `cohesion migrate`. */
export interface MigrateOptions {
  file: string;
  /** The schema version to migrate to; the latest this release reads by default. */
  to?: string;
  /** Where the migrated document goes; standard output when absent or `-`. */
  out?: string;
  force: boolean;
  format: "text" | "json";
}

/** `cohesion migrate`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError("migrate needs one document file (or - for standard input)");
  const to = context.string("to");
  const out = context.string("out");
  return migrateCommand({ file: positionals[0] as string, force: context.flag("force"), format: context.format === "json" ? "json" : "text", ...(to === undefined ? {} : { to }), ...(out === undefined ? {} : { out }) }, context.io);
}

/**
 * `cohesion migrate <file> [--to version] [--out file]`: upgrades a document to a later schema version and
 * reports every field it moved and anything it could not carry over (with where it was kept instead).
 * The input file is never changed unless it is also `--out` and `--force` is given.
 *
 * @example
 * ```sh
 * cohesion migrate athens-2023.json --to 1.1 --out athens-2023.v1.1.json
 * ```
 */
export async function migrateCommand(options: MigrateOptions, io: CliIO, write = writeFileAtomic): Promise<CommandOutcome> {
  const loaded = await readOneDocument(options.file, io);
  if ("code" in loaded) return { exit: isIoFailure(loaded) ? EXIT.usage : EXIT.invalid, problems: [failureProblem(loaded)] };
  const to = options.to ?? SCHEMA_VERSION;
  const result = migrate(loaded.value, to);
  const problems: ValidationProblem[] = result.report.errors.map((p) => ({ ...p, file: options.file }));
  const toStdout = options.out === undefined || options.out === "-";
  if (result.ok && !toStdout && options.out !== undefined) {
    await write(options.out, `${JSON.stringify(result.document, null, 2)}\n`, { force: options.force });
  }

  const exit = result.ok ? EXIT.ok : problems.some((p) => p.code === "unknown_target_version") ? EXIT.usage : EXIT.invalid;
  if (options.format === "json") {
    return { exit, problems, result: { to, migrated: result.ok, ...(result.ok && toStdout ? { document: result.document } : {}), ...(result.ok && !toStdout ? { out: options.out } : {}) } };
  }
  // The migrated document is the output; what was moved or left behind goes to standard error.
  const text = result.ok && toStdout ? `${JSON.stringify(result.document, null, 2)}\n` : "";
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
  io.stderr.write(`${summary(options, to, result.ok, problems)}\n`);
  return { exit, problems, text, textShowsProblems: true };
}

function summary(options: MigrateOptions, to: string, ok: boolean, problems: readonly ValidationProblem[]): string {
  if (!ok) return `✖ ${options.file} was not migrated to ${to}`;
  const count = (code: string) => problems.filter((p) => p.code === code).length;
  if (count("already_at_version") > 0) return `✔ ${options.file} is already at schema version ${to}`;
  const left = count("not_carried_over");
  const where = options.out === undefined || options.out === "-" ? "" : `, written to ${options.out}`;
  const leftText = left > 0 ? `; ${plural(left, "value")} could not be carried over and ${left === 1 ? "is" : "are"} kept as listed above` : "; nothing was left behind";
  return `✔ ${options.file} migrated to schema version ${to}${where}: ${plural(count("migrated_field"), "value")} moved${leftText}`;
}
