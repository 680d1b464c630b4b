import type { Host } from "@cohesion/core";
import { checkIntegrity } from "@cohesion/model/integrity";
import { DOCUMENT_KINDS, schemas, type CohesionDocument, type ValidationProblem } from "@cohesion/schema";
import { formatProblem, plural } from "../format-problems";
import { expandInputs, isLarge, isNdjsonFile, readSourceLines, type ByteBatch, type InputDocument, type InputFailure, type LineBatch } from "../inputs";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { createProgress } from "../progress";
import { failureProblem, isIoFailure, placeProblems } from "../read-document";
import { checkLineBatch, type CheckedBatch } from "../validate-batch";
import { DEFAULT_WORKERS_FROM, validationWorkerFile, ValidationPool, validationWorkers, validationWorkersFrom, workersForSize } from "../validate-pool";

/** Options of `cohesion validate`. */
export interface ValidateOptions {
  inputs: readonly string[];
  format: "text" | "json";
  /** Check references across documents and against the installed plugins (default on). */
  integrity: boolean;
  /**
   * Worker threads for large NDJSON streams (0: everything in the main thread), or a function that counts
   * them when a stream first reaches `workersFrom`. When plugins extend a schema, workers build their own
   * host from `cwd` and `plugins`, which must be what the given host was built from.
   */
  workers?: number | (() => number);
  /** Size of an NDJSON stream from which workers are used (default 100 MB). */
  workersFrom?: number;
  /** The `--plugin` paths the host was built with, for the workers' hosts. */
  plugins?: readonly string[];
  cwd?: string;
}

/** Characters of NDJSON lines sent to a worker at once. */
const WORKER_BATCH_CHARS = 256 * 1024;

interface KeptDocument {
  document: CohesionDocument;
  item: InputDocument;
}

/** `cohesion validate`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length === 0) throw new UsageError("validate needs at least one file, folder or - for standard input", "run `cohesion validate --help` for usage");
  const env = context.io.env ?? process.env;
  // Unless set, the free cores are counted when a large stream first needs workers, not for every command.
  const given = env["COHESION_VALIDATE_WORKERS"];
  const workers = given === undefined || given.trim() === "" ? () => validationWorkers(env) ?? 0 : validationWorkers(env);
  if (workers === undefined) throw new UsageError(`COHESION_VALIDATE_WORKERS must be a whole number (0 validates in one thread), not "${env["COHESION_VALIDATE_WORKERS"] ?? ""}"`);
  const workersFrom = validationWorkersFrom(env);
  if (workersFrom === undefined) throw new UsageError(`COHESION_VALIDATE_WORKERS_FROM_MB must be a whole number of megabytes, not "${env["COHESION_VALIDATE_WORKERS_FROM_MB"] ?? ""}"`);
  const plugins = (context.args.values["plugin"] as string[] | undefined) ?? [];
  const options: ValidateOptions = { inputs: positionals, format: context.format === "json" ? "json" : "text", integrity: !context.flag("no-integrity"), workers, workersFrom, plugins, cwd: context.io.cwd };
  return validateCommand(options, context.io, await context.lazyHost(), context);
}

/**
 * `cohesion validate <files | dirs | ->`: checks every document against its schema (extended by the
 * installed plugins), then checks references across the documents and the installed content. NDJSON
 * streams are checked one line at a time and not kept, so memory stays flat for any input size.
 *
 * The host may be given as a function, called on first use: a large stream's workers then start up while
 * the main thread loads the plugins.
 *
 * @example
 * ```sh
 * cohesion validate examples/ practices.ndjson --format json
 * ```
 */
