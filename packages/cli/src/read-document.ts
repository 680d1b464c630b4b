import { stat } from "node:fs/promises";
import { joinPointer, type ValidationProblem } from "@cohesion/schema";
import { expandInputs, readSource, type InputDocument, type InputFailure } from "./inputs";
import type { CliIO } from "./io";
import { cliProblem } from "./problems";

/**
 * Reads exactly one JSON document from a file (or `-` for standard input), for the commands that work
 * on one document at a time (`score`, `report`, `migrate`).
 *
 * @example
 * ```ts
 * const read = await readOneDocument("athens.json", io);
 * if ("code" in read) console.error(formatProblem(failureProblem(read)));
 * ```
 */
export async function readOneDocument(file: string, io: Pick<CliIO, "stdin">, what = "document"): Promise<InputDocument | InputFailure> {
  // A folder would be walked for every file in it; these commands take one document.
  if (file !== "-" && (await stat(file).then((s) => s.isDirectory(), () => false))) {
    return { type: "failure", file, code: "is_a_folder", detail: "a folder", params: { what } };
  }
  const documents: InputDocument[] = [];
  for await (const source of expandInputs([file])) {
    if ("type" in source) return source;
    for await (const batch of readSource(source, { stdin: io.stdin })) {
      for (const item of batch) {
        if (item.type === "failure") return item;
        documents.push(item);
      }
    }
  }
  if (documents.length !== 1) {
    return { type: "failure", file, code: "invalid_json", detail: `expected one ${what}, found ${documents.length}` };
  }
  return documents[0] as InputDocument;
}

/** An input failure (missing file, bad JSON…) as a problem in the report format, with file and line. */
export function failureProblem(failure: InputFailure): ValidationProblem {
  const params = { file: failure.file, detail: failure.detail, line: failure.line ?? 1, column: failure.column ?? 1, ...failure.params };
  return { ...cliProblem(failure.code, "", params), file: failure.file, ...(failure.line === undefined ? {} : { line: failure.line }) };
}

/** Whether an input failure is the user's path (exit 2) rather than the content (exit 1). */
export function isIoFailure(failure: InputFailure): boolean {
  return failure.code === "file_not_found" || failure.code === "not_readable" || failure.code === "symlink_loop" || failure.code === "is_a_folder" || failure.code === "empty_folder";
}

/**
 * A document's problems placed in its file: the line and column (`params.column`) the pointer leads to,
 * and for an item of an array, its index (`params.item`); repeated keys come first, as `duplicate_key`.
 */
export function placeProblems(item: InputDocument, all: readonly ValidationProblem[]): ValidationProblem[] {
  const problems = capProblems(all);
  const placed: ValidationProblem[] = [];
  for (const duplicate of item.duplicates ?? []) {
    const key = duplicate.pointer.slice(duplicate.pointer.lastIndexOf("/") + 1).replaceAll("~1", "/").replaceAll("~0", "~");
    const { line, column } = item.streamed ? { line: item.line, column: duplicate.kept.column } : duplicate.kept;
    const problem = cliProblem("duplicate_key", duplicate.pointer, { key: JSON.stringify(key), firstLine: item.streamed ? item.line : duplicate.first.line, firstColumn: duplicate.first.column, line, column });
    placed.push(place(item, problem, item.streamed ? undefined : duplicate.first));
  }
  for (const problem of problems) placed.push(place(item, problem, item.locate?.(keyPointer(problem)) ?? item.locate?.(problem.pointer)));
  return placed;
}

// An unknown field is reported at the object that holds it (its pointer), but the place to fix is the
// field's own key: that is where the problem is placed in the file.
function keyPointer(problem: ValidationProblem): string {
  const field = problem.params["field"];
  return problem.code === "unknown_field" && typeof field === "string" ? joinPointer(problem.pointer, field) : problem.pointer;
}

/** Problems shown for one document at most; the rest are counted in one `more_problems`. */
export const PROBLEMS_PER_DOCUMENT = 1000;

/**
 * A document's problems, at most {@link PROBLEMS_PER_DOCUMENT} of them and then one `more_problems` that
 * counts the rest by severity: a document with a million bad items gets a report one can read (and that
 * fits in memory), and still is not valid.
 */
export function capProblems(problems: readonly ValidationProblem[]): readonly ValidationProblem[] {
  if (problems.length <= PROBLEMS_PER_DOCUMENT) return problems;
  const shown = problems.slice(0, PROBLEMS_PER_DOCUMENT);
  const rest = problems.length - shown.length;
  const errors = problems.slice(PROBLEMS_PER_DOCUMENT).filter((p) => p.severity === "error").length;
  const problem = cliProblem("more_problems", "", { count: rest, errors, shown: PROBLEMS_PER_DOCUMENT });
  return [...shown, errors > 0 ? problem : { ...problem, severity: "warning" }];
}

function place(item: InputDocument, problem: ValidationProblem, at: { line: number; column: number } | undefined): ValidationProblem {
  const params = { ...problem.params, ...(at ? { column: at.column } : {}), ...(item.index === undefined ? {} : { item: item.index }) };
  return { ...problem, params, file: item.file, line: at?.line ?? item.line };
}
