// Test oracle: the score tree builder as it was before the compiled evaluator (src/aggregate.ts),
// frozen on purpose: do not refactor it to share code with the engine. aggregate.test.ts compares the
// engine with it over generated benchmarks, rule sets (minimum rule, parent answer weights, traces off,
// key-factor detail) and off-scale levels. The hand-computed fixtures cover one benchmark under the
// built-in models, and the scorer-vs-scoreAssessment properties compare two paths through the same
// compiled evaluator, so neither would catch an arithmetic or trace slip in it. Only the rule types
// are shared with the engine.
import type { ScoreNode } from "@cohesion/schema";
import { bandFor } from "../src/engine/parameters";
import type { BenchmarkPlan, PlanKeyFactor, PlanQuestion, PlanSection } from "../src/engine/plan";
import { clampScore, NOT_APPLICABLE } from "../src/engine/scale";
import type { TraceEntry } from "../src/types";
import type { AnswerMap, Combine, TreeRules } from "../src/engine/aggregate";

interface Input {
  readonly ref: string;
  readonly input: TraceEntry["input"];
  readonly level?: string | undefined;
  readonly score: number | null;
  readonly weight: number;
  readonly coverage: number;
  readonly applicable: boolean;
  readonly note?: string | undefined;
}

const NOTE_NA = "Marked n/a: left out of the arithmetic.";
const NOTE_UNANSWERED = "Unanswered: lowers coverage and is not counted as zero.";
const NOTE_OWN_UNANSWERED = "The question itself is unanswered: its sub-questions stand for it, so coverage is not lowered.";
const NOTE_NO_SCORE = "No score below it: it lowers coverage only.";
const NOTE_ZERO_WEIGHT = "Weight 0: shown, but left out of the score and coverage.";
const NOTE_NOTHING_COUNTS = "Not applicable: every input below it is n/a or weighs 0, so it is left out.";
const NOTE_DERIVED = "Weighs the total weight of its key factors that count, as the benchmark gives sections no weights.";
const NOTE_NOT_LOWEST = "Not the lowest input: under the minimum rule only the weakest input counts.";
const NOTE_LOWEST = "The lowest input: under the minimum rule it sets the score.";
// Every score and coverage is rounded to 9 decimals, and so is every figure compared with them.
const round9 = (value: number): number => Math.round(value * 1e9) / 1e9;
const MAX_TITLE = 500;

function title(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}

function combineInputs(
  inputs: readonly Input[],
  mode: Combine,
  rules: TreeRules,
): { score: number | null; coverage: number; status: ScoreNode["status"]; trace: TraceEntry[] | undefined; totalWeight: number } {
  let totalWeight = 0;
  let coveredWeight = 0;
  let scoredWeight = 0;
  let weightedSum = 0;
  let minimum = Infinity;
  let minimumIndex = -1;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as Input;
    if (!input.applicable || input.weight === 0) continue;
    totalWeight += input.weight;
    coveredWeight += input.weight * input.coverage;
    if (input.score !== null) {
      scoredWeight += input.weight;
      weightedSum += input.weight * input.score;
      if (input.score < minimum) {
        minimum = input.score;
        minimumIndex = i;
      }
    }
  }
  let score: number | null = null;
  let coverage = 1;
  let status: ScoreNode["status"];
  if (totalWeight === 0) {
    status = "not-applicable";
  } else {
    coverage = round9(Math.min(1, Math.max(0, coveredWeight / totalWeight)));
    if (coverage === 0) status = "unanswered";
    else if (scoredWeight === 0 || (mode !== "minimum" && coverage < round9(rules.coverageThreshold))) status = "insufficient-evidence";
    else {
      status = "scored";
      score = round9(clampScore(mode === "minimum" ? minimum : weightedSum / scoredWeight));
    }
  }
  if (rules.explain === false) return { score, coverage, status, trace: undefined, totalWeight };
  const trace = inputs.map((input, i): TraceEntry => {
    const counts = score !== null && input.applicable && input.weight > 0 && input.score !== null;
    let share = 0;
    let contribution: number | null = null;
    let note = input.note;
    if (counts && input.score !== null) {
      if (mode === "minimum") {
        share = i === minimumIndex ? 1 : 0;
        contribution = i === minimumIndex ? input.score : 0;
        note ??= i === minimumIndex ? NOTE_LOWEST : NOTE_NOT_LOWEST;
      } else {
        share = input.weight / scoredWeight;
        contribution = share * input.score;
      }
    } else if (input.applicable && input.weight === 0) {
      note ??= NOTE_ZERO_WEIGHT;
    }
    const entry: TraceEntry = { ref: input.ref, input: input.input, score: input.score, weight: input.weight, share, contribution };
    if (input.level !== undefined) entry.level = input.level;
    if (note !== undefined) entry.note = note;
    return entry;
  });
  return { score, coverage, status, trace, totalWeight };
}

