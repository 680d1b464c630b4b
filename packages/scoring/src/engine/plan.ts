import type { Benchmark, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { engineProblem } from "../problems";
import type { BenchmarkQuestion } from "../types";

/**
 * A guide question prepared for scoring: weight filled in, sub-questions prepared alike.
 *
 * @example
 * ```ts
 * plan.questions.get("q-1")?.question.weight; // 1 when the benchmark gives none
 * ```
 */
export interface PlanQuestion {
  readonly id: string;
  readonly text: string;
  readonly weight: number;
  readonly pointer: string;
  readonly children: readonly PlanQuestion[];
}

/**
 * A key factor prepared for scoring, with its reference `<benchmarkId>#<keyFactorId>`.
 *
 * @example
 * ```ts
 * plan.keyFactors[0]?.ref; // "eurocities.neighbourhood-participation#defining-the-neighbourhood"
 * ```
 */
export interface PlanKeyFactor {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly weight: number;
  readonly pointer: string;
  readonly questions: readonly PlanQuestion[];
}

/**
 * A section prepared for scoring.
 *
 * @example
 * ```ts
 * plan.sections.map((s) => [s.id, s.weight]);
 * ```
 */
export interface PlanSection {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly pointer: string;
  readonly keyFactors: readonly PlanKeyFactor[];
}

/**
 * A benchmark flattened once for scoring many assessments: weights filled in (default 1), key factor
 * references built, every question indexed by id with the key factor it belongs to.
 *
 * @example
 * ```ts
 * const { plan } = planBenchmark(benchmark);
 * plan?.keyFactors.map((k) => k.ref); // ["example.bench#kf-1", ...]
 * ```
 */
export interface BenchmarkPlan {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly sections: readonly PlanSection[];
  readonly keyFactors: readonly PlanKeyFactor[];
  readonly questions: ReadonlyMap<string, { readonly question: PlanQuestion; readonly keyFactor: PlanKeyFactor }>;
  /**
   * Per level, whether the benchmark gives a weight anywhere at that level. A level without any given
   * weight is weighted by default: questions and key factors 1, sections by their key factors.
   */
  readonly weightsGiven: WeightsGiven;
}

/**
 * Whether a benchmark gives any weight to its sections, key factors and guide questions (sub-questions included).
 *
 * @example
 * ```ts
 * planBenchmark(benchmark).plan?.weightsGiven; // { sections: false, keyFactors: false, questions: true }
 * ```
 */
export interface WeightsGiven {
  readonly sections: boolean;
  readonly keyFactors: boolean;
  readonly questions: boolean;
}

/**
 * The reference of a key factor: `<benchmarkId>#<keyFactorId>`.
 *
 * @example
 * ```ts
 * keyFactorReference("eurocities.neighbourhood-participation", "stakeholders");
 * // "eurocities.neighbourhood-participation#stakeholders"
 * ```
 */
export function keyFactorReference(benchmarkId: string, keyFactorId: string): string {
  return `${benchmarkId}#${keyFactorId}`;
}

const cache = new WeakMap<Benchmark, { plan: BenchmarkPlan | null; problems: ValidationProblem[] }>();

/**
 * Prepares a schema-valid benchmark for scoring, reporting ids that answers could not tell apart.
 * Cached per benchmark object, so scoring 10,000 assessments plans the benchmark once.
 *
 * @example
 * ```ts
 * const { plan, problems } = planBenchmark(benchmark);
 * if (!plan) console.error(problems);
 * ```
 */
export function planBenchmark(benchmark: Benchmark): { plan: BenchmarkPlan | null; problems: ValidationProblem[] } {
  const cached = cache.get(benchmark);
  if (cached) return cached;
  const problems: ValidationProblem[] = [];
  const questions = new Map<string, { question: PlanQuestion; keyFactor: PlanKeyFactor }>();
  const keyFactorIds = new Set<string>();
  const allKeyFactors: PlanKeyFactor[] = [];
  const given = { sections: false, keyFactors: false, questions: false };

  const sections = benchmark.sections.map((section, s): PlanSection => {
    const sectionPointer = joinPointer("/sections", s);
    const keyFactors = section.keyFactors.map((keyFactor, k): PlanKeyFactor => {
      const pointer = joinPointer(sectionPointer, "keyFactors", k);
      if (keyFactor.weight !== undefined) given.keyFactors = true;
      if (keyFactorIds.has(keyFactor.id)) problems.push(engineProblem("duplicate_key_factor_id", pointer, { id: keyFactor.id }));
      keyFactorIds.add(keyFactor.id);
      const planQuestion = (question: BenchmarkQuestion, questionPointer: string): PlanQuestion => {
        const children = (question.subQuestions ?? []).map((sub, i) => planQuestion(sub, joinPointer(questionPointer, "subQuestions", i)));
        if (question.weight !== undefined) given.questions = true;
        return { id: question.id, text: question.text, weight: question.weight ?? 1, pointer: questionPointer, children };
      };
      const planned: PlanKeyFactor = {
        id: keyFactor.id,
        ref: keyFactorReference(benchmark.id, keyFactor.id),
        title: keyFactor.title,
        weight: keyFactor.weight ?? 1,
        pointer,
        questions: keyFactor.guideQuestions.map((q, i) => planQuestion(q, joinPointer(pointer, "guideQuestions", i))),
      };
      // Pre-order, i.e. document order, so a duplicate is reported where it repeats.
      const register = (question: PlanQuestion): void => {
        if (questions.has(question.id)) problems.push(engineProblem("duplicate_question_id", question.pointer, { id: question.id }));
        else questions.set(question.id, { question, keyFactor: planned });
        question.children.forEach(register);
      };
      planned.questions.forEach(register);
      allKeyFactors.push(planned);
      return planned;
    });
    if (section.weight !== undefined) given.sections = true;
    return { id: section.id, title: section.title, weight: section.weight ?? 1, pointer: sectionPointer, keyFactors };
  });

  const result =
    problems.length > 0
      ? { plan: null, problems }
      : {
          plan: { id: benchmark.id, version: benchmark.version, title: benchmark.title, sections, keyFactors: allKeyFactors, questions, weightsGiven: given },
          problems,
        };
  cache.set(benchmark, result);
  return result;
}
