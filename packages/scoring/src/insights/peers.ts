import type { PeerGroup, PeerStatistic, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { keyFactorNodes } from "../engine/aggregate";
import type { PlaceIndex } from "./profiles";
import { indexPlaces, subjectProfile } from "./profiles";
import { scoringProblem } from "../problems";
import { looseScoreReportProblems } from "./report-input";
import type { ScoringResult } from "../result";
import { fail, optionsOf, safely, succeed } from "../result";
import type { MigrantMeasure } from "./similarity";
import { DEFAULT_MIGRANT_MEASURES } from "./similarity";
import { roundScore } from "../engine/exact";
import { binOf, histogram, lowerBound, scoreOrder, upperBound } from "./statistics";
import { isScoreTable, type ScoreTable } from "../engine/score-table";
import type { ReportAssessment, ReportMessage, ReportPeers } from "../types";

/**
 * A band of a numeric context figure: a value belongs to the last band whose `min` it reaches.
 *
 * @example
 * ```ts
 * const band: ContextBand = { id: "medium", label: "100,000 to 499,999 residents", min: 100000 };
 * ```
 */
export interface ContextBand {
  readonly id: string;
  readonly label: string;
  readonly min: number;
}

/**
 * Population bands as place.schema.json defines size bands.
 *
 * @example
 * ```ts
 * DEFAULT_POPULATION_BANDS.map((b) => b.id); // ["small", "medium", "large", "metropolitan"]
 * ```
 */
export const DEFAULT_POPULATION_BANDS: readonly ContextBand[] = [
  { id: "small", label: "Under 100,000 residents", min: 0 },
  { id: "medium", label: "100,000 to 499,999 residents", min: 100_000 },
  { id: "large", label: "500,000 to 999,999 residents", min: 500_000 },
  { id: "metropolitan", label: "1,000,000 residents or more", min: 1_000_000 },
];

/**
 * Bands of the share of foreign-born or migrant residents, in percent.
 *
 * @example
 * ```ts
 * DEFAULT_MIGRANT_SHARE_BANDS[1]; // { id: "10-20", label: "10% to under 20% migrant residents", min: 10 }
 * ```
 */
export const DEFAULT_MIGRANT_SHARE_BANDS: readonly ContextBand[] = [
  { id: "under-10", label: "Under 10% migrant residents", min: 0 },
  { id: "10-20", label: "10% to under 20% migrant residents", min: 10 },
  { id: "20-30", label: "20% to under 30% migrant residents", min: 20 },
  { id: "30-plus", label: "30% migrant residents or more", min: 30 },
];

/**
 * Options of {@link createPeerIndex} and {@link peerPosition}.
 *
 * @example
 * ```ts
 * const options: PeerOptions = { places, histogramBins: 5 };
 * ```
 */
export interface PeerOptions {
  /** Place profiles of the subjects (looked up by the report's subject reference, else name and country). */
  readonly places?: readonly unknown[];
  readonly populationBands?: readonly ContextBand[];
  readonly migrantShareBands?: readonly ContextBand[];
  /** Which share counts as migrant residents, first found wins. */
  readonly migrantMeasures?: readonly MigrantMeasure[];
  /** Histogram bins over 0–100; default 10. */
  readonly histogramBins?: number;
}

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

/**
 * The ranks of every subject of a {@link PeerIndex}, overall and per key factor, in each of its peer
 * groups, as columns: the numbers `position` gives, without an object per figure. The figure of
 * subject `m` in dimension `d` for score `r` is at `(d * refs.length + r) * subjects.length + m`.
 *
 * @example
 * ```ts
 * const ranks = index.report.ranks();
 * const at = (m: number, d: number, r: number) => (d * ranks.refs.length + r) * ranks.subjects.length + m;
 * ranks.rank[at(0, 0, 0)]; // subject 0's overall rank among all subjects; 0: unranked
 * ```
 */
export interface PeerRanks {
  /** The assessment id of each subject, in the order the reports or table rows came. */
  readonly subjects: readonly string[];
  /** Peer group dimensions: all, population, migrant-share, country. */
  readonly dimensions: readonly PeerGroup["dimension"][];
  /** "overall", then every key factor reference. */
  readonly refs: readonly string[];
  /** The id of each subject's group per dimension: `groups[d][m]`. */
  readonly groups: readonly (readonly string[])[];
  /** Rank "n of N": 1 is the highest, ties share the better rank; 0 where the subject has no score. */
  readonly rank: Int32Array;
  /** N: how many in the group have a score. */
  readonly of: Int32Array;
  /** Percentile rank 0–100; NaN where the subject has no score. */
  readonly percentile: Float64Array;
}

type Dimension = PeerGroup["dimension"];

// One compared subject, from a score report or from a row of a score table (made when asked for).
interface Member {
  readonly id: string;
  readonly assessment: ReportAssessment | undefined;
  readonly overall: number | null;
  /** The overall node's title. */
  readonly title: string | undefined;
  /** Key factors in the subject's report order, with title and score. */
  keyFactors(): { ref: string; title: string | undefined; score: number | null }[];
}

// The compared subjects, numbered in the order the reports or table rows came.
interface Subjects {
  readonly ids: readonly string[];
  readonly assessments: readonly (ReportAssessment | undefined)[];
  member(m: number): Member;
  /** "overall", then every key factor reference (the table's, else every report's in order of appearance). */
  refs(): string[];
  /** One score of every subject (NaN: no score). */
  column(ref: string): Float64Array;
}

function bandOf(bands: readonly ContextBand[], value: number): ContextBand | undefined {
  let found: ContextBand | undefined;
  for (const band of bands) {
    if (value >= band.min) found = band;
    else break;
  }
  return found;
}

const UNKNOWN_POPULATION = Object.freeze({ id: "unknown", label: "Population not known" });
const UNKNOWN_SHARE = Object.freeze({ id: "unknown", label: "Share of migrant residents not known" });
const UNKNOWN_COUNTRY = Object.freeze({ id: "unknown", label: "Country not known" });

const ALL_GROUP = Object.freeze({ id: "all", label: "All subjects" });

type Group = { readonly id: string; readonly label: string };

// The groups of one index, made once each and shared by their members.
class GroupMaker {
  private readonly bands = new Map<ContextBand, Group>();
  private readonly countries = new Map<string, Group>();

  band(band: ContextBand): Group {
    let group = this.bands.get(band);
    if (!group) this.bands.set(band, (group = Object.freeze({ id: band.id, label: band.label })));
    return group;
  }

  country(code: string): Group {
    let group = this.countries.get(code);
    if (!group) this.countries.set(code, (group = Object.freeze({ id: code.toLowerCase(), label: `Country ${code}` })));
    return group;
  }
}

// Each subject's group in one dimension, numbered. Groups of one id are one peer group (`groupOf`);
// a subject's own group object (`entryOf`) gives its label.
interface Grouping {
  readonly dimension: Dimension;
  /** Group ids by group number. */
  readonly ids: readonly string[];
  readonly groupOf: Int32Array;
  readonly entries: readonly Group[];
  readonly entryOf: Int32Array;
  /** Subjects per group. */
  readonly counts: Int32Array;
}

// Numbers the groups of one dimension as subjects are added (a class: its methods stay optimised).
class Numbering {
  private readonly ids: string[] = [];
  private readonly idNumbers = new Map<string, number>();
  private readonly entries: Group[] = [];
  private readonly entryNumbers = new Map<Group, number>();
  private readonly idOfEntry: number[] = [];
  private readonly groupOf: Int32Array;
  private readonly entryOf: Int32Array;
  private last: Group | undefined;
  private lastEntry = -1;

  constructor(
    private readonly dimension: Dimension,
    private readonly size: number,
  ) {
    this.groupOf = new Int32Array(size);
    this.entryOf = new Int32Array(size);
  }

  add(m: number, group: Group): void {
    if (group !== this.last) {
      let e = this.entryNumbers.get(group);
      if (e === undefined) {
        e = this.entries.length;
        this.entries.push(group);
        this.entryNumbers.set(group, e);
        let g = this.idNumbers.get(group.id);
        if (g === undefined) {
          g = this.ids.length;
          this.ids.push(group.id);
          this.idNumbers.set(group.id, g);
        }
        this.idOfEntry.push(g);
      }
      this.last = group;
      this.lastEntry = e;
    }
    this.entryOf[m] = this.lastEntry;
    this.groupOf[m] = this.idOfEntry[this.lastEntry] as number;
  }

  done(): Grouping {
    const counts = new Int32Array(this.ids.length);
    for (let m = 0; m < this.size; m++) (counts[this.groupOf[m] as number] as number)++;
    return { dimension: this.dimension, ids: this.ids, groupOf: this.groupOf, entries: this.entries, entryOf: this.entryOf, counts };
  }
}

const MISSING_PLACE = 1;
const MISSING_POPULATION = 2;
const MISSING_SHARE = 4;
const MISSING_COUNTRY = 8;

// What a subject without some profile data lacks, as its message lists it.
function missingOf(bits: number): string[] {
  const missing: string[] = [];
  if (bits & MISSING_PLACE) missing.push("place profile");
  if (bits & MISSING_POPULATION) missing.push("population");
  if (bits & MISSING_SHARE) missing.push("share of foreign-born or migrant residents");
  if (bits & MISSING_COUNTRY) missing.push("country");
  return missing;
}

// Every subject's group in every dimension (DIMENSIONS order), and what profile data it lacks (bits).
function groupSubjects(
  assessments: readonly (ReportAssessment | undefined)[],
  places: PlaceIndex,
  options: PeerOptions,
  make: GroupMaker,
): { groupings: Grouping[]; missing: Uint8Array } {
  const size = assessments.length;
  const all = new Numbering("all", size);
  const population = new Numbering("population", size);
  const share = new Numbering("migrant-share", size);
  const country = new Numbering("country", size);
  const missing = new Uint8Array(size);
  const populationBands = options.populationBands ?? DEFAULT_POPULATION_BANDS;
  const shareBands = options.migrantShareBands ?? DEFAULT_MIGRANT_SHARE_BANDS;
  for (let m = 0; m < size; m++) {
    const { profile, place } = subjectProfile({ assessment: assessments[m] }, places);
    let bits = place ? 0 : MISSING_PLACE;
    all.add(m, ALL_GROUP);
    const people = profile.population;
    const populationBand = people !== undefined ? bandOf(populationBands, people) : undefined;
    const sizeBand = populationBand ?? (profile.sizeBand !== undefined && options.populationBands === undefined
      ? DEFAULT_POPULATION_BANDS.find((b) => b.id === profile.sizeBand)
      : undefined);
    if (sizeBand) population.add(m, make.band(sizeBand));
    else {
      population.add(m, UNKNOWN_POPULATION);
      bits |= MISSING_POPULATION;
    }
    const shareBand = profile.migrantShare !== undefined ? bandOf(shareBands, profile.migrantShare) : undefined;
    if (shareBand) share.add(m, make.band(shareBand));
    else {
      share.add(m, UNKNOWN_SHARE);
      bits |= MISSING_SHARE;
    }
    if (profile.country !== undefined) country.add(m, make.country(profile.country));
    else {
      country.add(m, UNKNOWN_COUNTRY);
      bits |= MISSING_COUNTRY;
    }
    missing[m] = bits;
  }
  return { groupings: [all.done(), population.done(), share.done(), country.done()], missing };
}

interface Summary {
  /** Every member's score that exists, ascending, the subject's own included. */
  readonly sorted: Float64Array;
  /** The histogram of `sorted`. */
  readonly histogram: readonly { readonly from: number; readonly to: number; readonly count: number }[];
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
  const { index: places, problems: placeProblems } = indexPlaces(options.places, "/places", measures);
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

  const make = new GroupMaker();
  const subjects = table ? tableSubjects(table) : reportSubjects(valid);
  const size = subjects.ids.length;
  const { groupings, missing } = groupSubjects(subjects.assessments, places, options, make);
  // The first subject of each assessment id, looked up on first use (ranks() needs none).
  let byAssessment: Map<string, number> | undefined;
  const numberOf = (assessmentId: string): number | undefined => {
    if (!byAssessment) {
      byAssessment = new Map();
      subjects.ids.forEach((id, m) => {
        if (!byAssessment?.has(id)) byAssessment?.set(id, m);
      });
    }
    return byAssessment.get(assessmentId);
  };
  // One score of every subject as a column (NaN: no score), read once from the reports or the table.
  const columns = new Map<string, Float64Array>();
  const columnOf = (ref: string): Float64Array => {
    let column = columns.get(ref);
    if (!column) columns.set(ref, (column = subjects.column(ref)));
    return column;
  };
  // Each group's distribution of each score is sorted and summarised once: on first use, or by ranks().
  const summaries = groupings.map((grouping) => grouping.ids.map(() => new Map<string, Summary>()));
  const summarise = (d: number, g: number, ref: string, sorted: Float64Array): Summary => {
    const known = summaries[d]?.[g] as Map<string, Summary>;
    let summary = known.get(ref);
    if (!summary) {
      summary = { sorted, histogram: histogram(sorted, bins) };
      known.set(ref, summary);
    }
    return summary;
  };
  // The subjects of each group, by subject number, listed on first use.
  const lists = groupings.map((grouping) => grouping.ids.map((): Int32Array | undefined => undefined));
  const listOf = (d: number, g: number): Int32Array => {
    let list = lists[d]?.[g];
    if (!list) {
      const grouping = groupings[d] as Grouping;
      const made = new Int32Array(grouping.counts[g] as number);
      let n = 0;
      for (let m = 0; m < size; m++) if (grouping.groupOf[m] === g) made[n++] = m;
      (lists[d] as (Int32Array | undefined)[])[g] = list = made;
    }
    return list;
  };
  const summaryOf = (d: number, g: number, ref: string): Summary => {
    const known = summaries[d]?.[g]?.get(ref);
    if (known) return known;
    const list = listOf(d, g);
    const column = columnOf(ref);
    const found = new Float64Array(list.length);
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const score = column[list[i] as number] as number;
      if (score === score) found[n++] = score;
    }
    const order = scoreOrder(found.subarray(0, n));
    return summarise(d, g, ref, Float64Array.from(order, (i) => found[i] as number));
  };

  // The subject's figures against the other members of its group: the group's sorted scores with
  // the subject's own score taken out once (at `skip`), so nothing is sorted per subject.
  const statistic = (d: number, g: number, ref: string, title: string | undefined, given: number | null): PeerStatistic => {
    const summary = summaryOf(d, g, ref);
    const sorted = summary.sorted;
    const n = sorted.length;
    const score = given === null ? null : roundScore(given);
    const below = score === null ? -1 : lowerBound(sorted, score);
    // A scored subject is in its group's sorted scores; the others are the rest.
    const skip = score !== null && below < n && sorted[below] === score ? below : -1;
    const others = skip === -1 ? n : n - 1;
    const bars = summary.histogram.map((bin) => ({ ...bin }));
    if (skip !== -1) (bars[binOf(score as number, bars.length)] as { count: number }).count--;
    const stat: PeerStatistic = { ref, score, rank: null, of: others, rankText: `unranked of ${others}`, percentile: null, histogram: bars };
    if (title !== undefined) stat.title = title;
    if (others > 0) stat.quartiles = { q1: quantileWithout(sorted, skip, 0.25), median: quantileWithout(sorted, skip, 0.5), q3: quantileWithout(sorted, skip, 0.75) };
    if (score !== null && skip !== -1) {
      const notAbove = upperBound(sorted, score);
      stat.rank = n - notAbove + 1;
      stat.of = n;
      stat.rankText = `${stat.rank} of ${n}`;
      // Of the others: those below, and half of those with the same score.
      if (others > 0) stat.percentile = Math.min(100, Math.max(0, ((below + 0.5 * (notAbove - below - 1)) / others) * 100));
    }
    return stat;
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
        overall: statistic(d, g, "overall", member.title, member.overall),
        keyFactors: keyFactorsOfSubject.map((node) => statistic(d, g, node.ref, node.title, node.score)),
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

  const ranks = (): PeerRanks => rankAll(subjects.ids, groupings, subjects.refs(), columnOf, summarise);
  return succeed({ size, position, ranks });
}

const DIMENSIONS: readonly Dimension[] = ["all", "population", "migrant-share", "country"];

// Every subject's figures in every group at once: per score one sort of all subjects, then one
// pass up (how many of its group score below each subject) and one down (how many above).
// The loops are module-level functions, not closures made per call: their optimised code outlives a call.
function rankAll(
  ids: readonly string[],
  groupings: readonly Grouping[],
  refs: readonly string[],
  columnOf: (ref: string) => Float64Array,
  summarise: (d: number, g: number, ref: string, sorted: Float64Array) => void,
): PeerRanks {
  const size = ids.length;
  const dims = groupings.length;
  const cells = size * dims * refs.length;
  // The groups of all dimensions numbered together: dimension d's group g is offsets[d] + g.
  const offsets = new Int32Array(dims);
  let total = 0;
  for (let d = 0; d < dims; d++) {
    offsets[d] = total;
    total += (groupings[d] as Grouping).ids.length;
  }
  // Subject m's group in dimension d at m * dims + d.
  const groupAt = new Int32Array(size * dims);
  for (let d = 0; d < dims; d++) spread((groupings[d] as Grouping).groupOf, groupAt, dims, d, offsets[d] as number);
  const work: RankWork = {
    size,
    dims,
    refs: refs.length,
    groupAt,
    totals: new Int32Array(total),
    start: new Int32Array(total),
    seen: new Int32Array(total),
    runOf: new Int32Array(total),
    runFrom: new Int32Array(total),
    runRank: new Int32Array(total),
    runPercentile: new Float64Array(total),
    below: new Int32Array(size * dims),
    runAt: new Int32Array(size),
    rank: new Int32Array(cells),
    of: new Int32Array(cells),
    percentile: new Float64Array(cells), // NaN written where a subject has no score
  };
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r] as string;
    const column = columnOf(ref);
    // Every subject with this score, lowest first: one sort, whatever the groups.
    const order = scoreOrder(column);
    if (order.length === size) {
      for (let d = 0; d < dims; d++) work.totals.set((groupings[d] as Grouping).counts, offsets[d]);
    } else countGroups(work, order);
    const sorted = rankScore(work, column, order, r);
    // The groups' sorted scores serve their histograms and quartiles too.
    for (let d = 0; d < dims; d++) {
      const groups = (groupings[d] as Grouping).ids.length;
      for (let g = 0; g < groups; g++) {
        const gi = (offsets[d] as number) + g;
        const begin = work.start[gi] as number;
        summarise(d, g, ref, sorted.subarray(begin, begin + (work.totals[gi] as number)));
      }
    }
  }
  const groups = groupings.map(({ ids: groupIds, groupOf }) => {
    const list = new Array<string>(size);
    for (let m = 0; m < size; m++) list[m] = groupIds[groupOf[m] as number] as string;
    return list;
  });
  return { subjects: ids.slice(), dimensions: DIMENSIONS, refs: refs.slice(), groups, rank: work.rank, of: work.of, percentile: work.percentile };
}

