import { mkdir, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { chooseAdapter, type AdapterKind } from "@cohesion/adapter-kit";
import type { Host } from "@cohesion/core";
import type { CohesionDocument, ValidationProblem } from "@cohesion/schema";
import { loadAdapters } from "../adapter-host";
import { OutputExistsError, writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import { formatProblem } from "../format-problems";
import { EXIT, UsageError, type CliIO } from "../io";
import { cliProblem } from "../problems";
import { failureProblem, isIoFailure, readOneDocument } from "../read-document";

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
export async function exportCommand(options: ExportOptions, io: CliIO, host: Host): Promise<number> {
  const fail = (problems: readonly ValidationProblem[], code: number) => {
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return code;
  };
  let document: CohesionDocument;
  let label: string;
  const file = options.file;
  if (file !== undefined) {
    const loaded = await readOneDocument(file, io);
    if ("code" in loaded) return fail([failureProblem(loaded)], isIoFailure(loaded) ? EXIT.usage : EXIT.invalid);
    const validation = host.validate(loaded.value);
    if (!validation.valid) return fail(validation.errors.map((problem) => ({ ...problem, file })), EXIT.invalid);
    document = loaded.value as CohesionDocument;
    label = file;
  } else {
    const found = findBenchmark(host, options.benchmark ?? "", options.version);
    if (!found.ok) return fail([found.problem], EXIT.invalid);
    document = found.benchmark;
    label = `${found.benchmark.id} ${found.benchmark.version}`;
  }
  const adapters = await loadAdapters(host);
  const choice = chooseAdapter(adapters, { direction: "write", kind: document.kind as AdapterKind, fileName: options.out, ...(options.to === undefined ? {} : { format: options.to }) });
  if (!choice.ok) throw new UsageError(choice.message, "`cohesion list adapters` shows what each installed adapter reads and writes");
  const { adapter } = choice;
  const documents = [...host.documents(), ...host.catalog().scales()];
  const result = await adapter.write!({ document, documents, today: options.today });
  if (!result.ok) return fail(result.report.errors, EXIT.invalid);
  for (const problem of result.report.errors) io.stderr.write(`${formatProblem(problem)}\n`);
  if (adapter.multiFile === true) {
    const found = await stat(options.out).catch(() => undefined);
    if (found && !found.isDirectory()) throw new UsageError(`${options.out} is a file, but ${adapter.format} writes several files: give a folder as --out`);
    if (found && (await readdir(options.out)).length > 0 && !options.force) throw new OutputExistsError(options.out);
    await mkdir(options.out, { recursive: true });
    for (const file of result.files) await writeFileAtomic(join(options.out, file.path), file.data, { force: options.force });
    io.stderr.write(`wrote ${options.out}: ${result.files.length} files (${adapter.title}) from ${label}\n`);
    return EXIT.ok;
  }
  const [output] = result.files;
  if (!output) return fail([cliProblem("write_failed", "", { file: options.out, detail: `the ${adapter.id} adapter produced no file` })], EXIT.usage);
  await writeFileAtomic(options.out, output.data, { force: options.force });
  io.stderr.write(`wrote ${options.out} (${adapter.title}) from ${label}\n`);
  return EXIT.ok;
}