function finish(
  base: { ref: string; level: ScoreNode["level"]; title: string; weight: number },
  combined: ReturnType<typeof combineInputs>,
  rules: TreeRules,
  extra: { answer?: string | undefined; children?: ScoreNode[] | undefined },
): ScoreNode {
  const node: ScoreNode = {
    ref: base.ref,
    level: base.level,
    title: title(base.title),
    score: combined.score,
    coverage: combined.coverage,
    status: combined.status,
    weight: base.weight,
  };
  if (combined.score !== null) {
    const band = bandFor(rules.bands, combined.score);
    if (band) node.band = { id: band.id, label: band.label };
  }
  if (extra.answer !== undefined) node.answer = extra.answer;
  if (combined.trace !== undefined) node.trace = combined.trace;
  if (extra.children !== undefined) node.children = extra.children;
  return node;
}

function childInput(node: ScoreNode, derived = false): Input {
  const leaf = node.level === "guide-question" && node.children === undefined;
  return {
    ref: node.ref,
    input: "child",
    score: node.score,
    weight: node.weight,
    coverage: node.coverage,
    applicable: node.status !== "not-applicable",
    note:
      node.status === "not-applicable"
        ? leaf
          ? NOTE_NA
          : NOTE_NOTHING_COUNTS
        : node.weight === 0
          ? NOTE_ZERO_WEIGHT
          : node.score === null
            ? NOTE_NO_SCORE
            : derived
              ? NOTE_DERIVED
              : undefined,
  };
}

function answerInput(question: PlanQuestion, level: string | undefined, points: ReadonlyMap<string, number>, own: boolean, weight: number): Input {
  if (level === undefined) {
    return { ref: question.id, input: own ? "own-answer" : "answer", score: null, weight, coverage: 0, applicable: !own, note: own ? NOTE_OWN_UNANSWERED : NOTE_UNANSWERED };
  }
  if (level === NOT_APPLICABLE) {
    return { ref: question.id, input: own ? "own-answer" : "answer", level, score: null, weight, coverage: 1, applicable: false, note: NOTE_NA };
  }
  // Levels were checked against the scale before scoring; an unknown one cannot reach here.
  const score = points.get(level) ?? null;
  return { ref: question.id, input: own ? "own-answer" : "answer", level, score, weight, coverage: score === null ? 0 : 1, applicable: true };
}

function questionNode(question: PlanQuestion, answers: AnswerMap, points: ReadonlyMap<string, number>, rules: TreeRules): ScoreNode {
  const level = answers[question.id]?.level;
  const weight = rules.useWeights ? question.weight : 1;
  const base = { ref: question.id, level: "guide-question" as const, title: question.text, weight };
  if (question.children.length === 0) {
    return finish(base, combineInputs([answerInput(question, level, points, false, 1)], "weighted-mean", rules), rules, { answer: level });
  }
  // A parent question is the weighted mean of its own answer (when given) and its sub-questions.
  const children = question.children.map((child) => questionNode(child, answers, points, rules));
  const own = answerInput(question, level, points, true, rules.useWeights ? rules.parentAnswerWeight : 1);
  const inputs = [own, ...children.map((c) => childInput(c))];
  return finish(base, combineInputs(inputs, rules.combine.question, rules), rules, { answer: level, children });
}

function keyFactorNode(keyFactor: PlanKeyFactor, answers: AnswerMap, points: ReadonlyMap<string, number>, rules: TreeRules): ScoreNode {
  const children = keyFactor.questions.map((q) => questionNode(q, answers, points, rules));
  const base = { ref: keyFactor.ref, level: "key-factor" as const, title: keyFactor.title, weight: rules.useWeights ? keyFactor.weight : 1 };
  const combined = combineInputs(children.map((c) => childInput(c)), rules.combine.keyFactor, rules);
  return finish(base, combined, rules, { children: rules.detail === "key-factors" ? undefined : children });
}

function sectionNode(section: PlanSection, answers: AnswerMap, points: ReadonlyMap<string, number>, rules: TreeRules, derived: boolean): ScoreNode {
  const children = section.keyFactors.map((k) => keyFactorNode(k, answers, points, rules));
  const combined = combineInputs(children.map((c) => childInput(c)), rules.combine.section, rules);
  // Without section weights in the benchmark, a section weighs the total weight of its key factors that count.
  const weight = derived ? combined.totalWeight : rules.useWeights ? section.weight : 1;
  const base = { ref: section.id, level: "section" as const, title: section.title, weight };
  return finish(base, combined, rules, { children });
}

/**
 * Builds the whole score tree (overall → sections → key factors → guide questions → sub-questions)
 * for one set of answers under the given rules. Coverage is the weighted share of applicable inputs
 * answered; n/a inputs are left out; nodes below the coverage threshold get no score.
 *
 * @example
 * ```ts
 * const overall = buildScoreTree(plan, assessment.answers, scale.points, rules);
 * overall.children?.[0]?.children?.[0]?.score; // the first key factor's score
 * ```
 */
export function buildScoreTree(plan: BenchmarkPlan, answers: AnswerMap, points: ReadonlyMap<string, number>, rules: TreeRules): ScoreNode {
  const derived = rules.useWeights && !plan.weightsGiven.sections;
  const children = plan.sections.map((s) => sectionNode(s, answers, points, rules, derived));
  const base = { ref: "overall", level: "overall" as const, title: plan.title, weight: 1 };
  return finish(base, combineInputs(children.map((c) => childInput(c, derived)), rules.combine.overall, rules), rules, { children });
}
