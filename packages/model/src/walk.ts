import type { Benchmark, GuideQuestion, KeyFactor, Section } from "@cohesion/schema";
import { MAX_DEPTH } from "./report";
import { joinPointer } from "./report";

/**
 * One guide question met while walking a benchmark, with where it sits.
 *
 * @example
 * ```ts
 * const visit: GuideQuestionVisit = walkGuideQuestions(benchmark).next().value;
 * ```
 */
export interface GuideQuestionVisit {
  readonly question: GuideQuestion;
  readonly keyFactor: KeyFactor;
  readonly section: Section;
  /** The question this one details, or `undefined` for a key factor's own question. */
  readonly parent: GuideQuestion | undefined;
  /** 0 for a key factor's own questions, 1 for their sub-questions, and so on. */
  readonly depth: number;
  /** JSON Pointer to the question inside the benchmark. */
  readonly pointer: string;
}

function* walkQuestions(
  questions: unknown,
  context: { section: Section; keyFactor: KeyFactor },
  parent: GuideQuestion | undefined,
  depth: number,
  pointer: string,
): Generator<GuideQuestionVisit> {
  // Nesting past MAX_DEPTH cannot come from a parsed document; stop rather than recurse without end.
  if (!Array.isArray(questions) || depth > MAX_DEPTH) return;
  for (const [index, question] of questions.entries()) {
    if (typeof question !== "object" || question === null) continue;
    const questionPointer = joinPointer(pointer, index);
    const typed = question as GuideQuestion;
    yield { question: typed, keyFactor: context.keyFactor, section: context.section, parent, depth, pointer: questionPointer };
    yield* walkQuestions(typed.subQuestions, context, typed, depth + 1, joinPointer(questionPointer, "subQuestions"));
  }
}

/**
 * Every guide question of a benchmark, sub-questions included, in document order (each question
 * before its sub-questions).
 *
 * @example
 * ```ts
 * for (const { question, keyFactor, depth } of walkGuideQuestions(benchmark)) {
 *   console.log(`${"  ".repeat(depth)}${keyFactor.id}/${question.id}: ${question.text}`);
 * }
 * ```
 */
export function* walkGuideQuestions(benchmark: Benchmark): Generator<GuideQuestionVisit> {
  const sections: unknown = benchmark?.sections;
  if (!Array.isArray(sections)) return;
  for (const [sectionIndex, section] of sections.entries()) {
    if (typeof section !== "object" || section === null) continue;
    const keyFactors: unknown = (section as Section).keyFactors;
    if (!Array.isArray(keyFactors)) continue;
    for (const [keyFactorIndex, keyFactor] of keyFactors.entries()) {
      if (typeof keyFactor !== "object" || keyFactor === null) continue;
      const pointer = joinPointer("", "sections", sectionIndex, "keyFactors", keyFactorIndex, "guideQuestions");
      yield* walkQuestions((keyFactor as KeyFactor).guideQuestions, { section: section as Section, keyFactor: keyFactor as KeyFactor }, undefined, 0, pointer);
    }
  }
}

/**
 * One key factor of a benchmark, with its section and pointer.
 *
 * @example
 * ```ts
 * for (const { keyFactor, section, pointer } of walkKeyFactors(benchmark)) console.log(section.id, keyFactor.id, pointer);
 * ```
 */
export interface KeyFactorVisit {
  readonly keyFactor: KeyFactor;
  readonly section: Section;
  readonly pointer: string;
}

/**
 * Every key factor of a benchmark in document order, with its section.
 *
 * @example
 * ```ts
 * [...walkKeyFactors(benchmark)].map(({ keyFactor }) => keyFactor.id);
 * ```
 */
export function* walkKeyFactors(benchmark: Benchmark): Generator<KeyFactorVisit> {
  const sections: unknown = benchmark?.sections;
  if (!Array.isArray(sections)) return;
  for (const [sectionIndex, section] of sections.entries()) {
    if (typeof section !== "object" || section === null) continue;
    const keyFactors: unknown = (section as Section).keyFactors;
    if (!Array.isArray(keyFactors)) continue;
    for (const [keyFactorIndex, keyFactor] of keyFactors.entries()) {
      if (typeof keyFactor !== "object" || keyFactor === null) continue;
      yield { keyFactor: keyFactor as KeyFactor, section: section as Section, pointer: joinPointer("", "sections", sectionIndex, "keyFactors", keyFactorIndex) };
    }
  }
}