// The working arrays of rankAll and its output columns.
interface RankWork {
  readonly size: number;
  readonly dims: number;
  readonly refs: number;
  readonly groupAt: Int32Array;
  /** Per group (all dimensions numbered together): subjects with the score, where its scores begin in the buffer, ... */
  readonly totals: Int32Array;
  readonly start: Int32Array;
  readonly seen: Int32Array;
  readonly runOf: Int32Array;
  readonly runFrom: Int32Array;
  readonly runRank: Int32Array;
  readonly runPercentile: Float64Array;
  readonly below: Int32Array;
  readonly runAt: Int32Array;
  readonly rank: Int32Array;
  readonly of: Int32Array;
  readonly percentile: Float64Array;
}

function spread(groupOf: Int32Array, groupAt: Int32Array, dims: number, d: number, offset: number): void {
  for (let m = 0; m < groupOf.length; m++) groupAt[m * dims + d] = offset + (groupOf[m] as number);
}

function countGroups(work: RankWork, order: Int32Array): void {
  const { totals, groupAt, dims } = work;
  totals.fill(0);
  for (let k = 0; k < order.length; k++) {
    const at = (order[k] as number) * dims;
    for (let d = 0; d < dims; d++) (totals[groupAt[at + d] as number] as number)++;
  }
}

