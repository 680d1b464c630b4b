import type { ValidationProblem } from "@cohesion/schema";
import { expandInputs, readSource, type InputFailure } from "./inputs";
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
export async function readOneDocument(file: string, io: Pick<CliIO, "stdin">, what = "document"): Promise<{ value: unknown } | InputFailure> {
  const documents: unknown[] = [];
  for await (const source of expandInputs([file])) {
    if ("type" in source) return source;
    for await (const batch of readSource(source, { stdin: io.stdin })) {
      for (const item of batch) {
        if (item.type === "failure") return item;
        documents.push(item.value);
      }
    }
  }
  if (documents.length !== 1) {
    return { type: "failure", file, code: "invalid_json", detail: `expected one ${what}, found ${documents.length}` };
  }
  return { value: documents[0] };
}

/** An input failure (missing file, bad JSON…) as a problem in the report format, with file and line. */
export function failureProblem(failure: InputFailure): ValidationProblem {
  const params = { file: failure.file, detail: failure.detail, line: failure.line ?? 1, column: failure.column ?? 1 };
  return { ...cliProblem(failure.code, "", params), file: failure.file, ...(failure.line === undefined ? {} : { line: failure.line }) };
}

/** Whether an input failure is the user's path (exit 2) rather than the content (exit 1). */
export function isIoFailure(failure: InputFailure): boolean {
  return failure.code === "file_not_found" || failure.code === "not_readable";
}
