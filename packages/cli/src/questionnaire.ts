import type { Benchmark, GuideQuestion, KeyFactor, Provenance, Scale, Source } from "@cohesion/schema";

/**
 * Whose words each prose field of an item holds, as the benchmark marks it (schema 1.2): `"source"` when it
 * restates the cited source, `"editorial"` when Cohesion wrote it; a field not named is not marked either way.
 */
export type ProvenanceMarks<Field extends string> = { readonly [F in Field]?: Provenance };

/** A guide question as a person reads it: its id (the key of its answer), text, guidance and sub-questions. */
export interface QuestionnaireQuestion {
  readonly id: string;
  readonly text: string;
  readonly guidance?: string;
  readonly subQuestions: readonly QuestionnaireQuestion[];
  readonly provenance?: ProvenanceMarks<"text" | "guidance">;
}

/** A level a person may choose, with what it means. */
export interface QuestionnaireLevel {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly description?: string;
}

/** A key factor with everything that helps answer its questions. */
export interface QuestionnaireKeyFactor {
  readonly id: string;
  readonly number?: number;
  readonly title: string;
  readonly statement?: string;
  readonly rationale?: string;
  readonly questions: readonly QuestionnaireQuestion[];
  readonly practicalTips: readonly string[];
  readonly recommendedActions: readonly { readonly title: string; readonly description?: string; readonly provenance?: ProvenanceMarks<"description"> }[];
  readonly provenance?: ProvenanceMarks<"statement" | "rationale" | "practicalTips">;
}

/**
 * A benchmark laid out as a questionnaire: what `cohesion show benchmark` prints and `cohesion init`
 * writes beside a blank assessment.
 */
export interface Questionnaire {
  readonly benchmark: { readonly id: string; readonly version: string; readonly title: string; readonly publisher?: string; readonly standard?: string; readonly provenance?: ProvenanceMarks<"standard"> };
  readonly scale?: { readonly id: string; readonly title: string; readonly levels: readonly QuestionnaireLevel[] };
  readonly sections: readonly { readonly id: string; readonly title: string; readonly description?: string; readonly keyFactors: readonly QuestionnaireKeyFactor[]; readonly provenance?: ProvenanceMarks<"description"> }[];
  readonly contextFactors: readonly { readonly id: string; readonly title: string; readonly description?: string; readonly mayInvolve: readonly string[]; readonly provenance?: ProvenanceMarks<"description" | "mayInvolve"> }[];
  readonly sources: readonly Source[];
  /** How many questions there are to answer, sub-questions included. */
  readonly questionCount: number;
  /** Whether any prose field shown carries a provenance mark, so a reader needs the legend. */
  readonly marked: boolean;
}

function fullTitle(item: { title: string; titleParts?: string[] }): string {
  return item.titleParts && item.titleParts.length > 0 ? item.titleParts.join(" ") : item.title;
}

/** The marks of the fields shown, or nothing when none of them is marked. */
function marks<Field extends string>(provenance: Partial<Record<string, Provenance>> | undefined, fields: readonly Field[]): { provenance?: ProvenanceMarks<Field> } {
  const kept: Partial<Record<Field, Provenance>> = {};
  for (const field of fields) {
    const mark = provenance?.[field];
    if (mark !== undefined) kept[field] = mark;
  }
  return Object.keys(kept).length > 0 ? { provenance: kept } : {};
}

function question(q: GuideQuestion): QuestionnaireQuestion {
  return { id: q.id, text: q.text, ...(q.guidance ? { guidance: q.guidance } : {}), subQuestions: (q.subQuestions ?? []).map(question), ...marks(q.provenance, ["text", "guidance"]) };
}

function anyMarked(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(anyMarked);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, child]) => (key === "provenance" ? true : anyMarked(child)));
}

function countQuestions(questions: readonly QuestionnaireQuestion[]): number {
  return questions.reduce((n, q) => n + 1 + countQuestions(q.subQuestions), 0);
}

function keyFactor(k: KeyFactor): QuestionnaireKeyFactor {
  return {
    id: k.id,
    ...(k.number === undefined ? {} : { number: k.number }),
    title: fullTitle(k),
    ...(k.statement ? { statement: k.statement } : {}),
    ...(k.rationale ? { rationale: k.rationale } : {}),
    questions: k.guideQuestions.map(question),
    practicalTips: [...(k.practicalTips ?? [])],
    recommendedActions: (k.recommendedActions ?? []).map((a) => ({ title: a.title, ...(a.description ? { description: a.description } : {}), ...marks(a.provenance, ["description"]) })),
    ...marks(k.provenance, ["statement", "rationale", "practicalTips"]),
  };
}

/**
 * Lays a benchmark out as a questionnaire, with the levels of its scale (the benchmark's default scale
 * unless another is given).
 *
 * @example
 * ```ts
 * const q = questionnaireOf(benchmark, host.catalog().scale(benchmark.defaultScale));
 * q.questionCount; // 69
 * ```
 */
export function questionnaireOf(benchmark: Benchmark, scale: Scale | undefined): Questionnaire {
  const sections = benchmark.sections.map((s) => ({ id: s.id, title: s.title, ...(s.description ? { description: s.description } : {}), keyFactors: s.keyFactors.map(keyFactor), ...marks(s.provenance, ["description"]) }));
  const contextFactors = (benchmark.contextFactors ?? []).map((c) => ({ id: c.id, title: fullTitle(c), ...(c.description ? { description: c.description } : {}), mayInvolve: [...(c.mayInvolve ?? [])], ...marks(c.provenance, ["description", "mayInvolve"]) }));
  const head = { id: benchmark.id, version: benchmark.version, title: benchmark.title, ...(benchmark.publisher ? { publisher: benchmark.publisher } : {}), ...(benchmark.standard ? { standard: benchmark.standard } : {}), ...marks(benchmark.provenance, ["standard"]) };
  return {
    benchmark: head,
    ...(scale
      ? { scale: { id: scale.id, title: scale.title, levels: scale.levels.map((l) => ({ id: l.id, label: l.label, value: l.value, ...(l.description ? { description: l.description } : {}) })) } }
      : {}),
    sections,
    contextFactors,
    sources: benchmark.sources,
    questionCount: sections.reduce((n, s) => n + s.keyFactors.reduce((m, k) => m + countQuestions(k.questions), 0), 0),
    marked: anyMarked([head, sections, contextFactors]),
  };
}

/** Names a source as a reader cites it: publication, year, section. */
export function sourceLine(source: Source): string {
  return `${source.publication} (${source.year}), ${source.section}${source.pages ? `, p. ${source.pages}` : ""}${source.url ? ` — ${source.url}` : ""}`;
}

/** What the provenance marks mean, for the legend of a questionnaire whose text carries them. */
export const PROVENANCE_LEGEND: Readonly<Record<Provenance, string>> = {
  source: "restates what the cited publication says",
  editorial: "not in the cited publication: written by the benchmark's authors (a question, gloss, summary or judgement)",
};

/** The levels as one line, for a reminder beside each question. */
export function levelChoices(q: Questionnaire): string {
  return [...(q.scale?.levels ?? []).map((l) => l.id), "n/a"].join(" | ");
}
