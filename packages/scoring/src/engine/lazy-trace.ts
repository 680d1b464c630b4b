import type { ScoreNode } from "@cohesion/schema";
import type { AnswerArrays, AnswerDictionary, CompiledNode, CompiledTree } from "./compile-tree";
import { UNANSWERED_CODE } from "./compile-tree";
import { evaluateTree, type Evaluation } from "./evaluate-tree";
import type { TraceEntry } from "../types";
import { traceOf, type TraceFigures } from "./trace";

// Traces written on first read: a report kept in memory and never explained costs no trace objects.
// The browser build writes them at once instead (./lazy-trace.browser.ts): less code, same reports.


/**
 * What the traces of one report are written from when first read: its compiled tree and answers,
 * evaluated again then. The evaluation's own arrays serve the next assessment, and evaluating once more
 * on first read costs less than keeping a copy of every node's figures with every report. One per report.
 */
export interface ReportTraces {
  readonly tree: CompiledTree;
  /** The answers, or undefined while they are kept as `picks` (made from them on the first read). */
  answers: AnswerArrays | undefined;
  /** Each question's answer as one character: 1 + its place in `dictionary`, 0 when unanswered. */
  readonly picks: string;
  readonly dictionary: AnswerDictionary | undefined;
  readonly rounded: boolean;
  readonly coverageThreshold: number;
  /** The evaluation, made on the first trace read. */
  evaluation: Evaluation | undefined;
}

// Above this many questions the picks are not made into a string (one argument each): the arrays are copied.
const MAX_PICKS = 8192;

/**
 * What the traces of a report are written from: the tree and answers it was evaluated from (the
 * evaluation itself is made again when a trace is first read; `evaluateTree` gives the same figures
 * for the same answers). Answers read into arrays that serve the next assessment (`picks` given) are
 * kept as a string of one character per question, about a twentieth of the arrays.
 *
 * @example
 * ```ts
 * const traces = reportTraces(tree, evaluation, answers, rules.coverageThreshold);
 * ```
 */
export function reportTraces(tree: CompiledTree, _evaluation: Evaluation, answers: AnswerArrays, coverageThreshold: number): ReportTraces {
  const { picks, dictionary } = answers;
  const rounded = answers.rounded === true;
  if (picks === undefined || dictionary === undefined) return { tree, answers, picks: "", dictionary: undefined, rounded, coverageThreshold, evaluation: undefined };
  if (picks.length > MAX_PICKS || dictionary.levels.length >= 0xffff) {
    const copy: AnswerArrays = { codes: answers.codes.slice(), ...(answers.levels ? { levels: answers.levels.slice() } : {}), rounded };
    return { tree, answers: copy, picks: "", dictionary: undefined, rounded, coverageThreshold, evaluation: undefined };
  }
  return { tree, answers: undefined, picks: String.fromCharCode.apply(null, picks as number[]), dictionary, rounded, coverageThreshold, evaluation: undefined };
}

// The answers of a report, made from its picks on the first read.
function answersOf(report: ReportTraces): AnswerArrays {
  if (report.answers) return report.answers;
  const { picks, dictionary } = report;
  const codes = new Float64Array(picks.length);
  const levels = new Array<string | undefined>(picks.length);
  for (let i = 0; i < picks.length; i++) {
    const pick = picks.charCodeAt(i);
    codes[i] = pick === 0 ? UNANSWERED_CODE : (dictionary?.codes[pick - 1] as number);
    levels[i] = pick === 0 ? undefined : dictionary?.levels[pick - 1];
  }
  return (report.answers = { codes, levels, rounded: report.rounded });
}

// The figures of a report's traces, evaluated on the first read.
function figuresOf(report: ReportTraces): TraceFigures {
  return (report.evaluation ??= evaluateTree(report.tree, answersOf(report), report.coverageThreshold));
}

// Descriptors are reused: defineProperty reads them and keeps nothing.
const DATA: PropertyDescriptor = { value: undefined, writable: true, enumerable: true, configurable: true };

