import type { PeerGroup } from "@cohesion/schema";
import type { Grouping } from "./peer-groups";
import { DIMENSIONS } from "./peer-groups";
import { percentileRank, scoreOrder, sortBuffers, sortScores } from "./statistics";

// Every subject's rank and percentile in every peer group at once, as columns.

/**
 * The ranks of every subject of a {@link PeerIndex}, overall and per key factor, in each of its peer
 * groups: the numbers `position` gives, without an object per figure. Subject `m` (an index into
 * `subjects`), dimension `d` and score `r` (an index into `refs`) name a figure. Ranks are a column,
 * at cell `at(m, d, r)` = `(d * refs.length + r) * subjects.length + m`; N and the percentile rank are
 * worked out from the rank and two counts when asked for (`ofAt`, `percentileAt`), so that the output
 * stays at 6 bytes a cell in a dimension whose groups have at most 65,535 subjects each, 8 in any other:
 * at 100,000 subjects and 12 scores at most 38 MB instead of 77 MB, small enough not to set off a full
 * garbage collection of the caller's heap.
 *
 * @example
 * ```ts
 * const ranks = index.report.ranks();
 * ranks.rank[ranks.at(0, 0, 0)]; // subject 0's overall rank among all subjects; 0: unranked
 * ranks.ofAt(0, 0, 0); // N
 * ranks.percentileAt(0, 0, 0); // 0–100; NaN where the subject has no score or no other has one
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
  /** Rank "n of N" by cell: 1 is the highest, ties share the better rank; 0 where the subject has no score. */
  readonly rank: Int32Array;
  /** The cell of subject `m` (an index into `subjects`) in dimension `d` for score `r` (an index into `refs`). */
  at(m: number, d: number, r: number): number;
  /** N: how many in the subject's group have the score (the subject included when it has one); NaN when m, d or r is out of range. */
  ofAt(m: number, d: number, r: number): number;
  /** The percentile rank, 0–100, as `position` gives it; NaN where the subject has no score, no other member has one, or m, d or r is out of range. */
  percentileAt(m: number, d: number, r: number): number;
}

const MAX_NARROW = 0xffff;

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
    rank: new Int32Array(cells),
    // How many of its group score below a subject is less than the group's size: two bytes a cell hold
    // it in a dimension whose groups have at most 65,535 subjects each. Half the fresh memory of four
    // bytes is fewer pages to fault in, which is most of what ranking costs when the arrays are new (as
    // they are on every call).
    lower: groupings.map(({ counts }) => (largest(counts) <= MAX_NARROW ? new Uint16Array(refs.length * size) : new Int32Array(refs.length * size))),
    sizes: new Int32Array(refs.length * total),
  };
  // One set of sorting buffers for every score: nothing is allocated per score.
  const buffers = sortBuffers(size);
  for (let r = 0; r < refs.length; r++) {
    const column = columnOf(refs[r] as string);
    // Every subject with this score, lowest first: one sort, whatever the groups.
    const { order, values } = sortScores(column, buffers);
    if (order.length === size) {
      for (let d = 0; d < dims; d++) work.totals.set((groupings[d] as Grouping).counts, offsets[d]);
    } else countGroups(work, order);
    rankScore(work, order, values, r);
    // N of every group for this score, whether or not a subject has it.
    work.sizes.set(work.totals, r * total);
  }
  const groups = groupings.map(({ ids: groupIds, groupOf }) => {
    const list = new Array<string>(size);
    for (let m = 0; m < size; m++) list[m] = groupIds[groupOf[m] as number] as string;
    return list;
  });
  return columnRanks(ids.slice(), refs.slice(), groups, work, total);
}

