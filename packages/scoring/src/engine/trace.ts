import type { AnswerArrays, CompiledNode } from "./compile-tree";
import { LEAF, NOT_APPLICABLE_CODE, PARENT, UNANSWERED_CODE } from "./compile-tree";
import type { Evaluation } from "./evaluate-tree";
import { NOT_APPLICABLE_STATUS } from "./evaluate-tree";
import type { ScoreNode } from "@cohesion/schema";
import type { TraceEntry } from "../types";

// Traces: how each node's score was made from its inputs, written from an evaluation, now or on first read.

const NOTE_NA = "Marked n/a: left out of the arithmetic.";
const NOTE_DERIVED = "Weighs the total weight of its key factors that count, as the benchmark gives sections no weights.";
const NOTE_NOTHING_COUNTS = "Not applicable: every input below it is n/a or weighs 0, so it is left out.";
const NOTE_UNANSWERED = "Unanswered: lowers coverage and is not counted as zero.";
const NOTE_OWN_UNANSWERED = "The question itself is unanswered: its sub-questions stand for it, so coverage is not lowered.";
const NOTE_NO_SCORE = "No score below it: it lowers coverage only.";
const NOTE_ZERO_WEIGHT = "Weight 0: shown, but left out of the score and coverage.";
const NOTE_NOT_LOWEST = "Not the lowest input: under the minimum rule only the weakest input counts.";
const NOTE_LOWEST = "The lowest input: under the minimum rule it sets the score.";
function scoreOf(value: number): number | null {
  return value === value ? value : null;
}

/** The figures a trace is written from: each node's score (NaN: none), status and weight as an input. */
export type TraceFigures = { readonly [K in "score" | "status" | "weight"]: ArrayLike<number> };

// The trace of a node: its inputs in order (own answer first, then children), each with its share
// and contribution. Written straight from the evaluation, without an intermediate object per input.
export function traceOf(node: CompiledNode, evaluation: TraceFigures, answers: AnswerArrays): TraceEntry[] {
  const { score: scores, status, weight: weights } = evaluation;
  const scored = scores[node.index] === scores[node.index];
  const children = node.children;
  const question = node.kind <= PARENT;
  const own = node.kind === PARENT;
  const offset = question ? 1 : 0;
  // The question's own answer as an input.
  const ownWeight = own ? node.ownWeight : 1;
  let ownScore: number | null = null;
  let ownApplicable = false;
  let ownNote: string | undefined;
  if (question) {
    const code = answers.codes[node.question] as number;
    if (code === UNANSWERED_CODE) {
      ownApplicable = !own;
      ownNote = own ? NOTE_OWN_UNANSWERED : NOTE_UNANSWERED;
    } else if (code === NOT_APPLICABLE_CODE) {
      ownNote = NOTE_NA;
    } else {
      ownScore = scoreOf(code);
      ownApplicable = true;
    }
  }
  // What the inputs that count and have a score weigh together, and the first lowest of them.
  let scoredWeight = 0;
  let minimum = Infinity;
  let minimumIndex = -1;
  if (question && ownApplicable && ownWeight !== 0 && ownScore !== null) {
    scoredWeight += ownWeight;
    minimum = ownScore;
    minimumIndex = 0;
  }
  for (let j = 0; j < children.length; j++) {
    const c = (children[j] as CompiledNode).index;
    const weight = weights[c] as number;
    const value = scores[c] as number;
    if (status[c] === NOT_APPLICABLE_STATUS || weight === 0 || value !== value) continue;
    scoredWeight += weight;
    if (value < minimum) {
      minimum = value;
      minimumIndex = j + offset;
    }
  }
  const minimumRule = node.combine === "minimum";
  const trace = new Array<TraceEntry>(children.length + offset);
  if (question) {
    trace[0] = traceEntry(node.ref, own ? "own-answer" : "answer", ownScore, ownWeight, ownApplicable, ownNote, answers.levels?.[node.question], scored, minimumRule, scoredWeight, minimumIndex === 0);
  }
  for (let j = 0; j < children.length; j++) {
    const child = children[j] as CompiledNode;
    const c = child.index;
    const value = scoreOf(scores[c] as number);
    const weight = weights[c] as number;
    const applicable = status[c] !== NOT_APPLICABLE_STATUS;
    // A leaf question is n/a only by its answer; any other node because nothing below it counts.
    const note = !applicable
      ? child.kind === LEAF
        ? NOTE_NA
        : NOTE_NOTHING_COUNTS
      : weight === 0
        ? NOTE_ZERO_WEIGHT
        : value === null
          ? NOTE_NO_SCORE
          : child.derived
            ? NOTE_DERIVED
            : undefined;
    trace[j + offset] = traceEntry(child.ref, "child", value, weight, applicable, note, undefined, scored, minimumRule, scoredWeight, minimumIndex === j + offset);
  }
  return trace;
}

