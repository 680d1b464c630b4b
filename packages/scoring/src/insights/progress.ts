import type { Assessment, ScoreReport } from "@cohesion/schema";
import type { BenchmarkPlan, PlanKeyFactor } from "../engine/plan";
import { planBenchmark } from "../engine/plan";
import { scoringProblem } from "../problems";
import { keyFactorScores } from "./report-input";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import type { ScoreOptions } from "../engine/options";
import { scoreAssessment } from "../engine/score";

/**
 * One assessment with the benchmark version it answers.
 *
 * @example
 * ```ts
 * const before: AssessedVersion = { assessment: ghent2024, benchmark: benchmarkV1 };
 * ```
 */
export interface AssessedVersion {
  readonly assessment: unknown;
  readonly benchmark: unknown;
}

/**
 * How a guide question differs between the two benchmark versions.
 *
 * @example
 * ```ts
 * const change: QuestionChange = { question: "q-7", change: "text-changed", keyFactor: "b#kf", before: "Old?", after: "New?" };
 * ```
 */
export interface QuestionChange {
  readonly question: string;
  /** added: only in the later version; removed: only in the earlier; text-changed: wording differs; moved: under another key factor; weight-changed: weight differs. */
  readonly change: "added" | "removed" | "text-changed" | "moved" | "weight-changed";
  readonly keyFactor: string;
  readonly before?: string;
  readonly after?: string;
}

/**
 * The change of one key factor between two assessments.
 *
 * @example
 * ```ts
 * progress.keyFactors.filter((k) => k.comparable && (k.delta ?? 0) > 0);
 * ```
 */
export interface KeyFactorProgress {
  readonly keyFactor: string;
  readonly title: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before; null when either has no score or the key factor is not comparable. */
  readonly delta: number | null;
  /** False when the key factor's questions changed between versions: then no delta is given. */
  readonly comparable: boolean;
  /** Why it is not comparable, in words; empty when it is. */
  readonly reasons: readonly string[];
}

/**
 * Progress between two assessments of the same subject.
 *
 * @example
 * ```ts
 * const result = compareProgress({ assessment: a2024, benchmark: v1 }, { assessment: a2026, benchmark: v2 });
 * if (result.ok) result.report.keyFactors.map((k) => [k.keyFactor, k.delta]);
 * ```
 */
export interface ProgressReport {
  readonly subject: string;
  readonly benchmark: { readonly id: string; readonly before: string; readonly after: string };
  readonly model: { readonly id: string; readonly version: string };
  readonly overall: { readonly before: number | null; readonly after: number | null; readonly delta: number | null; readonly comparable: boolean };
  readonly keyFactors: readonly KeyFactorProgress[];
  readonly questions: readonly QuestionChange[];
  readonly before: ScoreReport;
  readonly after: ScoreReport;
}

function questionChanges(before: BenchmarkPlan, after: BenchmarkPlan): QuestionChange[] {
  const changes: QuestionChange[] = [];
  for (const [id, old] of before.questions) {
    const now = after.questions.get(id);
    if (!now) changes.push({ question: id, change: "removed", keyFactor: old.keyFactor.ref, before: old.question.text });
    else if (now.keyFactor.id !== old.keyFactor.id) changes.push({ question: id, change: "moved", keyFactor: now.keyFactor.ref, before: old.keyFactor.ref, after: now.keyFactor.ref });
    else if (now.question.text !== old.question.text) changes.push({ question: id, change: "text-changed", keyFactor: now.keyFactor.ref, before: old.question.text, after: now.question.text });
    else if (now.question.weight !== old.question.weight) {
      changes.push({ question: id, change: "weight-changed", keyFactor: now.keyFactor.ref, before: String(old.question.weight), after: String(now.question.weight) });
    }
  }
  for (const [id, now] of after.questions) {
    if (!before.questions.has(id)) changes.push({ question: id, change: "added", keyFactor: now.keyFactor.ref, after: now.question.text });
  }
  return changes;
}

function subjectKey(a: Assessment): string {
  return a.subject.ref ?? `${a.subject.name.trim().toLowerCase()}|${a.subject.country ?? ""}`;
}

/**
 * Scores two assessments of the same subject (each against its own benchmark version, with the same
 * model and parameters) and compares them key factor by key factor. Questions added, removed, moved,
 * reworded or reweighted between versions are listed, and every key factor they touch is flagged as
 * not comparable with no delta — such scores are never silently compared. The overall delta is given
 * only when every key factor is comparable.
 *
 * @example
 * ```ts
 * const result = compareProgress({ assessment: before, benchmark: v1 }, { assessment: after, benchmark: v2 });
 * if (result.ok) for (const k of result.report.keyFactors) console.log(k.title, k.comparable ? k.delta : k.reasons);
 * ```
 */
