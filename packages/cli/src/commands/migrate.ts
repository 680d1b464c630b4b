import { basename, join, relative } from "node:path";
import type { Host } from "@cohesion/core";
import { migrate, migrationProblem, type MigrationResult } from "@cohesion/model";
import { joinPointer, SCHEMA_VERSION, SCHEMA_VERSIONS, type ValidationProblem, type ValidationReport } from "@cohesion/schema";
import { openFileAtomic, writeFileAtomic, type AtomicFile } from "../atomic-write";
import { formatProblem, plural } from "../format-problems";
import { expandInputs, isNdjsonFile, readSource, type InputDocument, type InputFailure, type InputItem, type InputSource } from "../inputs";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { failureProblem, isIoFailure, placeProblems } from "../read-document";

/** Options of `cohesion migrate`. */
export interface MigrateOptions {
  /** Files (`.json`: one document or an array; `.ndjson`/`.jsonl`: one per line), folders, or `-`. */
  inputs: readonly string[];
  /** The schema version to migrate to; the latest this release reads by default. */
  to?: string;
  /** Where the one input's migrated documents go; standard output when absent or `-`. */
  out?: string;
  /** A folder for the migrated files, mirroring the inputs' paths. */
  outDir?: string;
  /** Writes each file back over itself. */
  inPlace?: boolean;
  /** Migrates and reports, writes nothing. */
  dryRun?: boolean;
  force: boolean;
  format: "text" | "json";
}

/** `cohesion migrate`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length === 0) throw new UsageError("migrate needs at least one file, folder or - for standard input");
  const to = context.string("to");
  const out = context.string("out");
  const outDir = context.string("out-dir");
  const plugins = (context.args.values["plugin"] as string[] | undefined) ?? [];
  const options: MigrateOptions = {
    inputs: positionals,
    force: context.flag("force"),
    inPlace: context.flag("in-place"),
    dryRun: context.flag("dry-run"),
    format: context.format === "json" ? "json" : "text",
    ...(to === undefined ? {} : { to }),
    ...(out === undefined ? {} : { out }),
    ...(outDir === undefined ? {} : { outDir }),
  };
  // Plugins matter only for their schema extensions, so the host is opened only when one is named.
  return migrateCommand(options, context.io, plugins.length > 0 ? await context.host() : undefined);
}

/** What happened to the documents of one file. */
interface FileOutcome {
  file: string;
  written?: string;
  documents: number;
  migrated: number;
  already: number;
  failed: number;
}

interface Totals {
  files: FileOutcome[];
  moved: number;
  left: number;
  /** The problems, kept for a JSON report only: as text, each is written as soon as it is found. */
  problems: ValidationProblem[];
  errors: number;
  unreadable: number;
  emit: (problems: readonly ValidationProblem[]) => void;
  /** The migrated documents of a run that writes to standard output in JSON. */
  collected: unknown[];
}

type Target = { kind: "stdout" } | { kind: "file"; path: string; force: boolean } | { kind: "none" };

const count = (problems: readonly ValidationProblem[], code: string) => problems.filter((p) => p.code === code).length;

/**
 * `cohesion migrate <files | folders | -> [--to version] [--out file | --out-dir dir | --in-place] [--dry-run]`:
 * upgrades documents to a later schema version and reports every value moved and anything that could not be
 * carried over. With a plugin host (`--plugin`), documents are checked against the schemas its plugins extend. A `.json` file holds one document or an array of them; `.ndjson`/`.jsonl` files are streamed
 * line by line. A file is written only when every document in it migrated, through a temporary file and a
 * rename; an existing file is replaced only with `--force` (or `--in-place`). Ends with the counts.
 *
 * @example
 * ```sh
 * cohesion migrate data/ --to 2.0 --out-dir migrated/
 * cohesion migrate practices.ndjson --dry-run
 * ```
 */