function traceEntry(
  ref: string,
  input: TraceEntry["input"],
  score: number | null,
  weight: number,
  applicable: boolean,
  given: string | undefined,
  level: string | undefined,
  nodeScored: boolean,
  minimumRule: boolean,
  scoredWeight: number,
  lowest: boolean,
): TraceEntry {
  let share = 0;
  let contribution: number | null = null;
  let note = given;
  if (nodeScored && applicable && weight > 0 && score !== null) {
    if (minimumRule) {
      share = lowest ? 1 : 0;
      contribution = lowest ? score : 0;
      note ??= lowest ? NOTE_LOWEST : NOTE_NOT_LOWEST;
    } else {
      share = weight / scoredWeight;
      contribution = share * score;
    }
  } else if (applicable && weight === 0) {
    note ??= NOTE_ZERO_WEIGHT;
  }
  const entry: TraceEntry = { ref, input, score, weight, share, contribution };
  if (level !== undefined) entry.level = level;
  if (note !== undefined) entry.note = note;
  return entry;
}

const SOURCE = Symbol("trace source");

/**
 * What the traces of one report are written from when first read: a copy of the figures of its
 * evaluation (whose own arrays serve the next assessment) and its answers. One per report.
 */
export interface ReportTraces {
  readonly figures: TraceFigures;
  readonly answers: AnswerArrays;
}

// What a node's trace is written from: its compiled node and its report's figures.
interface TraceSource {
  readonly node: CompiledNode;
  readonly report: ReportTraces;
}

/**
 * The figures traces of a report are written from, copied from an evaluation into one array.
 *
 * @example
 * ```ts
 * const traces = reportTraces(evaluation, answers);
 * ```
 */
export function reportTraces(evaluation: Evaluation, answers: AnswerArrays): ReportTraces {
  const count = evaluation.score.length;
  const all = new Float64Array(count * 3);
  all.set(evaluation.score, 0);
  all.set(evaluation.weight, count);
  all.set(evaluation.status, count * 2);
  return { figures: { score: all.subarray(0, count), weight: all.subarray(count, count * 2), status: all.subarray(count * 2) }, answers };
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

function readTrace(this: { [SOURCE]?: TraceSource }): TraceEntry[] | undefined {
  const source = this[SOURCE];
  if (!source) return undefined;
  const trace = traceOf(source.node, source.report.figures, source.report.answers);
  // Written once: later reads see the same array. A frozen node keeps its accessor and writes it again.
  if (Object.isExtensible(this)) setTrace(this, trace);
  return trace;
}

function writeTrace(this: object, value: unknown): void {
  setTrace(this, value);
}

const SOURCE_DESCRIPTOR: PropertyDescriptor = { value: undefined, writable: false, enumerable: false, configurable: true };
const TRACE_DESCRIPTOR: PropertyDescriptor = Object.freeze({ get: readTrace, set: writeTrace, enumerable: true, configurable: true });

/**
 * Gives `node` its trace as an own enumerable property written on first read (JSON.stringify, a
 * spread, a validator or any reader sees the same entries as an eagerly written trace): a report
 * kept in memory and never explained costs no trace objects.
 *
 * @example
 * ```ts
 * defineLazyTrace(out, node, reportTraces(evaluation, answers));
 * out.trace; // written now
 * ```
 */
export function defineLazyTrace(out: object, node: CompiledNode, report: ReportTraces): void {
  // Two calls, each with a descriptor made once: quicker than one defineProperties call.
  SOURCE_DESCRIPTOR.value = { node, report } satisfies TraceSource;
  try {
    Object.defineProperty(out, SOURCE, SOURCE_DESCRIPTOR);
  } finally {
    SOURCE_DESCRIPTOR.value = undefined;
  }
  Object.defineProperty(out, "trace", TRACE_DESCRIPTOR);
}

// What JSON.stringify writes for a tree whose traces are still to be written: the same tree as plain
// objects, traces written out. An object with an accessor takes the serializer's slow way, and turning
// the accessor into a data property costs more than copying the node: the copy serves the one call.
function plainForJson(this: ScoreNode): ScoreNode {
  const copy = (node: ScoreNode): ScoreNode => {
    // A shared question node is frozen and plain, and so is everything below it.
    if (!Object.hasOwn(node, SOURCE) && (node.children === undefined || (node.level === "guide-question" && Object.isFrozen(node)))) return node;
    const source = (node as { [SOURCE]?: TraceSource })[SOURCE];
    const lazy = source !== undefined && Object.getOwnPropertyDescriptor(node, "trace")?.get === readTrace;
    const out: Record<string, unknown> = {};
    for (const key in node) {
      const value = lazy && key === "trace" ? traceOf(source.node, source.report.figures, source.report.answers) : (node as unknown as Record<string, unknown>)[key];
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