// The output of rankAll: the rank column, and N and the percentile worked out per figure from the
// counts rankAll keeps (a subject's group, each group's N, and how many of its group score below it).
function columnRanks(subjects: string[], refs: string[], groups: string[][], work: RankWork, total: number): PeerRanks {
  const { size, dims, groupAt, rank, lower, sizes } = work;
  const scores = refs.length;
  // The group's N of subject m in dimension d for score r, or -1 for a figure that does not exist.
  const sizeOf = (m: number, d: number, r: number): number => {
    // x >>> 0 === x holds for whole numbers from 0 to 2^32 - 1 only (not for NaN, fractions or negatives).
    if (!(m >>> 0 === m && m < size && d >>> 0 === d && d < dims && r >>> 0 === r && r < scores)) return -1;
    return sizes[r * total + (groupAt[m * dims + d] as number)] as number;
  };
  return {
    subjects,
    dimensions: DIMENSIONS,
    refs,
    groups,
    rank,
    at: (m, d, r) => (d * scores + r) * size + m,
    ofAt: (m, d, r) => {
      const n = sizeOf(m, d, r);
      return n === -1 ? NaN : n;
    },
    percentileAt: (m, d, r) => {
      const n = sizeOf(m, d, r);
      if (n === -1) return NaN;
      const cell = (d * scores + r) * size + m;
      const place = rank[cell] as number;
      if (place === 0) return NaN;
      // rank = 1 + those above, so the others not above are n - rank; those of them below are `lower`.
      const below = (lower[d] as Int32Array | Uint16Array)[r * size + m] as number;
      return percentileRank(below, n - place - below, n - 1);
    },
  };
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
  /** Per group (all dimensions numbered together): subjects with the score. */
  readonly totals: Int32Array;
  /** Per group: subjects met so far in score order, lowest first. */
  readonly seen: Int32Array;
  /** Per group: the run of equal scores last met in it, and how many of the group came before that run. */
  readonly runOf: Int32Array;
  readonly runFrom: Int32Array;
  /** Output by cell: the rank (0: no score). */
  readonly rank: Int32Array;
  /** Output per dimension d, at r * size + m: how many of the subject's group score below it. */
  readonly lower: readonly (Int32Array | Uint16Array)[];
  /** Output: N of group gi (all dimensions numbered together) for score r, at r * groups + gi. */
  readonly sizes: Int32Array;
}

function largest(counts: Int32Array): number {
  let most = 0;
  for (let g = 0; g < counts.length; g++) most = Math.max(most, counts[g] as number);
  return most;
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

// The figures of score r of every subject, in one walk up the scores, run of equal scores by run. In
// its group a subject has below it those of the group met before its run (`lower`), and above it those
// not met by the end of its run: its rank is 1 + N - (met by then). So each run is walked twice: once
// to count, then to rank. The output is written by subject; one score's cells of a dimension lie
// together (a subject's cell is `m` places in), so the writes stay within a few small stretches.
function rankScore(work: RankWork, order: Int32Array, values: Float64Array, r: number): void {
  const { size, dims, groupAt, totals, seen, runOf, runFrom, rank, lower } = work;
  const stride = work.refs * size;
  const base = r * size;
  seen.fill(0);
  runOf.fill(-1);
  const count = values.length;
  for (let from = 0, to = 0; from < count; from = to) {
    const value = values[from] as number;
    to = from + 1;
    while (to < count && values[to] === value) to++;
    for (let k = from; k < to; k++) {
      const m = order[k] as number;
      for (let d = 0, at = m * dims; d < dims; d++) {
        const gi = groupAt[at + d] as number;
        const met = seen[gi] as number;
        if (runOf[gi] !== from) {
          runOf[gi] = from;
          runFrom[gi] = met;
        }
        (lower[d] as Int32Array | Uint16Array)[base + m] = runFrom[gi] as number;
        seen[gi] = met + 1;
      }
    }
    for (let k = from; k < to; k++) {
      const m = order[k] as number;
      for (let d = 0, at = m * dims, cell = base + m; d < dims; d++, cell += stride) {
        const gi = groupAt[at + d] as number;
        rank[cell] = 1 + (totals[gi] as number) - (seen[gi] as number);
      }
    }
  }
}
