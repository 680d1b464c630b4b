import type { AnswerArrays, CompiledNode, CompiledTree } from "./compile-tree";
import type { Evaluation } from "./evaluate-tree";
import { traceOf, type TraceFigures } from "./trace";

// The browser build's lazy-trace.ts: every trace is written when its node is, so the report holds plain
// data properties and JSON.stringify needs no help. The same traces, less code; a page scores a few
// assessments, where writing traces later would save little.

/**
 * What the traces of one report are written from: its evaluation and answers, read at once.
 *
 * @example
 * ```ts
 * const traces: ReportTraces = reportTraces(tree, evaluation, answers, rules.coverageThreshold);
 * ```
 */
export interface ReportTraces {
  readonly figures: TraceFigures;
  readonly answers: AnswerArrays;
}

/**
 * The evaluation and answers traces are written from (no copy: they are read before the next assessment).
 *
 * @example
 * ```ts
 * const traces = reportTraces(tree, evaluation, answers, rules.coverageThreshold);
 * ```
 */
export function reportTraces(_tree: CompiledTree, evaluation: Evaluation, answers: AnswerArrays, _coverageThreshold: number): ReportTraces {
  return { figures: evaluation, answers };
}

/**
 * Writes `node`'s trace on `out` now.
 *
 * @example
 * ```ts
 * defineLazyTrace(out, node, reportTraces(tree, evaluation, answers, rules.coverageThreshold));
 * ```
 */
export function defineLazyTrace(out: { trace?: unknown }, node: CompiledNode, report: ReportTraces): void {
  out.trace = traceOf(node, report.figures, report.answers);
}

/**
 * Nothing to do: every trace is written already.
 *
 * @example
 * ```ts
 * writeTracesBeforeJson(overall);
 * ```
 */
export function writeTracesBeforeJson(_root: unknown): void {}