export async function migrateCommand(options: MigrateOptions, io: CliIO, host?: Host): Promise<CommandOutcome> {
  const to = options.to ?? SCHEMA_VERSION;
  if (!(SCHEMA_VERSIONS as readonly string[]).includes(to)) {
    // Said before any input is read: no document could reach it.
    const problem = migrationProblem("unknown_target_version", "", { to: JSON.stringify(to), known: SCHEMA_VERSIONS.join(", ") });
    if (options.format === "text") io.stderr.write(`${formatProblem(problem)}\n`);
    return { exit: EXIT.usage, problems: [problem], textShowsProblems: true };
  }
  const writes = [options.out, options.outDir, options.inPlace ? "in place" : undefined].filter((w) => w !== undefined);
  if (writes.length > 1) throw new UsageError("give one of --out, --out-dir and --in-place");
  if (options.dryRun && writes.length > 0) throw new UsageError("--dry-run writes nothing: leave out --out, --out-dir and --in-place");

  const sources: Array<InputSource & { root?: string }> = [];
  const failures: InputFailure[] = [];
  for (const input of options.inputs) {
    for await (const source of expandInputs([input])) {
      if ("type" in source) failures.push(source);
      else sources.push(source.file === input ? source : { ...source, root: input });
    }
  }
  const toStdout = writes.length === 0 && !options.dryRun;
  if (toStdout && (sources.length + failures.length > 1 || sources.some((s) => s.root !== undefined))) {
    throw new UsageError("migrate writes one file to standard output; for several files or a folder give --out-dir <folder>, --in-place or --dry-run");
  }
  if (options.out !== undefined && (sources.length !== 1 || sources[0]?.root !== undefined)) {
    throw new UsageError("--out takes the migrated documents of one file; for several files or a folder give --out-dir <folder>");
  }
  if (options.inPlace && sources.some((s) => s.file === "-")) throw new UsageError("standard input cannot be migrated in place; give --out or --out-dir");

  // With --plugin, documents are checked against the schemas as the plugins extend them.
  const step = (document: unknown): MigrationResult => migrate(document, to, host ? { validate: (d) => host.validate(d) } : {});
  const totals: Totals = {
    files: [],
    moved: 0,
    left: 0,
    problems: [],
    errors: 0,
    unreadable: 0,
    collected: [],
    // Written as found, so a stream of any length is reported in constant memory.
    emit: (problems) => {
      for (const problem of problems) {
        if (problem.severity === "error") totals.errors += 1;
        if (problem.code === "file_not_found") totals.unreadable += 1;
        if (options.format === "json") totals.problems.push(problem);
        else if (problem.code !== "schema_version_changed") io.stderr.write(`${formatProblem(problem)}\n`);
      }
    },
  };
  totals.emit(failures.map(failureProblem));
  const seen = new Set<string>();
  for (const source of sources) {
    const target = targetOf(source, options, seen);
    const outcome = isNdjsonFile(source) || source.file === "-" ? await migrateStream(source, target, step, totals, io, options) : await migrateJsonFile(source, target, step, totals, io, options);
    totals.files.push(outcome);
  }
  const exit = failures.some(isIoFailure) ? EXIT.usage : totals.files.some((f) => f.failed > 0) || failures.length > 0 ? EXIT.invalid : EXIT.ok;
  const result = report(totals, to, options, io, toStdout);
  // As text, documents and problems were written as they came; as JSON, the envelope carries them.
  return result === undefined ? { exit, written: true } : { exit, problems: totals.problems, result };
}

/** Where a source's migrated documents go. */
function targetOf(source: InputSource & { root?: string }, options: MigrateOptions, seen: Set<string>): Target {
  if (options.dryRun) return { kind: "none" };
  let path: string | undefined;
  if (options.inPlace) path = source.file;
  else if (options.outDir !== undefined) path = join(options.outDir, source.root !== undefined ? relative(source.root, source.file) : basename(source.file === "-" ? "stdin.ndjson" : source.file));
  else if (options.out !== undefined && options.out !== "-") path = options.out;
  if (path === undefined) return { kind: "stdout" };
  if (seen.has(path)) throw new UsageError(`two inputs would be written to ${path}; migrate them into different folders`);
  seen.add(path);
  return { kind: "file", path, force: options.force || options.inPlace === true };
}

