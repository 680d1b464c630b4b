import type { Benchmark, Gap, Place, Practice, Recommendation, ScoreReport } from "@cohesion/schema";
import { joinPointer, validatePractice } from "@cohesion/schema";
import type { ValidationProblem } from "@cohesion/schema";
import { cityProfile, indexPlaces, subjectProfile } from "./profiles";
import { ALREADY_VALID, readablePractice } from "../readable";
import { keyFactorReference } from "../engine/plan";
import { scoringProblem } from "../problems";
import { looseScoreReportProblems } from "./report-input";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import type { SimilarityWeights } from "./similarity";
import { citySimilarity, DEFAULT_SIMILARITY_WEIGHTS, likeness, pairingNotes, subjectUnknownMessage } from "./similarity";
import type { ReportMessage } from "../types";

/**
 * Options of {@link recommendPractices}.
 *
 * @example
 * ```ts
 * const options: PracticeOptions = { practices, places, limit: 3 };
 * ```
 */
export interface PracticeOptions {
  /** The practices to choose from. */
  readonly practices: readonly Practice[];
  /** Place profiles of the subject and of practice cities. */
  readonly places?: readonly unknown[];
  /** Gaps to find practices for; default the report's own `gaps`. */
  readonly gaps?: readonly Gap[];
  /** Also count practices a key factor lists in its `practiceRefs`. */
  readonly benchmark?: Benchmark;
  /** Practices per gap, most similar city first; default 3. */
  readonly limit?: number;
  readonly weights?: SimilarityWeights;
  /**
   * True when the caller has validated the practices and places against their schemas already (a plugin
   * host does, against the schemas its plugins extend): the schema check is not repeated, only the types
   * of the fields read are checked. Default false: they are validated against the core schemas, which
   * call a field a plugin adds unknown.
   */
  readonly validated?: boolean;
}

/**
 * What {@link recommendPractices} found: per gap its practices, and messages said once for all of
 * them (what is not known about the subject, practices of the subject itself left out).
 *
 * @example
 * ```ts
 * const { recommendations, messages } = result.report;
 * ```
 */
export interface PracticeRecommendations {
  readonly recommendations: Recommendation[];
  readonly messages: ReportMessage[];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Practices to learn from: for each gap (largest first), the practices linked to that key factor,
 * ranked by how alike their city is to the subject (size, migrant share, country), each with a reason
 * a person can read. A gap with no linked practice is listed with none. Practices of the subject's own
 * city (the same place, else the same city name and country) are never recommended to it; what is not
 * known about the subject is said once, in `messages`, not in every reason.
 *
 * @example
 * ```ts
 * const result = recommendPractices(reportWithGaps, { practices: catalog.practices(), places: catalog.places() });
 * if (result.ok) result.report.recommendations[0]?.practices[0]?.reason;
 * ```
 */
export function recommendPractices(report: unknown, options: PracticeOptions): ScoringResult<PracticeRecommendations> {
  return safely(() => recommend(report, optionsOf(options) as PracticeOptions));
}

function recommend(report: unknown, options: PracticeOptions): ScoringResult<PracticeRecommendations> {
  const problems: ValidationProblem[] = looseScoreReportProblems(report, "/report");
  const validated = options.validated === true;
  const { index, problems: placeProblems } = indexPlaces(options.places, "/places", undefined, validated);
  problems.push(...placeProblems);
  const practices: Practice[] = [];
  if (!Array.isArray(options.practices)) {
    problems.push(...validatePractice(options.practices).errors.map((p) => ({ ...p, pointer: "/practices" + p.pointer })));
  } else {
    options.practices.forEach((practice: unknown, i) => {
      const check = validated && readablePractice(practice) ? ALREADY_VALID : validatePractice(practice);
      if (check.valid) practices.push(practice as Practice);
      else problems.push(...check.errors.map((p) => ({ ...p, pointer: joinPointer("/practices", i) + p.pointer, params: { ...p.params, document: "practice" } })));
    });
  }
  const limit = typeof options.limit === "number" && options.limit >= 0 ? options.limit : 3;
  if (options.gaps !== undefined && !Array.isArray(options.gaps)) {
    problems.push(scoringProblem("invalid_input", "/gaps", { what: "The gaps", detail: "expected an array of gaps from findGaps" }));
  }
  if (problems.some((p) => p.severity === "error")) return fail(problems);

  const scoreReport = report as ScoreReport;
  const gaps = options.gaps ?? scoreReport.gaps ?? [];
  const subject = subjectProfile(scoreReport, index);
  const listed = new Map<string, Set<string>>();
  for (const section of options.benchmark?.sections ?? []) {
    for (const keyFactor of section.keyFactors) {
      const ids = new Set(keyFactor.practiceRefs ?? []);
      for (const action of keyFactor.recommendedActions ?? []) for (const id of action.practiceRefs ?? []) ids.add(id);
      listed.set(keyFactorReference(options.benchmark?.id ?? "", keyFactor.id), ids);
    }
  }

  const own = new Set<string>();
  const isOwn = (practice: Practice, place: Place | undefined): boolean => {
    if (place !== undefined && subject.place !== undefined) return place === subject.place;
    return practice.city !== undefined && sameName(practice.city, subject.profile.name) && practice.country === subject.profile.country;
  };
  const recommendations = gaps.map((gap): Recommendation => {
    const refs = listed.get(gap.keyFactor);
    const linked = practices.filter((p) => (p.keyFactors ?? []).includes(gap.keyFactor) || refs?.has(p.id) === true);
    const ranked = linked
      .flatMap((practice) => {
        // A practice the source places only in a country is compared by country alone.
        const where = practice.city ?? practice.country;
        const city = cityProfile(where, practice.country, practice.placeRef, index);
        if (isOwn(practice, city.place)) {
          own.add(practice.id);
          return [];
        }
        const { similarity, factors } = citySimilarity(subject.profile, city.profile, options.weights ?? DEFAULT_SIMILARITY_WEIGHTS);
        const topic = gap.title ?? gap.keyFactor;
        const reason =
          `"${practice.title}" in ${practice.city === undefined ? practice.country : `${practice.city} (${practice.country})`} works on "${topic}", where ${subject.profile.name} is ` +
          `${round(gap.difference)} points below its target of ${round(gap.target)}. ` +
          `${where} and ${subject.profile.name} share ${likeness(factors)} (similarity ${Math.round(similarity * 100)}%). ` +
          pairingNotes(factors, subject.profile);
        const entry: Recommendation["practices"][number] = {
          practice: practice.id,
          title: practice.title,
          country: practice.country,
          similarity,
          similarityFactors: factors,
          reason,
        };
        if (practice.city !== undefined) entry.city = practice.city;
        if (city.place) entry.placeRef = city.place.id;
        return [entry];
      })
      .sort((a, b) => b.similarity - a.similarity || (a.practice < b.practice ? -1 : a.practice > b.practice ? 1 : 0))
      .slice(0, Math.max(0, limit));
    const recommendation: Recommendation = { keyFactor: gap.keyFactor, practices: ranked };
    if (gap.title !== undefined) recommendation.title = gap.title;
    return recommendation;
  });
  const messages: ReportMessage[] = [];
  const unknown = subjectUnknownMessage(subject.profile);
  if (unknown && recommendations.some((r) => r.practices.length > 0)) messages.push(unknown);
  if (own.size > 0) {
    messages.push({
      code: "practice_own_skipped",
      severity: "info",
      message: `${own.size} practice(s) of ${subject.profile.name} itself were not recommended to it.`,
      params: { count: own.size, practices: [...own] },
    });
  }
  return succeed({ recommendations, messages });
}
