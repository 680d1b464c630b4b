// The answers behind each key factor score, as both renderers show them: the question, the answer in
// words, what it counted for, the evidence and notes given, and how sub-questions rolled up.
import type { Provenance, ScoreNode } from "@cohesion/schema";
import { formatScore } from "./escape";
import type { KeyFactorRow, ReportInput } from "./model";
import { questionProvenance } from "./provenance";
import { statusLabel } from "./radar-chart";
import { answerDetails, levelLabel, type AnswerDetails } from "./report-data";

/** One guide question of a key factor, ready to show. */
export interface AnswerEntry {
  readonly id: string;
  readonly text: string;
  /** Whose words the question's text is, as the benchmark marks it; undefined when unmarked or no benchmark was given. */
  readonly textProvenance: Provenance | undefined;
  /** The answer in words: a level label, "not applicable" or "not answered". */
  readonly answer: string;
  /** The question's score, or the reason it has none; undefined for an unanswered question. */
  readonly score: string | undefined;
  /** What the question counted for in its parent, in words ("25% of the key factor, adds 12.5"). */
  readonly counted: string | undefined;
  /** The scorer's note on how the input counted (left out, lowers coverage…). */
  readonly note: string | undefined;
  readonly details: AnswerDetails | undefined;
  /** For a question with sub-questions: how its score was made from its own answer and theirs. */
  readonly rollUp: string | undefined;
  readonly subQuestions: readonly AnswerEntry[];
}

function percent(share: number | undefined): string {
  return `${Math.round((share ?? 0) * 100)}%`;
}

function rollUpOf(input: ReportInput, node: ScoreNode): string | undefined {
  const children = node.children ?? [];
  if (children.length === 0) return undefined;
  const own = (node.trace ?? []).find((t) => t.input === "own-answer");
  const counted = (node.trace ?? []).filter((t) => t.input === "child" && typeof t.score === "number").length;
  const subject = `${children.length} sub-question${children.length === 1 ? "" : "s"}`;
  if (node.score === null) return `Its ${subject} roll up into it, but too few have a score to give one.`;
  const ownPart =
    own && typeof own.score === "number"
      ? `its own answer (${levelLabel(input, node.answer)}, ${formatScore(own.score)}, weight ${formatScore(own.weight)}) and the ${counted} scored of its ${subject}`
      : `the ${counted} scored of its ${subject} (the question itself was not answered, so they stand for it)`;
  return `Score ${formatScore(node.score)} is the weighted mean of ${ownPart}; that is why it can differ from the answer given.`;
}

function entry(input: ReportInput, node: ScoreNode, parent: ScoreNode, parentName: string): AnswerEntry {
  const trace = (parent.trace ?? []).find((t) => t.ref === node.ref);
  const counted = trace && (trace.share ?? 0) > 0 ? `${percent(trace.share)} of the ${parentName}${typeof trace.contribution === "number" ? `, adds ${formatScore(trace.contribution)}` : ""}` : undefined;
  const subQuestions = (node.children ?? []).filter((c) => c.level === "guide-question");
  // An unanswered question says so once, and why it does not pull the score down.
  const unanswered = node.answer === undefined && node.score === null && subQuestions.length === 0;
  return {
    id: node.ref,
    text: node.title ?? node.ref,
    textProvenance: questionProvenance(input.benchmark).get(node.ref),
    answer: levelLabel(input, node.answer),
    // A missing score that only repeats the answer ("not applicable") is not said twice.
    score: unanswered || (node.score === null && statusLabel(node.status) === levelLabel(input, node.answer)) ? undefined : node.score === null ? statusLabel(node.status) : formatScore(node.score),
    counted,
    note: unanswered ? "Not answered yet: it lowers the coverage and does not count as zero." : trace?.note,
    details: answerDetails(input, node.ref),
    rollUp: rollUpOf(input, node),
    subQuestions: subQuestions.map((c) => entry(input, c, node, "question")),
  };
}

/**
 * The guide questions of a key factor with their answers, evidence and how each counted.
 *
 * @example
 * ```ts
 * for (const row of keyFactorRows(input)) for (const e of answerEntries(input, row)) console.log(e.text, e.answer);
 * ```
 */
export function answerEntries(input: ReportInput, row: KeyFactorRow): AnswerEntry[] {
  return (row.node.children ?? []).filter((c) => c.level === "guide-question").map((c) => entry(input, c, row.node, "key factor"));
}
