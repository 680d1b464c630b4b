// Whose words the report shows: the benchmark's and the assessment's provenance marks (schema 1.2), read
// in one place so both renderers mark the same text the same way.
import type { Benchmark, GuideQuestion, Provenance } from "@cohesion/schema";
import type { ReportInput } from "./model";

/** What each mark means, for the legend above the answers. */
export const PROVENANCE_MEANING: Readonly<Record<Provenance, string>> = {
  source: "restates what the cited publication says, in other words",
  editorial: "not in the publication: written for this benchmark or assessment (a question, gloss, judgement or assumption)",
};

function collect(questions: readonly GuideQuestion[] | undefined, into: Map<string, Provenance>): void {
  for (const question of questions ?? []) {
    const mark = question.provenance?.text;
    if (mark !== undefined) into.set(question.id, mark);
    collect(question.subQuestions, into);
  }
}

const cache = new WeakMap<Benchmark, ReadonlyMap<string, Provenance>>();

/**
 * The provenance of each guide question's text in the benchmark, by question id (questions that are not
 * marked are absent).
 *
 * @example
 * ```ts
 * questionProvenance(benchmark).get("kf1-borders"); // "source"
 * ```
 */
export function questionProvenance(benchmark: Benchmark | undefined): ReadonlyMap<string, Provenance> {
  if (!benchmark) return new Map();
  const known = cache.get(benchmark);
  if (known) return known;
  const marks = new Map<string, Provenance>();
  for (const section of benchmark.sections ?? []) for (const keyFactor of section.keyFactors ?? []) collect(keyFactor.guideQuestions, marks);
  cache.set(benchmark, marks);
  return marks;
}

/**
 * Whether anything the report shows carries a provenance mark: a guide question of the benchmark, or the
 * evidence or notes of an answer. The legend is shown only then.
 *
 * @example
 * ```ts
 * if (showsProvenance(input)) console.log("source / editorial legend");
 * ```
 */
export function showsProvenance(input: ReportInput): boolean {
  if (questionProvenance(input.benchmark).size > 0) return true;
  return Object.values(input.assessment?.answers ?? {}).some((answer) => (answer.evidence && answer.provenance?.evidence !== undefined) || (answer.notes && answer.provenance?.notes !== undefined));
}
