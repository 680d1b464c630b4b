import type { PeerGroup, PeerStatistic, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { indexPlaces } from "./profiles";
import { scoringProblem } from "../problems";
import { looseScoreReportProblems } from "./report-input";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import { DEFAULT_MIGRANT_MEASURES } from "./similarity";
import { roundScore } from "../engine/exact";
import { binOf, histogram, lowerBound, percentileRank, upperBound } from "./statistics";
import { isScoreTable, type ScoreTable } from "../engine/score-table";
import type { ReportMessage, ReportPeers } from "../types";
import { groupSubjects, missingOf, type ContextBand, type Group, type PeerOptions } from "./peer-groups";
import { rankAll, summariseAll, type PeerRanks } from "./peer-ranking";
import { indexIds } from "./id-index";
import { reportSubjects, tableSubjects } from "./peer-subjects";

export { DEFAULT_MIGRANT_SHARE_BANDS, DEFAULT_POPULATION_BANDS, type ContextBand, type PeerOptions } from "./peer-groups";
export type { PeerRanks } from "./peer-ranking";

/**
 * The peer position of one subject, ready to put in a score report's `peers`, with messages such as
 * a subject without profile data.
 *
 * @example
 * ```ts
 * const { peers, messages } = result.report;
 * ```
 */
export interface PeerPosition {
  readonly peers: ReportPeers;
  readonly messages: ReportMessage[];
}

/**
 * Peer statistics over many score reports, computed once; `position` then places any member.
 *
 * @example
 * ```ts
 * const index = createPeerIndex(reports, { places });
 * if (index.ok) index.report.position("eurocities.assessment-ghent-2026");
 * ```
 */
export interface PeerIndex {
  /** How many reports are compared. */
  readonly size: number;
  /** Where the report of assessment `assessmentId` stands, overall and per key factor, in every peer group. */
  position(assessmentId: string): ScoringResult<PeerPosition>;
  /** Every subject's rank and percentile rank in every peer group at once, as columns (for bulk use). */
  ranks(): PeerRanks;
}

interface Summary {
  /** Every member's score that exists, ascending, the subject's own included. */
  readonly sorted: Float64Array;
  /** The number of histogram bins. */
  readonly bins: number;
  /** The histogram of `sorted`, made on first use (`ranks()` needs none). */
  histogram: readonly { readonly from: number; readonly to: number; readonly count: number }[] | undefined;
  /**
   * The statistic of a member by where its score lies in `sorted` (its lower bound), made once and
   * shared, frozen, by every member with that score; `unscored` for a member without one.
   */
  statistics: (PeerStatistic | undefined)[] | undefined;
  unscored: PeerStatistic | undefined;
}

// The p-quantile of an ascending array with the element at `skip` left out (-1: none left out).
function quantileWithout(sorted: Float64Array, skip: number, p: number): number {
  const at = (i: number): number => sorted[skip !== -1 && i >= skip ? i + 1 : i] as number;
  const length = skip === -1 ? sorted.length : sorted.length - 1;
  const position = (length - 1) * p;
  const low = Math.floor(position);
  const lowValue = at(low);
  return lowValue + (at(Math.min(length - 1, low + 1)) - lowValue) * (position - low);
}

/**
 * Indexes many score reports of one benchmark for peer statistics: per key factor and overall, the
 * subject's rank "n of N" (1 = highest, ties share the better rank) and percentile rank among the
 * other members of its group, and their quartiles and histogram (the subject left out), among all
 * subjects and within peer groups by population band, migrant-share band and country.
 * A subject without profile data for a dimension lands in that dimension's "unknown" group.
 * Reports of other benchmarks than the first are an error; any garbage report is an error pointing at it.
 * Scores are compared rounded to SCORE_DECIMALS (as the engine writes them).
 * It also takes a {@link ScoreTable} from `scorer.scoreAll` (the bulk path): its scored rows are the
 * subjects, and `ranks()` gives every subject's figures at once, as columns.
 *
 * @example
 * ```ts
 * const index = createPeerIndex(reports, { places }); // or createPeerIndex(table, { places })
 * if (index.ok) {
 *   const position = index.report.position(reports[0].assessment.id);
 * }
 * ```
 */
export function createPeerIndex(reports: unknown, options: PeerOptions = {}): ScoringResult<PeerIndex> {
  return safely(() => indexPeers(reports, optionsOf(options)));
}

function checkBands(bands: unknown, pointer: string): ValidationProblem[] {
  if (bands === undefined) return [];
  const ok =
    Array.isArray(bands) &&
    bands.length > 0 &&
    bands.every((b: unknown, i) => {
      const band = b as Partial<ContextBand> | null;
      const previous = bands[i - 1] as ContextBand | undefined;
      return (
        typeof band === "object" && band !== null && typeof band.id === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(band.id) &&
        typeof band.label === "string" && band.label !== "" && typeof band.min === "number" && (previous === undefined || band.min > previous.min)
      );
    });
  return ok ? [] : [scoringProblem("invalid_input", pointer, { what: "The bands", detail: "expected bands { id (kebab-case), label, min } with increasing min" })];
}

// The figures of a member with `score` in a group whose scores are summarised in `summary`.
function statisticOf(summary: Summary, ref: string, title: string | undefined, score: number | null): PeerStatistic {
  const sorted = summary.sorted;
  const n = sorted.length;
  const below = score === null ? -1 : lowerBound(sorted, score);
  // A scored subject is in its group's sorted scores; the others are the rest.
  const skip = score !== null && below < n && sorted[below] === score ? below : -1;
  const others = skip === -1 ? n : n - 1;
  // Bins are shared by every member's position, so frozen: a reader cannot change another subject's figures.
  summary.histogram ??= histogram(sorted, summary.bins).map((bin) => Object.freeze(bin));
  // The group's bins, but the subject's own: that one is the group's bin less the subject.
  const bars = summary.histogram.slice() as PeerStatistic["histogram"];
  if (skip !== -1) {
    const own = binOf(score as number, bars.length);
    const bin = bars[own] as PeerStatistic["histogram"][number];
    bars[own] = Object.freeze({ from: bin.from, to: bin.to, count: bin.count - 1 });
  }
  const stat: PeerStatistic = { ref, score, rank: null, of: others, rankText: `unranked of ${others}`, percentile: null, histogram: bars };
  if (title !== undefined) stat.title = title;
  if (others > 0) stat.quartiles = { q1: quantileWithout(sorted, skip, 0.25), median: quantileWithout(sorted, skip, 0.5), q3: quantileWithout(sorted, skip, 0.75) };
  if (score !== null && skip !== -1) {
    const notAbove = upperBound(sorted, score);
    stat.rank = n - notAbove + 1;
    stat.of = n;
    stat.rankText = `${stat.rank} of ${n}`;
    // Of the others: those below, and half of those with the same score.
    if (others > 0) stat.percentile = percentileRank(below, notAbove - below - 1, others);
  }
  return stat;
}

function freezeStatistic(stat: PeerStatistic): PeerStatistic {
  Object.freeze(stat.histogram);
  if (stat.quartiles) Object.freeze(stat.quartiles);
  return Object.freeze(stat);
}

function indexPeers(input: unknown, options: PeerOptions): ScoringResult<PeerIndex> {
  const problems: ValidationProblem[] = [];
  const table = isScoreTable(input) ? input : undefined;
  if (!table && !Array.isArray(input)) return fail([scoringProblem("invalid_input", "/reports", { what: "The score reports", detail: "expected an array of score reports or a score table" })]);
  const reports: unknown[] = table ? [] : (input as unknown[]);
  reports.forEach((r: unknown, i) => problems.push(...looseScoreReportProblems(r, joinPointer("/reports", i))));
  problems.push(...checkBands(options.populationBands, "/populationBands"), ...checkBands(options.migrantShareBands, "/migrantShareBands"));
  const bins = options.histogramBins ?? 10;
  if (!Number.isInteger(bins) || bins < 1 || bins > 100) {
    problems.push(scoringProblem("invalid_input", "/histogramBins", { what: "The number of histogram bins", detail: "it must be a whole number from 1 to 100" }));
  }
  const measures = Array.isArray(options.migrantMeasures) ? options.migrantMeasures : DEFAULT_MIGRANT_MEASURES;
  const { index: places, problems: placeProblems } = indexPlaces(options.places, "/places", measures, options.validated === true);
  problems.push(...placeProblems);
  if (problems.length > 0) return fail(problems);
  const valid = reports as ScoreReport[];
  const benchmarkId = valid[0]?.benchmark.id;
  valid.forEach((r, i) => {
    if (r.benchmark.id !== benchmarkId) {
      problems.push(scoringProblem("benchmark_mismatch", joinPointer("/reports", i, "benchmark"), { assessmentBenchmark: r.benchmark.id, benchmark: benchmarkId }));
    }
  });
  if (problems.length > 0) return fail(problems);

  const subjects = table ? tableSubjects(table) : reportSubjects(valid);
  const size = subjects.ids.length;
  // Each assessment once: a repeat would count twice in every distribution, and which of two reports
  // with one id is right cannot be known here. Reports without an assessment block (id "") cannot be
  // placed, so they are not compared for repeats.
  const byAssessment = indexIds(subjects.ids);
  for (const [m, first] of byAssessment.repeats) {
    const id = subjects.ids[m] as string;
    if (id !== "") problems.push(scoringProblem("duplicate_assessment", subjects.pointer(m), { id, first: subjects.pointer(first) }));
  }
  if (problems.length > 0) return fail(problems);
  const { groupings, missing } = groupSubjects(subjects.assessments, places, options);
  const numberOf = (assessmentId: string): number | undefined => byAssessment.firstOf(assessmentId);
  // One score of every subject as a column (NaN: no score), read once from the reports or the table.
  const columns = new Map<string, Float64Array>();
  const columnOf = (ref: string): Float64Array => {
    let column = columns.get(ref);
    if (!column) columns.set(ref, (column = subjects.column(ref)));
    return column;
  };
  // Each group's distribution of each score is sorted and summarised once, on first use.
  const summaries = groupings.map((grouping) => grouping.ids.map(() => new Map<string, Summary>()));
  const summarise = (d: number, g: number, ref: string, sorted: Float64Array): Summary => {
    const known = summaries[d]?.[g] as Map<string, Summary>;
    let summary = known.get(ref);
    if (!summary) {
      summary = { sorted, bins, histogram: undefined, statistics: undefined, unscored: undefined };
      known.set(ref, summary);
    }
    return summary;
  };
  // Every group's distribution of every score, made at once on first use (one sort per score, as
  // ranks() does), so that placing member after member never leaves the quick path.
  let summarised = false;
  const summaryOf = (d: number, g: number, ref: string): Summary => {
    const known = summaries[d]?.[g]?.get(ref);
    if (known) return known;
    if (!summarised) {
      summarised = true;
      summariseAll(groupings, subjects.refs(), columnOf, summarise);
    }
    const made = summaries[d]?.[g]?.get(ref);
    // A score no subject has: an empty distribution.
    return made ?? summarise(d, g, ref, new Float64Array(0));
  };

  // The subject's figures against the other members of its group: the group's sorted scores with
  // the subject's own score taken out once (at `skip`), so nothing is sorted per subject. Every
  // member of a group with the same score has the same figures: they are made once, frozen and shared.
  const statistic = (summary: Summary, ref: string, title: string | undefined, given: number | null): PeerStatistic => {
    if (given === null) {
      const known = summary.unscored;
      if (known !== undefined && known.title === title) return known;
      return (summary.unscored = freezeStatistic(statisticOf(summary, ref, title, null)));
    }
    const score = roundScore(given);
    const sorted = summary.sorted;
    const below = lowerBound(sorted, score);
    // A score that is not among the group's (a subject compared with a group it is not in) is not shared.
    if (below >= sorted.length || sorted[below] !== score) return statisticOf(summary, ref, title, score);
    const shared = (summary.statistics ??= new Array<PeerStatistic | undefined>(sorted.length));
    const known = shared[below];
    if (known !== undefined && known.title === title) return known;
    return (shared[below] = freezeStatistic(statisticOf(summary, ref, title, score)));
  };

  const position = (assessmentId: string): ScoringResult<PeerPosition> => safely(() => positionOf(assessmentId));
  const positionOf = (assessmentId: string): ScoringResult<PeerPosition> => {
    const m = numberOf(assessmentId);
    if (m === undefined) return fail([scoringProblem("subject_not_found", "", { id: assessmentId, count: size })]);
    const member = subjects.member(m);
    const keyFactorsOfSubject = member.keyFactors();
    const groups: PeerGroup[] = groupings.map((grouping, d) => {
      const group = grouping.entries[grouping.entryOf[m] as number] as Group;
      const g = grouping.groupOf[m] as number;
      return {
        dimension: grouping.dimension,
        id: group.id,
        label: group.label,
        members: grouping.counts[g] as number,
        overall: statistic(summaryOf(d, g, "overall"), "overall", member.title, member.overall),
        keyFactors: keyFactorsOfSubject.map((node) => statistic(summaryOf(d, g, node.ref), node.ref, node.title, node.score)),
      };
    });
    const messages: ReportMessage[] = [];
    const lacking = missingOf(missing[m] as number);
    if (lacking.length > 0) {
      const subject = member.assessment?.subject ?? assessmentId;
      messages.push({
        code: "peer_profile_missing",
        severity: "info",
        message: `No ${lacking.join(", ")} is known for ${subject}, so it is compared in the "unknown" peer group for ${lacking.length === 1 ? "that dimension" : "those dimensions"}. Add a place profile to compare it with similar cities.`,
        params: { subject, missing: lacking },
      });
    }
    return succeed({ peers: { population: size, groups }, messages });
  };

  // The ranks need no group's sorted scores: those are made when a position first asks for them.
  const ranks = (): PeerRanks => rankAll(subjects.ids, groupings, subjects.refs(), columnOf);
  return succeed({ size, position, ranks });
}

/**
 * Where one subject stands among peers: {@link createPeerIndex} over `reports` (which must include
 * the subject's report) and its position. For many subjects, build the index once instead.
 *
 * @example
 * ```ts
 * const result = peerPosition("eurocities.assessment-ghent-2026", reports, { places });
 * if (result.ok) result.report.peers.groups[0]?.overall.rankText; // "3 of 12"
 * ```
 */
export function peerPosition(assessmentId: string, reports: unknown, options: PeerOptions = {}): ScoringResult<PeerPosition> {
  const index = createPeerIndex(reports, options);
  if (!index.ok) return index;
  return index.report.position(assessmentId);
}
