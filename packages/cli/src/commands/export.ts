import { readdir, stat } from "node:fs/promises";
import { makeFolder } from "@cohesion/core/folders";
import { join } from "node:path";
import { chooseAdapter, type AdapterKind } from "@cohesion/adapter-kit";
import type { Host } from "@cohesion/core";
import type { CohesionDocument } from "@cohesion/schema";
import { loadAdapters } from "../adapter-host";
import { OutputExistsError, writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import { oneLine } from "../format-problems";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { cliProblem } from "../problems";
import { failureProblem, isIoFailure, readOneDocument } from "../read-document";

/** `cohesion export`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length > 1) throw new UsageError("export takes one document file (or --benchmark <id>)");
  const [file] = positionals;
  const benchmark = context.string("benchmark");
  const version = context.string("version");
  const to = context.string("to");
  const out = context.string("out");
  if ((file === undefined) === (benchmark === undefined)) throw new UsageError("export needs a document file or --benchmark <id> (one of the two)", "`cohesion list benchmarks` shows the installed benchmarks");
  if (!out) throw new UsageError("export needs --out <file> (or a folder, for formats of several files)");
  const options: ExportOptions = { out, force: context.flag("force"), today: context.today, format: context.format === "json" ? "json" : "text" };
  if (file !== undefined) options.file = file;
  if (benchmark !== undefined) options.benchmark = benchmark;
  if (version !== undefined) options.version = version;
  if (to !== undefined) options.to = to;
  return exportCommand(options, context.io, await context.host());
}

/** Options of `cohesion export`. */
export interface ExportOptions {
  /** A document file (or - for standard input); or else `benchmark`. */
  file?: string;
  benchmark?: string;
  version?: string;
  to?: string;
  out: string;
  force: boolean;
  today: string;
  /** `json`: nothing but the envelope on standard output; `text` (the default) says what was written on standard error. */
  format?: "text" | "json";
}

/** The result of `cohesion export`: what was written, by which adapter, from what. */
export interface ExportResult {
  out: string;
  adapter: string;
  format: string;
  /** The files written, relative to `out` for a format of several files, else `out` itself. */
  files: string[];
  /** The document exported: its file, or the benchmark's id and version. */
  from: string;
}

/**
 * `cohesion export <document | --benchmark id> --to <format> --out <file>`: writes a document through the
 * adapter registered for the format (or for the extension of `--out`): a benchmark as the officer's
 * questionnaire workbook, content as a data package, any document as a lossless workbook.
 *
 * @example
 * ```sh
 * cohesion export --benchmark eurocities.neighbourhood-participation --to xlsx --out questionnaire.xlsx
 * ```
 */
export async function exportCommand(options: ExportOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  const text = options.format !== "json";
  let document: CohesionDocument;
  let label: string;
  const file = options.file;
  if (file !== undefined) {
    const loaded = await readOneDocument(file, io);
    if ("code" in loaded) return { exit: isIoFailure(loaded) ? EXIT.usage : EXIT.invalid, problems: [failureProblem(loaded)] };
    const validation = host.validate(loaded.value);
    if (!validation.valid) return { exit: EXIT.invalid, problems: validation.errors.map((problem) => ({ ...problem, file })) };
    document = loaded.value as CohesionDocument;
    label = file;
  } else {
    const found = findBenchmark(host, options.benchmark ?? "", options.version);
    if (!found.ok) return { exit: EXIT.invalid, problems: [found.problem] };
    document = found.benchmark;
    label = `${found.benchmark.id} ${found.benchmark.version}`;
  }
  const adapters = await loadAdapters(host);
  const choice = chooseAdapter(adapters, { direction: "write", kind: document.kind as AdapterKind, fileName: options.out, ...(options.to === undefined ? {} : { format: options.to }) });
  if (!choice.ok) throw new UsageError(choice.message, "`cohesion list adapters` shows what each installed adapter reads and writes");
  const { adapter } = choice;
  const documents = [...host.documents(), ...host.catalog().scales()];
  const written = await adapter.write!({ document, documents, today: options.today });
  if (!written.ok) return { exit: EXIT.invalid, problems: written.report.errors };
  // What the adapter could not carry over (warnings), listed after what was written.
  const warnings = written.report.errors;
  const result: ExportResult = { out: options.out, adapter: adapter.id, format: adapter.format, files: [], from: label };
  const inputs = file === undefined || file === "-" ? [] : [file];
  if (adapter.multiFile === true) {
    const found = await stat(options.out).catch(() => undefined);
    if (found && !found.isDirectory()) throw new UsageError(`${options.out} is a file, but ${adapter.format} writes several files: give a folder as --out`);
    if (found && (await readdir(options.out)).length > 0 && !options.force) throw new OutputExistsError(options.out);
    await makeFolder(options.out);
    for (const piece of written.files) await writeFileAtomic(join(options.out, piece.path), piece.data, { force: options.force, inputs });
    result.files = written.files.map((file) => file.path);
    if (text) io.stderr.write(`wrote ${oneLine(options.out)}: ${written.files.length} files (${oneLine(adapter.title)}) from ${oneLine(label)}\n`);
    return { exit: EXIT.ok, problems: warnings, result };
  }
  const [output] = written.files;
  if (!output) return { exit: EXIT.usage, problems: [...warnings, cliProblem("write_failed", "", { file: options.out, detail: `the ${adapter.id} adapter produced no file` })] };
  await writeFileAtomic(options.out, output.data, { force: options.force, inputs });
  result.files = [options.out];
  if (text) io.stderr.write(`wrote ${oneLine(options.out)} (${oneLine(adapter.title)}) from ${oneLine(label)}\n`);
  return { exit: EXIT.ok, problems: warnings, result };
}