/** The problems of one document, located: its file, its line in NDJSON, its index in an array. */
function locate(report: ValidationReport, file: string, where: { line?: number; index?: number }): ValidationProblem[] {
  return report.errors.map((p) => ({
    ...p,
    pointer: where.index === undefined ? p.pointer : joinPointer(`/${where.index}`, ...p.pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))),
    file,
    ...(where.line === undefined ? {} : { line: where.line }),
  }));
}

function tally(outcome: FileOutcome, result: MigrationResult, problems: ValidationProblem[], totals: Totals): void {
  outcome.documents += 1;
  totals.emit(problems);
  if (!result.ok) {
    outcome.failed += 1;
    return;
  }
  if (count(problems, "already_at_version") > 0) outcome.already += 1;
  else outcome.migrated += 1;
  totals.moved += count(problems, "migrated_field");
  totals.left += count(problems, "not_carried_over");
}

async function migrateJsonFile(source: InputSource, target: Target, step: (d: unknown) => MigrationResult, totals: Totals, io: CliIO, options: MigrateOptions): Promise<FileOutcome> {
  const outcome: FileOutcome = { file: source.file, documents: 0, migrated: 0, already: 0, failed: 0 };
  // The command's one reader: encodings, invalid UTF-8, repeated keys and spreadsheets are told as they are.
  const items: InputItem[] = [];
  for await (const batch of readSource(source)) items.push(...batch);
  const unread = items.filter((item): item is InputFailure => item.type === "failure");
  const documents = items.filter((item): item is InputDocument => item.type === "document");
  const repeated = documents.flatMap((document) => placeProblems(document, []));
  if (unread.length > 0 || repeated.length > 0 || documents.length === 0) {
    totals.emit(unread.length + repeated.length > 0 ? [...unread.map(failureProblem), ...repeated] : [failureProblem({ type: "failure", file: source.file, code: "empty_input", detail: "the file holds no document" })]);
    outcome.failed += 1;
    return outcome;
  }
  const many = documents.some((document) => document.index !== undefined);
  const migrated = documents.map(({ value: document, index }) => {
    const result = step(document);
    tally(outcome, result, locate(result.report, source.file, many ? { index: index ?? 0 } : {}), totals);
    return result.ok ? result.document : document;
  });
  if (outcome.failed > 0) return outcome;
  const value = many ? migrated : migrated[0];
  if (target.kind === "stdout") {
    if (options.format === "json") totals.collected.push(value);
    else io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  } else if (target.kind === "file") {
    await writeFileAtomic(target.path, `${JSON.stringify(value, null, 2)}\n`, { force: target.force });
    outcome.written = target.path;
  }
  return outcome;
}

/** An NDJSON file or standard input, line by line: each migrated line is written as soon as it is read. */
async function migrateStream(source: InputSource, target: Target, step: (d: unknown) => MigrationResult, totals: Totals, io: CliIO, options: MigrateOptions): Promise<FileOutcome> {
  const outcome: FileOutcome = { file: source.file, documents: 0, migrated: 0, already: 0, failed: 0 };
  let out: AtomicFile | undefined;
  const lines: string[] = [];
  try {
    for await (const batch of readSource(source, { stdin: io.stdin })) {
      for (const item of batch) {
        if (item.type === "failure") {
          totals.emit([failureProblem(item)]);
          outcome.failed += 1;
          continue;
        }
        const result = step(item.value);
        tally(outcome, result, locate(result.report, source.file, item.streamed ? { line: item.line } : {}), totals);
        if (!result.ok || outcome.failed > 0 || target.kind === "none") continue;
        if (target.kind === "stdout") {
          if (options.format === "json") totals.collected.push(result.document);
          else lines.push(JSON.stringify(result.document));
        } else {
          out ??= await openFileAtomic(target.path, { force: target.force });
          lines.push(JSON.stringify(result.document));
        }
      }
      if (lines.length > 0 && outcome.failed === 0) {
        const text = `${lines.join("\n")}\n`;
        if (out) await out.write(text);
        else if (target.kind === "stdout") io.stdout.write(text);
      }
      lines.length = 0;
    }
    if (out && outcome.failed === 0 && target.kind === "file") {
      await out.commit();
      outcome.written = target.path;
    } else await out?.abort();
  } catch (error) {
    await out?.abort();
    throw error;
  }
  return outcome;
}

