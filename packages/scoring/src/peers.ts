import type { PeerGroup, PeerStatistic, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { keyFactorNodes } from "./aggregate";
import type { PlaceIndex } from "./profiles";
import { indexPlaces, subjectProfile } from "./profiles";
import { scoringProblem } from "./problems";
import { looseScoreReportProblems } from "./report-input";
import type { ScoringResult } from "./result";
import { fail, optionsOf, safely, succeed } from "./result";
import type { MigrantMeasure } from "./similarity";
import { DEFAULT_MIGRANT_MEASURES } from "./similarity";
import { histogram, lowerBound, quantile, scoreOrder, upperBound } from "./statistics";
import type { ScoreTable } from "./scorer";
import { isScoreTable } from "./table-brand";
import type { ReportAssessment, ReportMessage, ReportPeers } from "./types";

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

// One compared subject, from a score report or from a row of a score table.
interface Member {
  readonly id: string;
  /** The row of a score table the member comes from. */
  readonly row?: number;
  readonly assessment: ReportAssessment | undefined;
  readonly overall: number | null;
  /** The overall node's title. */
  readonly title: string | undefined;
  /** Key factor scores by reference. */
  score(ref: string): number | null | undefined;
  /** Key factors in the subject's report order, with title and score. */
  keyFactors(): { ref: string; title: string | undefined; score: number | null }[];
  readonly groups: ReadonlyMap<Dimension, { id: string; label: string }>;
  readonly missing: string[];
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
function groupMaker(): { band(band: ContextBand): Group; country(code: string): Group } {
  const bands = new Map<ContextBand, Group>();
  const countries = new Map<string, Group>();
  return {
    band: (band) => {
      let group = bands.get(band);
      if (!group) bands.set(band, (group = Object.freeze({ id: band.id, label: band.label })));
      return group;
    },
    country: (code) => {
      let group = countries.get(code);
      if (!group) countries.set(code, (group = Object.freeze({ id: code.toLowerCase(), label: `Country ${code}` })));
      return group;
    },
  };
}

function groupsOf(
  assessment: ReportAssessment | undefined,
  places: PlaceIndex,
  options: PeerOptions,
  make: ReturnType<typeof groupMaker>,
): { groups: Map<Dimension, Group>; missing: string[] } {
  const { profile, place } = subjectProfile({ assessment }, places);
  const groups = new Map<Dimension, Group>([["all", ALL_GROUP]]);
  const missing: string[] = [];
  const population = profile.population;
  const populationBand = population !== undefined ? bandOf(options.populationBands ?? DEFAULT_POPULATION_BANDS, population) : undefined;
  const sizeBand = populationBand ?? (profile.sizeBand !== undefined && options.populationBands === undefined
    ? DEFAULT_POPULATION_BANDS.find((b) => b.id === profile.sizeBand)
    : undefined);
  if (sizeBand) groups.set("population", make.band(sizeBand));
  else {
    groups.set("population", UNKNOWN_POPULATION);
    missing.push("population");
  }
  const share = profile.migrantShare !== undefined ? bandOf(options.migrantShareBands ?? DEFAULT_MIGRANT_SHARE_BANDS, profile.migrantShare) : undefined;
  if (share) groups.set("migrant-share", make.band(share));
  else {
    groups.set("migrant-share", UNKNOWN_SHARE);
    missing.push("share of foreign-born or migrant residents");
  }
  if (profile.country !== undefined) groups.set("country", make.country(profile.country));
  else {
    groups.set("country", UNKNOWN_COUNTRY);
    missing.push("country");
  }
  if (!place) missing.unshift("place profile");
  return { groups, missing };
}

interface Summary {
  readonly sorted: Float64Array;
  readonly histogram: PeerStatistic["histogram"];
  readonly quartiles: PeerStatistic["quartiles"];
}

interface GroupStats {
  readonly members: number;
  readonly summaries: Map<string, Summary>;
}

/**
 * Indexes many score reports of one benchmark for peer statistics: per key factor and overall,
 * rank "n of N" (1 = highest, ties share the better rank), percentile rank, quartiles and a histogram,
 * among all subjects and within peer groups by population band, migrant-share band and country.
 * A subject without profile data for a dimension lands in that dimension's "unknown" group.
 * Reports of other benchmarks than the first are an error; any garbage report is an error pointing at it.
 * A group's histogram and quartiles are computed once and shared, frozen, by every member's position.
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

  const make = groupMaker();
  const members: Member[] = table ? tableMembers(table, places, options, make) : valid.map((report) => reportMember(report, places, options, make));
  const byAssessment = new Map<string, Member>();
  for (const member of members) if (!byAssessment.has(member.id)) byAssessment.set(member.id, member);

  // Members of each peer group, by member number.
  const groupMembers = new Map<string, number[]>();
  members.forEach((member, m) => {
    for (const [dimension, group] of member.groups) {
      const key = `${dimension}\u0000${group.id}`;
      const list = groupMembers.get(key);
      if (list) list.push(m);
      else groupMembers.set(key, [m]);
    }
  });
  // One score of every member as a column (NaN: no score), read once from the reports or the table.
  const columns = new Map<string, Float64Array>();
  const tableColumn = table && tableColumns(table, members);
  const columnOf = (ref: string): Float64Array => {
    let column = columns.get(ref);
    if (!column) {
      column = tableColumn?.(ref);
      if (!column) {
        const made = new Float64Array(members.length);
        members.forEach((member, m) => {
          const score = ref === "overall" ? member.overall : member.score(ref);
          made[m] = score === null || score === undefined ? NaN : score;
        });
        column = made;
      }
      columns.set(ref, column);
    }
    return column;
  };
  const stats = new Map<string, GroupStats>();
  const statsFor = (key: string): GroupStats => {
    let found = stats.get(key);
    if (!found) {
      found = { members: groupMembers.get(key)?.length ?? 0, summaries: new Map() };
      stats.set(key, found);
    }
    return found;
  };
  // Each group's distribution of each score is sorted and summarised once: on first use, or by ranks().
  const summarise = (key: string, ref: string, sorted: Float64Array): Summary => {
    const group = statsFor(key);
    let summary = group.summaries.get(ref);
    if (!summary) {
      const quartiles = sorted.length > 0 ? { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) } : undefined;
      // Shared by every member's position, so frozen: a reader cannot change another subject's figures.
      const bars = Object.freeze(histogram(sorted, bins).map((bin) => Object.freeze(bin))) as PeerStatistic["histogram"];
      summary = { sorted, histogram: bars, quartiles: quartiles && Object.freeze(quartiles) };
      group.summaries.set(ref, summary);
    }
    return summary;
  };
  const summaryOf = (key: string, ref: string): Summary => {
    const known = statsFor(key).summaries.get(ref);
    if (known) return known;
    const list = groupMembers.get(key) ?? [];
    const column = columnOf(ref);
    const found = new Float64Array(list.length);
    let n = 0;
    for (const m of list) {
      const score = column[m] as number;
      if (score === score) found[n++] = score;
    }
    const order = scoreOrder(found.subarray(0, n));
    return summarise(key, ref, Float64Array.from(order, (i) => found[i] as number));
  };

  const statistic = (key: string, ref: string, title: string | undefined, score: number | null): PeerStatistic => {
    const summary = summaryOf(key, ref);
    const sorted = summary.sorted;
    const n = sorted.length;
    const stat: PeerStatistic = {
      ref,
      score,
      rank: null,
      of: n,
      rankText: `unranked of ${n}`,
      percentile: null,
      histogram: summary.histogram,
    };
    if (title !== undefined) stat.title = title;
    if (summary.quartiles) stat.quartiles = summary.quartiles;
    if (score !== null && n > 0) {
      const below = lowerBound(sorted, score);
      const notAbove = upperBound(sorted, score);
      stat.rank = n - notAbove + 1;
      stat.rankText = `${stat.rank} of ${n}`;
      stat.percentile = Math.min(100, Math.max(0, ((below + 0.5 * (notAbove - below)) / n) * 100));
    }
    return stat;
  };

  const position = (assessmentId: string): ScoringResult<PeerPosition> => safely(() => positionOf(assessmentId));
  const positionOf = (assessmentId: string): ScoringResult<PeerPosition> => {
    const member = byAssessment.get(assessmentId);
    if (!member) return fail([scoringProblem("subject_not_found", "", { id: assessmentId, count: members.length })]);
    const keyFactorsOfSubject = member.keyFactors();
    const groups: PeerGroup[] = [];
    for (const [dimension, group] of member.groups) {
      const key = `${dimension}\u0000${group.id}`;
      groups.push({
        dimension,
        id: group.id,
        label: group.label,
        members: statsFor(key).members,
        overall: statistic(key, "overall", member.title, member.overall),
        keyFactors: keyFactorsOfSubject.map((node) => statistic(key, node.ref, node.title, node.score)),
      });
    }
    const messages: ReportMessage[] = [];
    if (member.missing.length > 0) {
      const subject = member.assessment?.subject ?? assessmentId;
      messages.push({
        code: "peer_profile_missing",
        severity: "info",
        message: `No ${member.missing.join(", ")} is known for ${subject}, so it is compared in the "unknown" peer group for ${member.missing.length === 1 ? "that dimension" : "those dimensions"}. Add a place profile to compare it with similar cities.`,
        params: { subject, missing: member.missing },
      });
    }
    return succeed({ peers: { population: members.length, groups }, messages });
  };

  const ranks = (): PeerRanks => rankAll(members, table, columnOf, summarise);
  return succeed({ size: members.length, position, ranks });
}

const DIMENSIONS: readonly Dimension[] = ["all", "population", "migrant-share", "country"];

function rankAll(
  members: readonly Member[],
  table: ScoreTable | undefined,
  columnOf: (ref: string) => Float64Array,
  summarise: (key: string, ref: string, sorted: Float64Array) => void,
): PeerRanks {
  // The scores compared: overall, then the key factors (the table's, else every report's in order of appearance).
  const refs = ["overall"];
  if (table) refs.push(...table.keyFactors.map((k) => k.ref));
  else {
    const seen = new Set<string>();
    for (const member of members) {
      for (const k of member.keyFactors()) {
        if (seen.has(k.ref)) continue;
        seen.add(k.ref);
        refs.push(k.ref);
      }
    }
  }
  const size = members.length;
  const cells = size * DIMENSIONS.length * refs.length;
  const rank = new Int32Array(cells);
  const of = new Int32Array(cells);
  const percentile = new Float64Array(cells).fill(NaN);
  // Each member's group in each dimension, numbered.
  const dimensions = DIMENSIONS.map((dimension) => {
    const numbers = new Map<string, number>();
    const groupOf = new Int32Array(size);
    members.forEach((member, m) => {
      const id = member.groups.get(dimension)?.id ?? "unknown";
      let g = numbers.get(id);
      if (g === undefined) numbers.set(id, (g = numbers.size));
      groupOf[m] = g;
    });
    return { dimension, ids: [...numbers.keys()], groupOf };
  });
  refs.forEach((ref, r) => {
    const column = columnOf(ref);
    // Every member with this score, lowest first: one sort, whatever the groups.
    const order = scoreOrder(column);
    const count = order.length;
    dimensions.forEach(({ dimension, ids, groupOf }, d) => {
      const groups = ids.length;
      const totals = new Int32Array(groups);
      for (let k = 0; k < count; k++) (totals[groupOf[order[k] as number] as number] as number)++;
      const sorted = Array.from({ length: groups }, (_, g) => new Float64Array(totals[g] as number));
      const seen = new Int32Array(groups);
      const inRun = new Int32Array(groups);
      const base = (d * refs.length + r) * size;
      for (let m = 0; m < size; m++) of[base + m] = totals[groupOf[m] as number] as number;
      // Runs of equal scores: within its group a member has `seen` lower and `seen + inRun` no higher.
      for (let i = 0; i < count; ) {
        const value = column[order[i] as number] as number;
        let j = i + 1;
        while (j < count && column[order[j] as number] === value) j++;
        for (let k = i; k < j; k++) (inRun[groupOf[order[k] as number] as number] as number)++;
        for (let k = i; k < j; k++) {
          const m = order[k] as number;
          const g = groupOf[m] as number;
          const n = totals[g] as number;
          const below = seen[g] as number;
          const notAbove = below + (inRun[g] as number);
          rank[base + m] = n - notAbove + 1;
          percentile[base + m] = Math.min(100, Math.max(0, ((below + 0.5 * (notAbove - below)) / n) * 100));
        }
        for (let k = i; k < j; k++) {
          const g = groupOf[order[k] as number] as number;
          const run = inRun[g] as number;
          if (run === 0) continue;
          const from = seen[g] as number;
          (sorted[g] as Float64Array).fill(value, from, from + run);
          seen[g] = from + run;
          inRun[g] = 0;
        }
        i = j;
      }
      // The groups' sorted scores serve their histograms and quartiles too.
      ids.forEach((id, g) => summarise(`${dimension}\u0000${id}`, ref, sorted[g] as Float64Array));
    });
  });
  const groups = dimensions.map(({ ids, groupOf }) => Array.from(groupOf, (g) => ids[g] as string));
  return { subjects: members.map((m) => m.id), dimensions: DIMENSIONS, refs, groups, rank, of, percentile };
}

function reportMember(report: ScoreReport, places: PlaceIndex, options: PeerOptions, make: ReturnType<typeof groupMaker>): Member {
  const keyFactors = new Map<string, number | null>();
  for (const node of keyFactorNodes(report.overall)) keyFactors.set(node.ref, node.score);
  const { groups, missing } = groupsOf(report.assessment, places, options, make);
  return {
    id: report.assessment?.id ?? "",
    assessment: report.assessment,
    overall: report.overall.score,
    title: report.overall.title,
    score: (ref) => keyFactors.get(ref),
    keyFactors: () => keyFactorNodes(report.overall).map((node) => ({ ref: node.ref, title: node.title, score: node.score })),
    groups,
    missing,
  };
}

// A table's scores copied column by column for its members (rows that were scored), NaN for none.
function tableColumns(table: ScoreTable, members: readonly Member[]): (ref: string) => Float64Array | undefined {
  const width = table.keyFactors.length;
  const columns = new Map(table.keyFactors.map((k, i) => [k.ref, i]));
  const rows = Int32Array.from(members, (member) => member.row ?? -1);
  return (ref) => {
    const at = ref === "overall" ? -1 : columns.get(ref);
    if (at === undefined) return undefined;
    const column = new Float64Array(rows.length);
    for (let m = 0; m < rows.length; m++) {
      const row = rows[m] as number;
      column[m] = at === -1 ? (table.overall[row] as number) : (table.keyFactorScores[row * width + at] as number);
    }
    return column;
  };
}

// The rows of a score table that were scored, as members; columns are read where they lie.
function tableMembers(table: ScoreTable, places: PlaceIndex, options: PeerOptions, make: ReturnType<typeof groupMaker>): Member[] {
  const width = table.keyFactors.length;
  const columns = new Map(table.keyFactors.map((k, i) => [k.ref, i]));
  const numberAt = (value: number) => (value === value ? value : null);
  const members: Member[] = [];
  for (let row = 0; row < table.size; row++) {
    const assessment = table.assessments[row];
    if (assessment === undefined) continue;
    const { groups, missing } = groupsOf(assessment, places, options, make);
    const base = row * width;
    members.push({
      id: assessment.id,
      row,
      assessment,
      overall: numberAt(table.overall[row] as number),
      title: table.title,
      score: (ref) => {
        const column = columns.get(ref);
        return column === undefined ? undefined : numberAt(table.keyFactorScores[base + column] as number);
      },
      keyFactors: () => table.keyFactors.map((k, i) => ({ ref: k.ref, title: k.title, score: numberAt(table.keyFactorScores[base + i] as number) })),
      groups,
      missing,
    });
  }
  return members;
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
