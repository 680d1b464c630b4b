import type { Host } from "@cohesion/core";
import { checkIntegrity } from "@cohesion/model";
import type { CohesionDocument, ValidationProblem } from "@cohesion/schema";
import { formatProblem, plural } from "../format-problems";
import { expandInputs, isLarge, readSource, type InputFailure } from "../inputs";
import { EXIT, type CliIO } from "../io";
import { cliProblem } from "../problems";
import { createProgress } from "../progress";

/** Options of `cohesion validate`. */
export interface ValidateOptions {
  inputs: readonly string[];
  format: "text" | "json";
  /** Check references across documents and against the installed plugins (default on). */
  integrity: boolean;
}

interface KeptDocument {
  document: CohesionDocument;
  file: string;
  line: number;
}

/**
 * `cohesion validate <files | dirs | ->`: checks every document against its schema (extended by the
 * installed plugins), then checks references across the documents and the installed content. NDJSON
 * streams are checked one line at a time and not kept, so memory stays flat for any input size.
 *
 * @example
 * ```sh
 * cohesion validate examples/ practices.ndjson --format json
 * ```
 */
export async function validateCommand(options: ValidateOptions, io: CliIO, host: Host): Promise<number> {
  const problems: ValidationProblem[] = [];
  const kept: KeptDocument[] = [];
  let documents = 0;
  let invalidDocuments = 0;
  let files = 0;
  let ioFailure = false;
  const failure = (item: InputFailure) => {
    if (item.code === "file_not_found" || item.code === "not_readable") ioFailure = true;
    const params = { file: item.file, detail: item.detail, line: item.line ?? 1, column: item.column ?? 1 };
    problems.push({ ...cliProblem(item.code, "", params), file: item.file, ...(item.line === undefined ? {} : { line: item.line }) });
    if (item.code === "invalid_json" || item.code === "empty_input") invalidDocuments++;
  };
  for await (const source of expandInputs(options.inputs)) {
    if ("type" in source) {
      failure(source);
      continue;
    }
    files++;
    const progress = isLarge(source) ? createProgress(io.stderr, source.file, source.size ?? 0) : undefined;
    for await (const batch of readSource(source, { stdin: io.stdin, ...(progress ? { onBytes: (n: number) => progress.advance(n) } : {}) })) {
      for (const item of batch) {
        if (item.type === "failure") {
          failure(item);
          continue;
        }
        documents++;
        const report = host.validate(item.value);
        if (!report.valid) invalidDocuments++;
        for (const problem of report.errors) problems.push({ ...problem, file: item.file, line: item.line });
        if (report.valid && options.integrity && !item.streamed) kept.push({ document: item.value as CohesionDocument, file: item.file, line: item.line });
      }
    }
    progress?.done();
  }
  if (options.integrity && kept.length > 0) {
    const found = integrityProblems(kept, host);
    problems.push(...found);
    invalidDocuments += new Set(found.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line}:${String(p.params["documentId"])}`)).size;
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  const valid = errors === 0;
  if (options.format === "json") {
    io.stdout.write(`${JSON.stringify({ valid, documents, invalidDocuments, files, errors: problems }, null, 2)}\n`);
  } else {
    for (const problem of problems) io.stdout.write(`${formatProblem(problem)}\n`);
    const summary = `${plural(documents, "document")} in ${plural(files, "file")}: ${
      valid ? "all valid" : `${plural(invalidDocuments, "invalid document")}, ${plural(errors, "error")}`
    }${warnings ? `, ${plural(warnings, "warning")}` : ""}`;
    io.stdout.write(`${valid ? "✔" : "✖"} ${summary}\n`);
  }
  if (ioFailure) return EXIT.usage;
  return valid ? EXIT.ok : EXIT.invalid;
}

/**
 * Checks the given documents' references together with the installed content; only problems found in the
 * given documents are reported, each placed at its file and line.
 */
function integrityProblems(kept: readonly KeptDocument[], host: Host): ValidationProblem[] {
  const keyOf = (d: CohesionDocument) => `${d.kind}:${"id" in d ? String(d.id) : ""}`;
  const given = new Map(kept.map((k) => [keyOf(k.document), k]));
  // A file that repeats installed content (validating a plugin's own folder) stands in for it.
  const installed = host.documents().filter((d) => !given.has(keyOf(d)));
  const report = checkIntegrity([...kept.map((k) => k.document), ...installed]);
  const out: ValidationProblem[] = [];
  for (const problem of report.errors) {
    const id = problem.params["documentId"];
    const kind = problem.params["documentKind"];
    const origin = typeof id === "string" ? given.get(`${String(kind)}:${id}`) ?? [...given.values()].find((k) => "id" in k.document && k.document.id === id) : undefined;
    if (!origin) continue;
    out.push({ ...problem, file: origin.file, line: origin.line });
  }
  return out;
}