export function compareProgress(before: AssessedVersion, after: AssessedVersion, options: ScoreOptions = {}): ScoringResult<ProgressReport> {
  return safely(() => progressOf(before, after, optionsOf(options)));
}

function progressOf(before: AssessedVersion, after: AssessedVersion, options: ScoreOptions): ScoringResult<ProgressReport> {
  const first = scoreAssessment(before?.assessment, before?.benchmark, options);
  const second = scoreAssessment(after?.assessment, after?.benchmark, options);
  const prefix = (r: typeof first, side: string) =>
    r.ok ? [] : r.errors.errors.map((p) => ({ ...p, params: { ...p.params, side } }));
  const problems = [...prefix(first, "before"), ...prefix(second, "after")];
  if (!first.ok || !second.ok) return fail(problems);
  const a = before.assessment as Assessment;
  const b = after.assessment as Assessment;
  if (subjectKey(a) !== subjectKey(b)) return fail([scoringProblem("different_subjects", "/subject", { before: a.subject.name, after: b.subject.name })]);
  if (a.benchmark.id !== b.benchmark.id) return fail([scoringProblem("different_benchmarks", "/benchmark", { before: a.benchmark.id, after: b.benchmark.id })]);

  // Both benchmarks passed scoring, so both plans exist.
  const planBefore = planBenchmark(before.benchmark as Parameters<typeof planBenchmark>[0]).plan as BenchmarkPlan;
  const planAfter = planBenchmark(after.benchmark as Parameters<typeof planBenchmark>[0]).plan as BenchmarkPlan;
  const questions = questionChanges(planBefore, planAfter);
  const scoresBefore = keyFactorScores(first.report);
  const scoresAfter = keyFactorScores(second.report);
  const keyFactorsAfter = new Map(planAfter.keyFactors.map((k) => [k.ref, k]));
  const ordered: PlanKeyFactor[] = [...planAfter.keyFactors, ...planBefore.keyFactors.filter((k) => !keyFactorsAfter.has(k.ref))];
  const keyFactors = ordered.map((keyFactor): KeyFactorProgress => {
    const reasons: string[] = [];
    const inBefore = scoresBefore.get(keyFactor.ref);
    const inAfter = scoresAfter.get(keyFactor.ref);
    if (!inBefore) reasons.push("The key factor is new in the later benchmark version.");
    if (!inAfter) reasons.push("The key factor was removed in the later benchmark version.");
    for (const change of questions) {
      const touches = change.keyFactor === keyFactor.ref || (change.change === "moved" && change.before === keyFactor.ref);
      if (touches) reasons.push(`Guide question "${change.question}" was ${change.change.replace("-", " ")} between versions ${planBefore.version} and ${planAfter.version}.`);
    }
    const comparable = reasons.length === 0;
    const scoreBefore = inBefore?.score ?? null;
    const scoreAfter = inAfter?.score ?? null;
    return {
      keyFactor: keyFactor.ref,
      title: keyFactor.title,
      before: scoreBefore,
      after: scoreAfter,
      delta: comparable && scoreBefore !== null && scoreAfter !== null ? scoreAfter - scoreBefore : null,
      comparable,
      reasons,
    };
  });
  const sameSections =
    planBefore.sections.map((s) => `${s.id}:${s.weight}:${s.keyFactors.map((k) => `${k.id}:${k.weight}`).join(",")}`).join("|") ===
    planAfter.sections.map((s) => `${s.id}:${s.weight}:${s.keyFactors.map((k) => `${k.id}:${k.weight}`).join(",")}`).join("|");
  const overallComparable = sameSections && keyFactors.every((k) => k.comparable);
  const overallBefore = first.report.overall.score;
  const overallAfter = second.report.overall.score;
  return succeed({
    subject: b.subject.name,
    benchmark: { id: b.benchmark.id, before: a.benchmark.version, after: b.benchmark.version },
    model: { id: second.report.model.id, version: second.report.model.version },
    overall: {
      before: overallBefore,
      after: overallAfter,
      delta: overallComparable && overallBefore !== null && overallAfter !== null ? overallAfter - overallBefore : null,
      comparable: overallComparable,
    },
    keyFactors,
    questions,
    before: first.report,
    after: second.report,
  });
}
