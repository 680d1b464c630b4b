import type { PeerGroup } from "@cohesion/schema";
import type { Grouping } from "./peer-groups";
import { DIMENSIONS } from "./peer-groups";
import { scoreOrder, sortBuffers, sortScores } from "./statistics";

// Every subject's rank and percentile in every peer group at once, as columns.

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

// Every subject's figures in every group at once: per score one sort of all subjects, then one
// pass up (how many of its group score below each subject) and one down (how many above).
// The loops are module-level functions, not closures made per call: their optimised code outlives a call.
export function rankAll(
  ids: readonly string[],
  groupings: readonly Grouping[],
  refs: readonly string[],
  columnOf: (ref: string) => Float64Array,
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
    seen: new Int32Array(total),
    runOf: new Int32Array(total),
    runFrom: new Int32Array(total),
    runRank: new Int32Array(total),
    runPercentile: new Float64Array(total),
    groupsInOrder: new Int32Array(size * dims),
    below: new Int32Array(size * dims),
    percentileInOrder: new Float64Array(size * dims),
    positionOf: new Int32Array(size),
    runAt: new Int32Array(size),
    rank: new Int32Array(cells),
    of: new Int32Array(cells),
    percentile: new Float64Array(cells), // NaN written where a subject has no score
  };
  // One set of sorting buffers for every score: nothing is allocated per score.
  const buffers = sortBuffers(size);
  // The last score every subject has: N is then each group's size, the same for every such score.
  let everyoneScored = -1;
  for (let r = 0; r < refs.length; r++) {
    const column = columnOf(refs[r] as string);
    // Every subject with this score, lowest first: one sort, whatever the groups.
    const { order, values } = sortScores(column, buffers);
    const everyone = order.length === size;
    if (everyone) {
      for (let d = 0; d < dims; d++) work.totals.set((groupings[d] as Grouping).counts, offsets[d]);
    } else countGroups(work, order);
    rankScore(work, order, values, r);
    // Every subject, with or without this score, has its group's N.
    if (everyone && everyoneScored !== -1) copyGroupSizes(work, everyoneScored, r);
    else groupSizes(work, r);
    if (everyone) everyoneScored = r;
  }
  const groups = groupings.map(({ ids: groupIds, groupOf }) => {
    const list = new Array<string>(size);
    for (let m = 0; m < size; m++) list[m] = groupIds[groupOf[m] as number] as string;
    return list;
  });
  return { subjects: ids.slice(), dimensions: DIMENSIONS, refs: refs.slice(), groups, rank: work.rank, of: work.of, percentile: work.percentile };
}

/**
 * Every group's scores, ascending, for every ref: one sort of all subjects per score, then each
 * subject's score dealt to its group in every dimension (`summarise` receives them).
 */
export function summariseAll(
  groupings: readonly Grouping[],
  refs: readonly string[],
  columnOf: (ref: string) => Float64Array,
  summarise: (d: number, g: number, ref: string, sorted: Float64Array) => void,
): void {
  for (const ref of refs) {
    const column = columnOf(ref);
    const order = scoreOrder(column);
    for (let d = 0; d < groupings.length; d++) {
      const { ids, groupOf } = groupings[d] as Grouping;
      const counts = new Int32Array(ids.length);
      for (let k = 0; k < order.length; k++) (counts[groupOf[order[k] as number] as number] as number)++;
      const sorted = ids.map((_, g) => new Float64Array(counts[g] as number));
      counts.fill(0);
      for (let k = 0; k < order.length; k++) {
        const m = order[k] as number;
        const g = groupOf[m] as number;
        (sorted[g] as Float64Array)[(counts[g] as number)++] = column[m] as number;
      }
      for (let g = 0; g < ids.length; g++) summarise(d, g, ref, sorted[g] as Float64Array);
    }
  }
}

