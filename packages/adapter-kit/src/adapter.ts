import type { CohesionDocument, DocumentKind, ValidationProblem, ValidationReport } from "@cohesion/schema";

/**
 * What an adapter reads or writes: a document kind, or `score-table` (the rows of `createScorer().scoreAll`).
 *
 * @example
 * ```ts
 * const kinds: AdapterKind[] = ["benchmark", "score-report"];
 * ```
 */
export type AdapterKind = DocumentKind | "score-report" | "score-table";

/**
 * What {@link Adapter.write} is given: the document to write, and everything the caller has loaded, for
 * adapters that need more than the document (a questionnaire needs the benchmark's scale; a data package
 * takes every practice and place).
 *
 * @example
 * ```ts
 * const input: WriteInput = { document: benchmark, documents: host.documents() };
 * ```
 */
export interface WriteInput {
  /** The document (or score-report input) to write; adapters check it and answer a report when it is not theirs. */
  readonly document: unknown;
  /** Other loaded documents (benchmarks, scales, practices, places) the adapter may look things up in. */
  readonly documents?: readonly CohesionDocument[];
  /** The date written into generated files, YYYY-MM-DD; defaults to today. */
  readonly today?: string;
  /** Format-specific extras, documented by each adapter (a report takes `peers` and `mentors`). */
  readonly extras?: Readonly<Record<string, unknown>>;
}

/**
 * One file an adapter wrote. A single-file format answers one file with path `""` (the caller names it);
 * a multi-file format (a data package) answers paths relative to the folder the caller chooses.
 *
 * @example
 * ```ts
 * const file: OutputFile = { path: "data/practices.csv", data: "id,title\r\n" };
 * ```
 */
export interface OutputFile {
  readonly path: string;
  readonly data: Uint8Array | string;
}

/**
 * The outcome of a write: the files, or why nothing was written. Warnings (`valid` stays true) say what a
 * format cannot carry.
 *
 * @example
 * ```ts
 * const result = await adapter.write!({ document: benchmark });
 * if (result.ok) await writeFile("questionnaire.xlsx", result.files[0]!.data);
 * else console.error(result.report.errors);
 * ```
 */
export type WriteResult = { readonly ok: true; readonly files: readonly OutputFile[]; readonly report: ValidationReport } | { readonly ok: false; readonly report: ValidationReport };

/**
 * What {@link Adapter.read} is given: the bytes of one file, its name (for messages), and the loaded
 * documents the file may refer to (an officer's workbook names its benchmark; the benchmark comes from here).
 *
 * @example
 * ```ts
 * const input: ReadInput = { data: await readFile("filled.xlsx"), fileName: "filled.xlsx", documents: host.documents() };
 * ```
 */
export interface ReadInput {
  readonly data: Uint8Array;
  readonly fileName?: string;
  readonly documents?: readonly CohesionDocument[];
}

/**
 * The outcome of a read: the documents made (each still to be validated by the caller's host, which may know
 * plugin schema extensions), and a report. `report.valid` is false when a mistake in the file stopped a
 * document from being made faithfully; warnings say what was not carried over (code `not_carried_over`).
 * A read never throws: a file that is not of the format is answered with a report.
 *
 * @example
 * ```ts
 * const result = await adapter.read!({ data });
 * for (const problem of result.report.errors) console.log(problem.severity, problem.message);
 * ```
 */
export interface ReadResult {
  readonly documents: readonly CohesionDocument[];
  readonly report: ValidationReport;
}

/**
 * An adapter between Cohesion documents and an outside format, registered on the `adapters` extension
 * point ({@link adaptersPoint}). It declares what it reads and writes so a host can pick it without running it.
 *
 * @example
 * ```ts
 * const csv: Adapter = {
 *   id: "acme.csv", title: "CSV", format: "csv", mediaType: "text/csv", extensions: [".csv"],
 *   reads: [], writes: ["practice"], browser: { read: false, write: true },
 *   write: async ({ document }) => ({ ok: true, files: [{ path: "", data: toCsv(document) }], report: { valid: true, errors: [] } }),
 * };
 * ```
 */
export interface Adapter {
  /** Namespaced id, declared in the plugin's manifest under `contributes.adapters`. */
  readonly id: string;
  readonly title: string;
  /** The short format id users type: `--to xlsx`, `--from xlsform`. */
  readonly format: string;
  /** The IANA media type of what it writes (of the main file, for a multi-file format). */
  readonly mediaType: string;
  /** File extensions it reads or writes, lower case with the dot: `[".xlsx"]`. */
  readonly extensions: readonly string[];
  /** What `read` makes. Empty when the adapter only writes. */
  readonly reads: readonly AdapterKind[];
  /** What `write` accepts. Empty when the adapter only reads. */
  readonly writes: readonly AdapterKind[];
  /** Whether `read` and `write` run in a browser (no Node built-ins). */
  readonly browser: { readonly read: boolean; readonly write: boolean };
  /** True when the output is several files (written to a folder). */
  readonly multiFile?: boolean;
  read?(input: ReadInput): Promise<ReadResult>;
  write?(input: WriteInput): Promise<WriteResult>;
}

/**
 * Builds a problem an adapter reports, with a stable snake_case code.
 *
 * @example
 * ```ts
 * adapterProblem("not_carried_over", "warning", "/answers/q1", "Column H of Questionnaire!H7 is not part of the template; its value was left out.", { cell: "Questionnaire!H7" });
 * ```
 */
export function adapterProblem(
  code: string,
  severity: "error" | "warning" | "info",
  pointer: string,
  message: string,
  params: Record<string, string | number | boolean> = {},
): ValidationProblem {
  return { code, severity, pointer, message, params } as ValidationProblem;
}