// The figures of score r of every subject; returns each group's scores, ascending, in one buffer.
function rankScore(work: RankWork, column: Float64Array, order: Int32Array, r: number): Float64Array {
  const { size, dims, groupAt, totals, start, seen, runOf, runFrom, runRank, runPercentile, below, rank, of, percentile } = work;
  const count = order.length;
  const sorted = new Float64Array(count * dims);
  let from = 0;
  for (let gi = 0; gi < totals.length; gi++) {
    start[gi] = from;
    from += totals[gi] as number;
  }
  // Runs of equal scores, numbered from the lowest: runAt[k] for the k-th lowest score.
  const runAt = work.runAt;
  let previous = NaN;
  for (let k = 0, run = -1; k < count; k++) {
    const value = column[order[k] as number] as number;
    if (value !== previous) {
      run++;
      previous = value;
    }
    runAt[k] = run;
  }
  // Up: within its group a subject has `below` lower scores (those before its run of equal scores).
  seen.fill(0);
  runOf.fill(-1);
  for (let k = 0; k < count; k++) {
    const m = order[k] as number;
    const value = column[m] as number;
    const run = runAt[k] as number;
    const at = m * dims;
    for (let d = 0; d < dims; d++) {
      const gi = groupAt[at + d] as number;
      const n = seen[gi] as number;
      if (runOf[gi] !== run) {
        runOf[gi] = run;
        runFrom[gi] = n;
      }
      below[at + d] = runFrom[gi] as number;
      sorted[(start[gi] as number) + n] = value;
      seen[gi] = n + 1;
    }
  }
  // Down: `above` higher scores, so notAbove = N - above; the figures of a group's run are worked out once.
  seen.fill(0);
  runOf.fill(-1);
  // A subject's figure in dimension d lies at d * stride + r * size + m.
  const stride = work.refs * size;
  let k = count;
  while (k-- > 0) {
    const m = order[k] as number;
    const run = runAt[k] as number;
    for (let d = 0, at = m * dims, cell = r * size + m; d < dims; d++, cell += stride) {
      const gi = groupAt[at + d] as number;
      const n = totals[gi] as number;
      if (runOf[gi] !== run) {
        runOf[gi] = run;
        const notAbove = n - (seen[gi] as number);
        const lower = below[at + d] as number;
        runRank[gi] = n - notAbove + 1;
        // Against the n - 1 others: those below, and half of the others with the same score.
        runPercentile[gi] = n > 1 ? Math.min(100, Math.max(0, ((lower + 0.5 * (notAbove - lower - 1)) / (n - 1)) * 100)) : NaN;
      }
      seen[gi] = (seen[gi] as number) + 1;
      rank[cell] = runRank[gi] as number;
      of[cell] = n;
      percentile[cell] = runPercentile[gi] as number;
    }
  }
  // A subject without this score still has its group's N.
  if (count < size) {
    for (let m = 0; m < size; m++) {
      if (column[m] === column[m]) continue;
      for (let d = 0; d < dims; d++) {
        const cell = (d * work.refs + r) * size + m;
        of[cell] = totals[groupAt[m * dims + d] as number] as number;
        percentile[cell] = NaN;
      }
    }
  }
  return sorted;
}