// The working arrays of rankAll and its output columns.
interface RankWork {
  readonly size: number;
  readonly dims: number;
  readonly refs: number;
  readonly groupAt: Int32Array;
  /** Per group (all dimensions numbered together): subjects with the score, ... */
  readonly totals: Int32Array;
  readonly seen: Int32Array;
  readonly runOf: Int32Array;
  readonly runFrom: Int32Array;
  readonly runRank: Int32Array;
  readonly runPercentile: Float64Array;
  /** The groups of the k-th lowest score's subject, at k * dims + d: read in score order, not by subject. */
  readonly groupsInOrder: Int32Array;
  /** How many of its group score below the k-th lowest score's subject, at k * dims + d; then its rank there. */
  readonly below: Int32Array;
  /** The percentile of the k-th lowest score's subject, at k * dims + d. */
  readonly percentileInOrder: Float64Array;
  /** Where subject m's score is in score order (k), or -1 where it has none. */
  readonly positionOf: Int32Array;
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

// The figures of score r of every subject. Each pass is a function of its own, so its optimised
// code is made once the pass has run, with what it has seen, not while an earlier pass runs and
// before a later one ever has. The passes read the subjects in score order from arrays laid out in
// that order: only the output is written by subject.
function rankScore(work: RankWork, order: Int32Array, values: Float64Array, r: number): void {
  groupsInOrder(work, order);
  numberRuns(work, values);
  countBelow(work, values.length);
  rankDown(work, values.length);
  writeRanks(work, r);
}

// The groups of each subject, in score order, and where each subject stands in that order.
function groupsInOrder(work: RankWork, order: Int32Array): void {
  const { dims, groupAt, groupsInOrder: into, positionOf } = work;
  if (order.length < work.size) positionOf.fill(-1);
  for (let k = 0; k < order.length; k++) {
    const m = order[k] as number;
    positionOf[m] = k;
    const from = m * dims;
    const to = k * dims;
    for (let d = 0; d < dims; d++) into[to + d] = groupAt[from + d] as number;
  }
}

// Runs of equal scores, numbered from the lowest: runAt[k] for the k-th lowest score.
function numberRuns(work: RankWork, values: Float64Array): void {
  const runAt = work.runAt;
  let previous = NaN;
  for (let k = 0, run = -1; k < values.length; k++) {
    const value = values[k] as number;
    if (value !== previous) {
      run++;
      previous = value;
    }
    runAt[k] = run;
  }
}

// Up: within its group a subject has `below` lower scores (those before its run of equal scores).
function countBelow(work: RankWork, count: number): void {
  const { dims, groupsInOrder: groups, seen, runOf, runFrom, below, runAt } = work;
  seen.fill(0);
  runOf.fill(-1);
  for (let k = 0; k < count; k++) {
    const run = runAt[k] as number;
    const at = k * dims;
    for (let d = 0; d < dims; d++) {
      const gi = groups[at + d] as number;
      const n = seen[gi] as number;
      if (runOf[gi] !== run) {
        runOf[gi] = run;
        runFrom[gi] = n;
      }
      below[at + d] = runFrom[gi] as number;
      seen[gi] = n + 1;
    }
  }
}

// Down: `above` higher scores, so notAbove = N - above; the figures of a group's run are worked out
// once. Each rank is written over the count it was worked out from, still in score order.
function rankDown(work: RankWork, count: number): void {
  const { dims, groupsInOrder: groups, totals, seen, runOf, runRank, runPercentile, below, percentileInOrder, runAt } = work;
  seen.fill(0);
  runOf.fill(-1);
  let k = count;
  while (k-- > 0) {
    const run = runAt[k] as number;
    for (let d = 0, at = k * dims; d < dims; d++) {
      const gi = groups[at + d] as number;
      if (runOf[gi] !== run) {
        runOf[gi] = run;
        const n = totals[gi] as number;
        const notAbove = n - (seen[gi] as number);
        const lower = below[at + d] as number;
        runRank[gi] = n - notAbove + 1;
        // Against the n - 1 others: those below, and half of the others with the same score.
        runPercentile[gi] = n > 1 ? Math.min(100, Math.max(0, ((lower + 0.5 * (notAbove - lower - 1)) / (n - 1)) * 100)) : NaN;
      }
      seen[gi] = (seen[gi] as number) + 1;
      below[at + d] = runRank[gi] as number;
      percentileInOrder[at + d] = runPercentile[gi] as number;
    }
  }
}

// The ranks and percentiles of score r written subject by subject: a subject's figures in every
// dimension lie together in score order, so each subject costs one look-up there, and the output
// is written front to back. A subject without the score keeps rank 0 and gets no percentile (NaN).
function writeRanks(work: RankWork, r: number): void {
  const { size, dims, below: rankInOrder, percentileInOrder, positionOf, rank, percentile } = work;
  const stride = work.refs * size;
  for (let m = 0; m < size; m++) {
    const k = positionOf[m] as number;
    if (k === -1) {
      for (let d = 0, cell = r * size + m; d < dims; d++, cell += stride) percentile[cell] = NaN;
      continue;
    }
    for (let d = 0, at = k * dims, cell = r * size + m; d < dims; d++, cell += stride) {
      rank[cell] = rankInOrder[at + d] as number;
      percentile[cell] = percentileInOrder[at + d] as number;
    }
  }
}

// N of every subject's group, subject by subject.
function groupSizes(work: RankWork, r: number): void {
  const { size, dims, groupAt, totals, of } = work;
  const stride = work.refs * size;
  for (let m = 0; m < size; m++) {
    for (let d = 0, at = m * dims, cell = r * size + m; d < dims; d++, cell += stride) of[cell] = totals[groupAt[at + d] as number] as number;
  }
}

// N of score r as of score `from`, copied block by block: both are scores every subject has.
function copyGroupSizes(work: RankWork, from: number, r: number): void {
  const { size, dims, of } = work;
  const stride = work.refs * size;
  for (let d = 0; d < dims; d++) of.copyWithin(d * stride + r * size, d * stride + from * size, d * stride + (from + 1) * size);
}