function setTrace(target: object, value: unknown): void {
  DATA.value = value;
  try {
    Object.defineProperty(target, "trace", DATA);
  } finally {
    DATA.value = undefined;
  }
}

// Returns the object it is given: a class extending it then puts its fields on that object.
class Given {
  constructor(target: object) {
    return target as Given;
  }
}

// What a node's trace is written from, its compiled node and its report's traces, in private fields of
// the node: no reader sees them (keys, spreads, JSON, structuredClone, deep equality), and a constructor
// call puts them there, where an own property took a defineProperty call and an object of its own.
class TraceSource extends Given {
  readonly #node: CompiledNode;
  readonly #report: ReportTraces;

  constructor(target: object, node: CompiledNode, report: ReportTraces) {
    super(target);
    this.#node = node;
    this.#report = report;
  }

  /** Whether `target` is a node whose trace is written on first read. */
  static has(target: object): boolean {
    return #node in target;
  }

  /** The trace of a node given a source, or undefined for any other object. */
  static traceOf(target: object): TraceEntry[] | undefined {
    if (!(#node in target)) return undefined;
    const source = target as TraceSource;
    return traceOf(source.#node, figuresOf(source.#report), answersOf(source.#report));
  }
}

function readTrace(this: object): TraceEntry[] | undefined {
  const trace = TraceSource.traceOf(this);
  if (trace === undefined) return undefined;
  // Written once: later reads see the same array. A frozen node keeps its accessor and writes it again.
  if (Object.isExtensible(this)) setTrace(this, trace);
  return trace;
}

function writeTrace(this: object, value: unknown): void {
  setTrace(this, value);
}

const TRACE_DESCRIPTOR: PropertyDescriptor = Object.freeze({ get: readTrace, set: writeTrace, enumerable: true, configurable: true });

/**
 * Gives `node` its trace as an own enumerable property written on first read (JSON.stringify, a
 * spread, a validator or any reader sees the same entries as an eagerly written trace): a report
 * kept in memory and never explained costs no trace objects.
 *
 * @example
 * ```ts
 * defineLazyTrace(out, node, reportTraces(tree, evaluation, answers, rules.coverageThreshold));
 * out.trace; // written now
 * ```
 */
export function defineLazyTrace(out: object, node: CompiledNode, report: ReportTraces): void {
  new TraceSource(out, node, report);
  Object.defineProperty(out, "trace", TRACE_DESCRIPTOR);
}

// What JSON.stringify writes for a tree whose traces are still to be written: the same tree as plain
// objects, traces written out. An object with an accessor takes the serializer's slow way, and turning
// the accessor into a data property costs more than copying the node: the copy serves the one call.
function plainForJson(this: ScoreNode): ScoreNode {
  const copy = (node: ScoreNode): ScoreNode => {
    // A shared question node is frozen and plain, and so is everything below it.
    const stamped = TraceSource.has(node);
    if (!stamped && (node.children === undefined || (node.level === "guide-question" && Object.isFrozen(node)))) return node;
    const lazy = stamped && Object.getOwnPropertyDescriptor(node, "trace")?.get === readTrace;
    const out: Record<string, unknown> = {};
    for (const key in node) {
      const value = lazy && key === "trace" ? TraceSource.traceOf(node) : (node as unknown as Record<string, unknown>)[key];
      out[key] = key === "children" && Array.isArray(value) ? value.map(copy) : value;
    }
    return out as unknown as ScoreNode;
  };
  return copy(this);
}

const TO_JSON: PropertyDescriptor = Object.freeze({ value: plainForJson, writable: true, enumerable: false, configurable: true });

/**
 * Gives the root of a tree with traces still to be written a non-enumerable `toJSON` that hands
 * JSON.stringify the same tree as plain objects, so it writes exactly the same text, quickly.
 *
 * @example
 * ```ts
 * writeTracesBeforeJson(overall);
 * ```
 */
export function writeTracesBeforeJson(root: ScoreNode): void {
  Object.defineProperty(root, "toJSON", TO_JSON);
}
