import { basename } from "node:path";
import { chooseAdapter } from "@cohesion/adapter-kit";
import type { Host } from "@cohesion/core";
import { toReport, type ValidationProblem } from "@cohesion/schema";
import { loadAdapters } from "../adapter-host";
import { writeFileAtomic } from "../atomic-write";
import { formatProblem, plural } from "../format-problems";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { readInputBytes } from "../inputs";
import { failureProblem, isIoFailure } from "../read-document";

/** `cohesion import`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError("import needs one file (or - for standard input)");
  const from = context.string("from");
  const out = context.string("out");
  const options: ImportOptions = { file: positionals[0] as string, force: context.flag("force"), format: context.format === "json" ? "json" : "text" };
  if (from !== undefined) options.from = from;
  if (out !== undefined) options.out = out;
  return importCommand(options, context.io, await context.host());
}

/** Options of `cohesion import`. */
export interface ImportOptions {
  file: string;
  from?: string;
  out?: string;
  force: boolean;
  format: "text" | "json";
}

/**
 * The result of `cohesion import`: how many documents were read and where they went; with `--format json`
 * and no `--out`, the documents themselves.
 */
export interface ImportResult {
  count: number;
  out?: string;
  documents?: unknown[];
}

/**
 * `cohesion import <file> [--from <format>] [--out file]`: reads a file through the adapter registered for
 * the format (or the file's extension) and writes the documents it holds as JSON (one document as an
 * object, several as an array). Every problem is printed with where it is (sheet!cell, row, column); with
 * any error nothing is written and the exit code is 1. Warnings (what was not carried over) do not stop it.
 *
 * @example
 * ```sh
 * cohesion import filled-questionnaire.xlsx --out malmo-2024.json
 * ```
 */
export async function importCommand(options: ImportOptions, io: CliIO, host: Host): Promise<CommandOutcome> {
  const adapters = await loadAdapters(host);
  const choice = chooseAdapter(adapters, { direction: "read", fileName: options.file, ...(options.from === undefined ? {} : { format: options.from }) });
  if (!choice.ok) throw new UsageError(choice.message, "name the format with --from; `cohesion list adapters` shows the installed ones");
  const bytes = await readInputBytes(options.file, io.stdin, "workbook or submissions");
  if (!Buffer.isBuffer(bytes)) return { exit: isIoFailure(bytes) ? EXIT.usage : EXIT.invalid, problems: [failureProblem(bytes)], result: { count: 0 } satisfies ImportResult };
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fileName = options.file === "-" ? "standard input" : basename(options.file);
  const read = await choice.adapter.read!({ data, fileName, documents: [...host.documents(), ...host.catalog().scales()] });
  // The host knows plugin schema extensions the adapter does not: every document is validated here too.
  const problems: ValidationProblem[] = read.report.errors.map((problem) => ({ ...problem, file: options.file }));
  read.documents.forEach((document, index) => {
    const pointer = read.documents.length > 1 ? `/${index}` : "";
    // A mistake the adapter already reported at its cell or row is not reported again, under its own code or another.
    const reported = problems.filter((problem) => problem.severity === "error" && problem.pointer !== "" && problem.pointer.startsWith(pointer)).map((problem) => problem.pointer);
    const seen = new Set(problems.map((problem) => `${problem.code} ${problem.pointer}`));
    for (const found of host.validate(document).errors) {
      const at = `${pointer}${found.pointer}`;
      if (seen.has(`${found.code} ${at}`) || reported.some((p) => at === p || at.startsWith(`${p}/`))) continue;
      problems.push({ ...found, pointer: at, file: options.file });
    }
  });
  const text = options.format === "text";
  // In text, problems come first and a last line says what happened; the JSON envelope carries them all.
  const say = (problems: readonly ValidationProblem[], last: string) => {
    if (!text) return;
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(last);
  };
  if (!toReport(problems).valid || read.documents.length === 0) {
    const errors = problems.filter((problem) => problem.severity === "error").length;
    say(problems, `${options.file}: ${errors === 0 ? "no documents found" : plural(errors, "error")} — nothing written; fix ${errors === 1 ? "it" : "them"} and import again\n`);
    return { exit: EXIT.invalid, problems, result: { count: 0 } satisfies ImportResult, textShowsProblems: true };
  }
  const count = read.documents.length;
  const json = `${JSON.stringify(count === 1 ? read.documents[0] : read.documents, null, 2)}\n`;
  if (options.out === undefined || options.out === "-") {
    say(problems, "");
    // With --format json the documents travel in the envelope; otherwise they are the output.
    const result: ImportResult = { count, documents: [...read.documents] };
    return text ? { exit: EXIT.ok, problems, result, text: json, textShowsProblems: true } : { exit: EXIT.ok, problems, result };
  }
  await writeFileAtomic(options.out, json, { force: options.force, inputs: options.file === "-" ? [] : [options.file] });
  say(problems, `wrote ${options.out}: ${plural(count, "document")} from ${options.file}${problems.length > 0 ? ` (${plural(problems.length, "warning")} above)` : ""}\n`);
  return { exit: EXIT.ok, problems, result: { count, out: options.out } satisfies ImportResult, textShowsProblems: true };
}