export async function validateCommand(options: ValidateOptions, io: CliIO, openHost: Host | (() => Host), context?: Pick<CommandContext, "colour">): Promise<CommandOutcome> {
  // Opened on first use, so that validation workers start up while the main thread loads the plugins.
  let opened = typeof openHost === "function" ? undefined : openHost;
  const host = () => (opened ??= (openHost as () => Host)());
  const problems: ValidationProblem[] = [];
  const kept: KeptDocument[] = [];
  let documents = 0;
  let invalidDocuments = 0;
  let files = 0;
  let ioFailure = false;
  const failure = (item: InputFailure) => {
    if (isIoFailure(item)) ioFailure = true;
    problems.push(failureProblem(item));
    if (!isIoFailure(item)) invalidDocuments++;
  };
  const checked = (result: CheckedBatch) => {
    documents += result.documents;
    for (const event of result.events) {
      if (event.type === "failure") failure(event);
      else {
        if (!event.valid) invalidDocuments++;
        for (const problem of event.errors) problems.push({ ...problem, file: event.file, line: event.line });
      }
    }
  };
  // Large NDJSON streams are checked in worker threads, started on the first one; results are taken in order.
  const workerFile = options.workers !== undefined && options.workers !== 0 ? validationWorkerFile() : undefined;
  const workersFrom = options.workersFrom ?? DEFAULT_WORKERS_FROM;
  let pool: ValidationPool | undefined;
  let counted: number | undefined;
  const startPool = (file: URL, bytes: number | undefined) => {
    counted ??= typeof options.workers === "function" ? options.workers() : (options.workers ?? 0);
    if (pool || counted === 0) return;
    pool = new ValidationPool(file, workersForSize(counted, bytes, workersFrom), { extended: extendsSchemas(host()), cwd: options.cwd ?? io.cwd, plugins: options.plugins ?? [] });
  };
  const drain = async () => {
    while (pool && pool.pending > 0) checked(await pool.next());
  };
  try {
    for await (const source of expandInputs(options.inputs)) {
      if ("type" in source) {
        failure(source);
        continue;
      }
      files++;
      const progress = isLarge(source) ? createProgress(io.stderr, source.file, source.size ?? 0) : undefined;
      let seen = 0;
      let gathered: LineBatch | undefined;
      let gatheredChars = 0;
      const send = async (batch: LineBatch | ByteBatch, to: ValidationPool) => {
        // The main thread checks a batch itself when no worker has room (while they start, too), and
        // takes results in input order.
        if (to.free) to.submit(batch);
        else to.done(checkLineBatch(batch, host()));
        for (let result = to.take(); result; result = to.take()) checked(result);
        while (to.pending >= to.capacity) checked(await to.next());
      };
      const reading = { stdin: io.stdin, ...(progress ? { onBytes: (n: number) => progress.advance(n) } : {}) };
      // A large NDJSON file goes to the workers as raw bytes: the main thread only reads and counts lines.
      if (workerFile && isNdjsonFile(source) && (source.size ?? 0) >= workersFrom) startPool(workerFile, source.size);
      for await (const batch of readSourceLines(source, reading)) {
        if (!("type" in batch)) {
          await drain();
          for (const item of batch) {
            if (item.type === "failure") {
              failure(item);
              continue;
            }
            documents++;
            const report = host().validate(item.value);
            const valid = report.valid && !item.duplicates?.length;
            if (!valid) invalidDocuments++;
            for (const problem of placeProblems(item, report.errors)) problems.push(problem);
            if (valid && options.integrity && !item.streamed) kept.push({ document: item.value as CohesionDocument, item });
          }
          continue;
        }
        if (batch.type === "bytes") {
          if (pool) await send(batch, pool);
          else checked(checkLineBatch(batch, host()));
          continue;
        }
        // Standard input that turns out to be a large NDJSON stream: workers once it is large enough.
        if (workerFile && !pool && source.size === undefined) {
          for (const line of batch.lines) seen += line.length + 1;
          if (seen >= workersFrom) startPool(workerFile, undefined);
        }
        if (!pool) {
          checked(checkLineBatch(batch, host()));
          continue;
        }
        // Gather chunks into batches of a few hundred KB: fewer messages, same line numbers.
        gathered ??= { ...batch, lines: [] };
        for (const line of batch.lines) {
          gathered.lines.push(line);
          gatheredChars += line.length + 1;
        }
        if (gatheredChars >= WORKER_BATCH_CHARS) {
          const full = gathered;
          gathered = undefined;
          gatheredChars = 0;
          await send(full, pool);
        }
      }
      if (gathered && pool) await send(gathered, pool);
      await drain();
      progress?.done();
    }
  } finally {
    await pool?.close();
  }
  if (options.integrity && kept.length > 0) {
    const found = integrityProblems(kept, host());
    for (const problem of found) problems.push(problem);
    invalidDocuments += new Set(found.filter((p) => p.severity === "error").map((p) => `${p.file}:${String(p.params["item"] ?? "")}:${String(p.params["documentId"])}`)).size;
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  const valid = errors === 0;
  const exit = ioFailure ? EXIT.usage : valid ? EXIT.ok : EXIT.invalid;
  const result = { valid, documents, invalidDocuments, files };
  if (options.format === "json") return { exit, problems, result };
  const colour = context?.colour;
  const lines = problems.map((problem) => `${formatProblem(problem, colour)}\n`);
  const summary = `${plural(documents, "document")} in ${plural(files, "file")}: ${
    valid ? "all valid" : `${plural(invalidDocuments, "invalid document")}, ${plural(errors, "error")}`
  }${warnings ? `, ${plural(warnings, "warning")}` : ""}`;
  lines.push(`${valid ? (colour ? colour.green("✔") : "✔") : colour ? colour.red("✖") : "✖"} ${summary}\n`);
  // Every problem line went through formatProblem, which escapes what came from the input.
  return { exit, problems, result, text: lines.join(""), textShowsProblems: true, textEscaped: true };
}

/** Whether the host's plugins extend the schema of any kind (the host then validates beyond @cohesion/schema). */
function extendsSchemas(host: Host): boolean {
  return DOCUMENT_KINDS.some((kind) => host.schemaFor(kind) !== schemas[kind]);
}

/**
 * Checks the given documents' references against each other and the installed content (which is known,
 * not checked again); each problem is placed at its document's file and line.
 */
function integrityProblems(kept: readonly KeptDocument[], host: Host): ValidationProblem[] {
  const keyOf = (d: CohesionDocument) => `${d.kind}:${"id" in d ? String(d.id) : ""}`;
  const given = new Set(kept.map((k) => keyOf(k.document)));
  // A file that repeats installed content (validating a plugin's own folder) stands in for it.
  const installed = host.documents().filter((d) => !given.has(keyOf(d)));
  const report = checkIntegrity(kept.map((k) => k.document), { context: installed });
  const out: ValidationProblem[] = [];
  for (const problem of report.errors) {
    const index = problem.params["documentIndex"];
    const origin = typeof index === "number" ? kept[index] : undefined;
    if (origin) out.push(...placeProblems(origin.item, [problem]));
  }
  return out;
}
