import type { Assessment, Benchmark } from "@cohesion/schema";
import fc from "fast-check";
import { LEVELS, assessment as makeAssessment } from "./fixtures";

const sources = [{ publication: "Property tests", year: 2026, section: "Generated" }];
type QuestionShape = { weight: number; subs: number[] };
const weightArb = fc.constantFrom(0, 0.5, 1, 2, 5);
const questionArb: fc.Arbitrary<QuestionShape> = fc.record({ weight: weightArb, subs: fc.array(weightArb, { maxLength: 2 }) });

/**
 * Benchmarks of 1–3 sections, 1–3 key factors each, 1–3 questions each with up to 2 sub-questions,
 * weights including 0; in about half of them no section has a weight (sections weighted by default).
 */
export const benchmarkArb: fc.Arbitrary<Benchmark> = fc
  .tuple(fc.boolean(), fc.array(
    fc.record({ weight: weightArb, keyFactors: fc.array(fc.record({ weight: weightArb, questions: fc.array(questionArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 3 },
  ))
  .map(([sectionWeights, sections]) => {
    let n = 0;
    return {
      kind: "benchmark",
      schemaVersion: "1.0",
      id: "prop.bench",
      version: "1.0.0",
      title: "Generated",
      standard: "Generated standard.",
      defaultScale: "cohesion.maturity",
      sources,
      sections: sections.map((s, i) => ({
        id: `s${i}`,
        title: `Section ${i}`,
        ...(sectionWeights ? { weight: s.weight } : {}),
        keyFactors: s.keyFactors.map((k, j) => ({
          id: `k${i}-${j}`,
          title: `Key factor ${i}.${j}`,
          weight: k.weight,
          guideQuestions: k.questions.map((q) => {
            const id = `q${n++}`;
            const question: Benchmark["sections"][number]["keyFactors"][number]["guideQuestions"][number] = { id, text: `${id}?`, weight: q.weight };
            if (q.subs.length > 0) question.subQuestions = q.subs.map((w) => ({ id: `q${n++}`, text: "Sub?", weight: w }));
            return question;
          }),
        })),
      })),
    } satisfies Benchmark;
  });

/** Every question id of a benchmark in document order, parents before their sub-questions. */
export function questionIds(benchmark: Benchmark): string[] {
  const ids: string[] = [];
  const visit = (q: { id: string; subQuestions?: { id: string }[] }) => {
    ids.push(q.id);
    q.subQuestions?.forEach(visit);
  };
  for (const s of benchmark.sections) for (const k of s.keyFactors) k.guideQuestions.forEach(visit);
  return ids;
}

/** A level for one question: on the maturity scale, n/a, or unanswered (undefined). */
export const levelArb = fc.oneof(fc.constantFrom(...LEVELS), fc.constant("n/a"), fc.constant(undefined));

/** A benchmark with one level per question. */
export const answeredArb = benchmarkArb.chain((benchmark) => {
  const count = questionIds(benchmark).length;
  return fc.tuple(fc.constant(benchmark), fc.array(levelArb, { minLength: count, maxLength: count }));
});

/** The assessment of `benchmark` giving `levels` in question order. */
export function assessmentFor(benchmark: Benchmark, levels: readonly (string | undefined)[]): Assessment {
  const answers: Record<string, string | undefined> = {};
  questionIds(benchmark).forEach((id, i) => {
    if (levels[i] !== undefined) answers[id] = levels[i];
  });
  return makeAssessment(answers, { benchmark: { id: benchmark.id, version: benchmark.version } });
}
