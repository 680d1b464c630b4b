// Everything the renderers read from a score report, its assessment and its benchmark goes through the
// functions here, so a change in the shape of the scoring output touches this file only.
import type { Assessment, Provenance, ScoreNode, ScoreReport } from "@cohesion/schema";
import { keyFactorRows, shownPeerGroup, type KeyFactorRow, type ReportInput } from "./model";

/** Peers as the report shows them beside the subject. */
export interface ReportPeers {
  /** How many subjects the group holds, the subject included. */
  readonly count: number;
  /** The peer group in words, for example "All subjects". */
  readonly group?: string;
  /** Median score per key factor reference (and "overall"). */
  readonly medians: Readonly<Record<string, number | null>>;
  /** The subject's rank overall, such as "3 of 9". */
  readonly rank?: string;
}

/** A candidate mentor as the report shows it, best first. */
export interface ReportMentor {
  readonly name: string;
  /** The match from 0 to 100. */
  readonly score?: number | null;
  readonly reason: string;
}

/** A band of the scoring model with the range of scores it covers. */
export interface BandRange {
  readonly label: string;
  readonly min: number;
  /** The upper end (exclusive), or undefined for the top band (up to 100 inclusive). */
  readonly below: number | undefined;
}

/** What the headline score covers: how much of the benchmark could be scored. */
export interface Coverage {
  readonly sections: { readonly scored: number; readonly total: number; readonly unscored: readonly ScoreNode[] };
  readonly keyFactors: { readonly scored: number; readonly total: number; readonly unscored: readonly KeyFactorRow[] };
  /** Share of applicable guide questions answered, 0–1. */
  readonly answered: number;
}

function sectionsOf(report: ScoreReport): ScoreNode[] {
  return (report.overall.children ?? []).filter((node) => node.level === "section");
}

/**
 * Says how much of the benchmark the headline score draws on: sections and key factors with a score,
 * and those without one.
 *
 * @example
 * ```ts
 * coverageOf({ report }).keyFactors.unscored.map((row) => row.title);
 * ```
 */
export function coverageOf(input: ReportInput): Coverage {
  const sections = sectionsOf(input.report);
  const rows = keyFactorRows(input);
  return {
    sections: { scored: sections.filter((s) => s.score !== null).length, total: sections.length, unscored: sections.filter((s) => s.score === null) },
    keyFactors: { scored: rows.filter((r) => r.node.score !== null).length, total: rows.length, unscored: rows.filter((r) => r.node.score === null) },
    answered: input.report.overall.coverage,
  };
}

function parameters(report: ScoreReport): Record<string, unknown> {
  const value = report.model.parameters as unknown;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The model's bands, lowest first, each with the scores it covers; empty when the model has none.
 *
 * @example
 * ```ts
 * bandRanges(report); // [{ label: "Starting", min: 0, below: 25 }, …, { label: "Advanced", min: 75, below: undefined }]
 * ```
 */
export function bandRanges(report: ScoreReport): BandRange[] {
  const bands = parameters(report)["bands"];
  if (!Array.isArray(bands)) return [];
  const valid = bands
    .filter((b): b is { label: string; min: number } => typeof b === "object" && b !== null && typeof (b as { label?: unknown }).label === "string" && typeof (b as { min?: unknown }).min === "number")
    .sort((a, b) => a.min - b.min);
  return valid.map((band, i) => ({ label: band.label, min: band.min, below: valid[i + 1]?.min }));
}

/** The bands in words: "Starting 0–25, Developing 25–50, …" with the upper end exclusive. */
export function bandsSentence(report: ScoreReport): string | undefined {
  const bands = bandRanges(report);
  if (bands.length === 0) return undefined;
  return `${bands.map((b) => `${b.label} from ${b.min}${b.below === undefined ? " to 100" : ` up to ${b.below}`}`).join("; ")}.`;
}

/** The share of applicable questions a node needs answered to get a score, when the model says. */
export function coverageThreshold(report: ScoreReport): number | undefined {
  const value = parameters(report)["coverageThreshold"];
  return typeof value === "number" ? value : undefined;
}

const PARAMETER_WORDS: Record<string, (value: unknown) => string | undefined> = {
  coverageThreshold: (v) => (typeof v === "number" ? `a score needs at least ${Math.round(v * 100)}% of the applicable questions below it answered` : undefined),
  parentAnswerWeight: (v) => (typeof v === "number" ? `a question's own answer weighs ${v} beside its sub-questions` : undefined),
  passMark: (v) => (typeof v === "number" ? `the standard is met at ${v} or more` : undefined),
  bands: () => undefined,
};

function plainValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return value.map(plainValue).join(", ");
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => `${words(k)} ${plainValue(v)}`).join(", ");
  return "none";
}