function report(totals: Totals, to: string, options: MigrateOptions, io: CliIO, toStdout: boolean): Record<string, unknown> | undefined {
  const documents = totals.files.reduce((n, f) => n + f.documents, 0);
  const migrated = totals.files.reduce((n, f) => n + f.migrated, 0);
  const already = totals.files.reduce((n, f) => n + f.already, 0);
  const failed = totals.files.reduce((n, f) => n + f.failed, 0);
  const counts = { files: totals.files.length, documents, migrated, already, failed, moved: totals.moved, notCarriedOver: totals.left };
  if (options.format === "json") {
    const single = toStdout && totals.collected.length === 1 ? { document: totals.collected[0] } : toStdout && totals.collected.length > 1 ? { documents: totals.collected } : {};
    return { to, dryRun: options.dryRun === true, counts, files: totals.files, ...single };
  }
  // Every move and every loss was listed as found; the version change itself is implied by the summary.
  io.stderr.write(`${summary(totals, to, options, counts)}\n`);
  return undefined;
}

function summary(totals: Totals, to: string, options: MigrateOptions, counts: { documents: number; migrated: number; already: number; failed: number }): string {
  const written = totals.files.filter((f) => f.written !== undefined);
  const one = totals.files.length === 1 ? totals.files[0] : undefined;
  const lines: string[] = [];
  if (counts.migrated > 0 || counts.already > 0) {
    const where = options.dryRun ? " (dry run: nothing written)" : written.length === 1 && one ? `, written to ${written[0]?.written}` : written.length > 0 ? `, ${plural(written.length, "file")} written` : "";
    const left = totals.left > 0 ? `; ${plural(totals.left, "value")} could not be carried over and ${totals.left === 1 ? "is" : "are"} kept as listed above` : "; nothing was left behind";
    const subject = one && counts.documents === 1 ? one.file : `${plural(counts.documents - counts.failed, "document")} in ${plural(totals.files.length - totals.files.filter((f) => f.failed > 0).length, "file")}`;
    if (counts.migrated === 0 && one && counts.documents === 1) lines.push(`✔ ${one.file} is already at schema version ${to}`);
    else lines.push(`✔ ${subject} migrated to schema version ${to}${where}: ${plural(totals.moved, "value")} moved${left}${counts.already > 0 && counts.documents > 1 ? `; ${counts.already} already at ${to}` : ""}`);
  }
  const failedFiles = totals.files.filter((f) => f.failed > 0);
  const unreadable = totals.unreadable;
  if (failedFiles.length > 0 || unreadable > 0) {
    const what = one && one.documents <= 1 ? one.file : `${plural(counts.failed + unreadable, "document")} in ${plural(failedFiles.length + unreadable, "file")}`;
    lines.push(`✖ ${what} ${counts.failed + unreadable === 1 ? "was" : "were"} not migrated to ${to}${options.dryRun || failedFiles.every((f) => f.documents <= 1) ? "" : "; a file with a document that cannot be migrated is not written"}`);
  }
  if (lines.length === 0) lines.push(`✔ no document to migrate`);
  return lines.join("\n");
}
