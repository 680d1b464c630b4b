import type { AnswerArrays, CompiledNode } from "./compile-tree";
import { LEAF, NOT_APPLICABLE_CODE, PARENT, UNANSWERED_CODE } from "./compile-tree";
import { NOT_APPLICABLE_STATUS } from "./evaluate-tree";
import type { TraceEntry } from "../types";

// Traces: how each node's score was made from its inputs, written from an evaluation (now, or on first
// read: ./lazy-trace.ts).

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