function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ").toLowerCase();
}

/**
 * The model's parameters as sentences (bands are explained on their own), never as raw JSON.
 *
 * @example
 * ```ts
 * parameterSentences(report); // ["a score needs at least 50% of the applicable questions below it answered", …]
 * ```
 */
export function parameterSentences(report: ScoreReport): string[] {
  return Object.entries(parameters(report))
    .map(([key, value]) => (PARAMETER_WORDS[key] ? PARAMETER_WORDS[key](value) : `${words(key)}: ${plainValue(value)}`))
    .filter((line): line is string => line !== undefined);
}

/** Gaps and strengths when targets were set; `targetsSet` false when neither exists. */
export function targetsOf(report: ScoreReport): { targetsSet: boolean; gaps: NonNullable<ScoreReport["gaps"]>; strengths: NonNullable<ScoreReport["strengths"]> } {
  const gaps = report.gaps ?? [];
  const strengths = report.strengths ?? [];
  return { targetsSet: gaps.length + strengths.length > 0, gaps, strengths };
}

/** A practice suggested for one or more key factors, listed once. */
export interface PracticeGroup {
  readonly id: string;
  readonly title: string;
  readonly where: string;
  readonly similarity: number | undefined;
  readonly keyFactors: readonly string[];
}

/**
 * The recommended practices, each once, with the key factors it can help with; the subject's own
 * practices (same place or city) are left out, since a city does not learn from itself.
 *
 * @example
 * ```ts
 * practiceGroups({ report }).map((p) => `${p.title}: ${p.keyFactors.join(", ")}`);
 * ```
 */