// Score reports as subjects: their key factor scores by reference.
function reportSubjects(reports: readonly ScoreReport[]): Subjects {
  const members = reports.map((report): Member & { score(ref: string): number | null | undefined } => {
    const keyFactors = new Map<string, number | null>();
    for (const node of keyFactorNodes(report.overall)) keyFactors.set(node.ref, node.score);
    return {
      id: report.assessment?.id ?? "",
      assessment: report.assessment,
      overall: report.overall.score,
      title: report.overall.title,
      score: (ref) => keyFactors.get(ref),
      keyFactors: () => keyFactorNodes(report.overall).map((node) => ({ ref: node.ref, title: node.title, score: node.score })),
    };
  });
  return {
    ids: members.map((m) => m.id),
    assessments: members.map((m) => m.assessment),
    member: (m) => members[m] as Member,
    refs: () => {
      const refs = ["overall"];
      const seen = new Set<string>();
      for (const member of members) {
        for (const k of member.keyFactors()) {
          if (seen.has(k.ref)) continue;
          seen.add(k.ref);
          refs.push(k.ref);
        }
      }
      return refs;
    },
    column: (ref) => {
      const column = new Float64Array(members.length);
      members.forEach((member, m) => {
        const score = ref === "overall" ? member.overall : member.score(ref);
        column[m] = score === null || score === undefined ? NaN : roundScore(score);
      });
      return column;
    },
  };
}