export function practiceGroups(input: ReportInput): PracticeGroup[] {
  const subject = input.report.assessment;
  const titles = new Map(keyFactorRows(input).map((row) => [row.ref, row.title]));
  const groups = new Map<string, { id: string; title: string; where: string; similarity: number | undefined; keyFactors: string[] }>();
  for (const recommendation of input.report.recommendations ?? []) {
    const keyFactor = recommendation.title ?? titles.get(recommendation.keyFactor) ?? recommendation.keyFactor;
    for (const practice of recommendation.practices) {
      const own = (subject?.subjectRef !== undefined && practice.placeRef === subject.subjectRef) || (subject?.subject !== undefined && practice.city !== undefined && practice.city.toLowerCase() === subject.subject.toLowerCase());
      if (own) continue;
      const group = groups.get(practice.practice) ?? {
        id: practice.practice,
        title: practice.title ?? practice.practice,
        where: [practice.city, practice.country].filter(Boolean).join(", "),
        similarity: practice.similarity,
        keyFactors: [],
      };
      if (!group.keyFactors.includes(keyFactor)) group.keyFactors.push(keyFactor);
      groups.set(practice.practice, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.keyFactors.length - a.keyFactors.length || (b.similarity ?? 0) - (a.similarity ?? 0) || a.title.localeCompare(b.title));
}

/** Why similarity could not be judged, said once for all practices and mentors: the notes about the subject's missing profile. */
export function unknownProfileNotes(report: ScoreReport): string[] {
  const notes = new Set<string>();
  const subject = report.assessment?.subject;
  const factors = [...(report.recommendations ?? []).flatMap((r) => r.practices.flatMap((p) => p.similarityFactors ?? [])), ...(report.mentors ?? []).flatMap((m) => m.similarityFactors ?? [])];
  for (const factor of factors) if (factor.similarity === null && factor.note && subject !== undefined && factor.note.includes(subject)) notes.add(factor.note);
  return [...notes];
}

/**
 * Peers as the report shows them, read from the score report's "all" peer group (else its first group): medians per key factor and overall, the group's size and the subject's rank.
 *
 * @example
 * ```ts
 * peersOf({ report })?.rank; // "2 of 5"
 * ```
 */
export function peersOf(input: ReportInput): ReportPeers | undefined {
  const group = shownPeerGroup(input.report);
  if (!group) return undefined;
  const medians: Record<string, number | null> = {};
  for (const statistic of group.keyFactors ?? []) medians[statistic.ref] = statistic.quartiles?.median ?? null;
  medians[input.report.overall.ref] = group.overall.quartiles?.median ?? null;
  return { count: group.members, medians, group: group.label, ...(group.overall.rankText ? { rank: group.overall.rankText } : {}) };
}

/**
 * Mentor candidates as the report shows them, read from the score report, the match as a percentage.
 *
 * @example
 * ```ts
 * mentorsOf({ report }).map((m) => `${m.name}: ${Math.round(m.score ?? 0)}%`);
 * ```
 */
export function mentorsOf(input: ReportInput): readonly ReportMentor[] {
  return (input.report.mentors ?? []).map((m) => ({ name: m.subject, score: m.match * 100, reason: m.reason }));
}

/**
 * The scoring notes in plain words: no codes; notes about peer assessments left out are summed up in
 * one sentence.
 *
 * @example
 * ```ts
 * readableNotes(report); // ["2 peer assessments answer another benchmark and were left out of the comparison.", …]
 * ```
 */
export function readableNotes(report: ScoreReport): string[] {
  const notes: string[] = [];
  let leftOut = 0;
  for (const message of report.messages ?? []) {
    if (message.code === "peer_left_out") leftOut++;
    else notes.push(message.message);
  }
  if (leftOut > 0) notes.push(`${leftOut === 1 ? "One peer assessment was" : `${leftOut} peer assessments were`} left out of the comparison because ${leftOut === 1 ? "it answers" : "they answer"} another benchmark or version, or could not be scored.`);
  return notes;
}

/** One link of evidence. */
export interface EvidenceLink {
  readonly title: string;
  readonly url: string;
  readonly date?: string;
}

/** What the assessment says about one answer besides its level. */
export interface AnswerDetails {
  readonly evidence?: string;
  /** Whose words the evidence text is, when the assessment marks it. */
  readonly evidenceProvenance?: Provenance;
  readonly links: readonly EvidenceLink[];
  readonly notes?: string;
  /** Whose words the notes are, when the assessment marks them. */
  readonly notesProvenance?: Provenance;
}

/**
 * The evidence, evidence links and notes the assessment gives for a guide question, when the
 * assessment was passed in.
 *
 * @example
 * ```ts
 * answerDetails({ report, assessment }, "kf1-border-criteria").links[0]?.title;
 * ```
 */
export function answerDetails(input: ReportInput, questionId: string): AnswerDetails | undefined {
  const answers: Assessment["answers"] | undefined = input.assessment?.answers;
  const answer = answers && Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
  if (!answer) return undefined;
  const links = (answer.evidenceLinks ?? []).map((link) => ({ title: link.title, url: link.url, ...(link.date ? { date: link.date } : {}) }));
  if (!answer.evidence && !answer.notes && links.length === 0) return undefined;
  const marks = answer.provenance;
  return {
    ...(answer.evidence ? { evidence: answer.evidence, ...(marks?.evidence ? { evidenceProvenance: marks.evidence } : {}) } : {}),
    links,
    ...(answer.notes ? { notes: answer.notes, ...(marks?.notes ? { notesProvenance: marks.notes } : {}) } : {}),
  };
}

/** The label of a scale level ("Partly in place") for an answer id, or the id itself when no scale was given. */
export function levelLabel(input: ReportInput, level: string | undefined): string {
  if (level === undefined) return "not answered";
  if (level === "n/a") return "not applicable";
  return input.scale?.levels.find((l) => l.id === level)?.label ?? level;
}

/** Whether the assessment's answers are made up to show the tools. */
export function isIllustrative(input: ReportInput): boolean {
  return input.report.assessment?.illustrative === true || input.assessment?.illustrative === true;
}

/** The assessment's own notes and who made it, when the assessment was passed in. */
export function assessmentContext(input: ReportInput): { notes?: string; assessedBy: string[]; method?: string } {
  const a = input.assessment;
  if (!a) return { assessedBy: [] };
  return { ...(a.notes ? { notes: a.notes } : {}), assessedBy: a.assessedBy.map((actor) => actor.name), method: a.method };
}