// The rows of a score table that were scored, as subjects; scores are read where they lie.
function tableSubjects(table: ScoreTable): Subjects {
  const width = table.keyFactors.length;
  const at = new Map(table.keyFactors.map((k, i) => [k.ref, i]));
  const numberAt = (value: number) => (value === value ? value : null);
  const ids: string[] = [];
  const assessments: ReportAssessment[] = [];
  const rowList: number[] = [];
  for (let row = 0; row < table.size; row++) {
    const assessment = table.assessments[row];
    if (assessment === undefined) continue;
    ids.push(assessment.id);
    assessments.push(assessment);
    rowList.push(row);
  }
  const rows = Int32Array.from(rowList);
  return {
    ids,
    assessments,
    member: (m) => {
      const row = rows[m] as number;
      const base = row * width;
      return {
        id: ids[m] as string,
        assessment: assessments[m],
        overall: numberAt(table.overall[row] as number),
        title: table.title,
        keyFactors: () => table.keyFactors.map((k, i) => ({ ref: k.ref, title: k.title, score: numberAt(table.keyFactorScores[base + i] as number) })),
      };
    },
    refs: () => ["overall", ...table.keyFactors.map((k) => k.ref)],
    column: (ref) => {
      const index = ref === "overall" ? -1 : at.get(ref);
      if (index === undefined) return new Float64Array(rows.length).fill(NaN);
      return index === -1 ? gather(table.overall, rows, 1, 0) : gather(table.keyFactorScores, rows, width, index);
    },
  };
}

// values[rows[m] * width + index] for every m.
function gather(values: Float64Array, rows: Int32Array, width: number, index: number): Float64Array {
  const column = new Float64Array(rows.length);
  for (let m = 0; m < rows.length; m++) column[m] = values[(rows[m] as number) * width + index] as number;
  return column;
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
