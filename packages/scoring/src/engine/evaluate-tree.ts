import type { CompiledTree, AnswerArrays } from "./compile-tree";
import { LEAF, NOT_APPLICABLE_CODE, PARENT, UNANSWERED_CODE } from "./compile-tree";
import { roundScore } from "./exact";
import { clampScore } from "./scale";

// The arithmetic of the score tree over flat arrays: scores, coverage and status of every node.

// Node statuses as small numbers while scoring; names only when a node is written out.
export const SCORED = 0;
export const NOT_APPLICABLE_STATUS = 1;
export const UNANSWERED = 2;
export const INSUFFICIENT = 3;

/**
 * Scores, coverage and status of every node of a compiled tree for one assessment, by node index
 * (the overall score is at `tree.overall.index`; NaN: no score).
 */
export interface Evaluation {
  readonly score: Float64Array;
  readonly coverage: Float64Array;
  readonly status: Uint8Array;
  /** The weight each node has as an input of its parent (a derived weight worked out for these answers). */
  readonly weight: Float64Array;
}

/**
 * Fresh arrays for {@link evaluateTree} to fill, one slot per node.
 *
 * @example
 * ```ts
 * const buffer = evaluationBuffer(tree); // reused row after row
 * ```
 */
export function evaluationBuffer(tree: CompiledTree): Evaluation {
  const count = tree.nodeCount;
  return { score: new Float64Array(count), coverage: new Float64Array(count), status: new Uint8Array(count), weight: new Float64Array(count) };
}

/**
 * Scores every node of a compiled tree: the same arithmetic as the trace explains, over flat arrays.
 * Inputs are taken in trace order (a parent question's own answer first), so sums are identical.
 * `into` is reused when given (bulk scoring), else fresh arrays are made. With `leaves` false the
 * slots of leaves are not written (a score table reads only key factors and up); every other slot
 * holds the same numbers.
 *
 * @example
 * ```ts
 * const { score } = evaluateTree(tree, answerArrays(tree, answers, points), 0.5);
 * score[tree.overall.index]; // the overall score, NaN when there is none
 * ```
 */
export function evaluateTree(tree: CompiledTree, answers: AnswerArrays, coverageThreshold: number, into?: Evaluation, leaves = true): Evaluation {
  const { score, coverage, status, weight: weightOf } = into ?? evaluationBuffer(tree);
  const codes = answers.codes;
  const rounded = answers.rounded === true;
  const { kinds, questions, ownWeights, minimum: byMinimum, weights, derived, childStart, childList, inner } = tree.flat;
  // The threshold is compared as node coverage is: both rounded to SCORE_DECIMALS.
  const threshold = roundScore(coverageThreshold);
  // Node numbers are post-order: every child is scored before its parent. A leaf is scored where its
  // parent reads it (its one input is its answer, of weight 1), so it is not read back from the arrays.
  for (let i = 0; i < inner.length; i++) {
    const n = inner[i] as number;
    const kind = kinds[n] as number;
    let total = 0;
    let covered = 0;
    let scoredWeight = 0;
    let sum = 0;
    let minimum = Infinity;
    if (kind === PARENT) {
      // The question's own answer, of weight `ownWeight` beside its sub-questions; unanswered, it does not count.
      const value = codes[questions[n] as number] as number;
      const weight = ownWeights[n] as number;
      const applicable = value !== UNANSWERED_CODE && value !== NOT_APPLICABLE_CODE;
      if (applicable && weight !== 0) {
        total += weight;
        if (value >= 0) {
          covered += weight;
          scoredWeight += weight;
          sum += weight * value;
          if (value < minimum) minimum = value;
        }
      }
    }
    const end = childStart[n + 1] as number;
    for (let j = childStart[n] as number; j < end; j++) {
      const c = childList[j] as number;
      let weight: number;
      let covers: number;
      let value: number;
      if (kinds[c] === LEAF) {
        const answer = codes[questions[c] as number] as number;
        if (!leaves) {
          // What the branch below adds up, without writing the leaf down.
          weight = weights[c] as number;
          if (answer === NOT_APPLICABLE_CODE || weight === 0) continue;
          total += weight;
          if (answer >= 0) {
            value = rounded ? answer : roundScore(answer);
            covered += weight;
            scoredWeight += weight;
            sum += weight * value;
            if (value < minimum) minimum = value;
          }
          continue;
        }
        weight = weightOf[c] = weights[c] as number;
        if (answer === NOT_APPLICABLE_CODE) {
          status[c] = NOT_APPLICABLE_STATUS;
          coverage[c] = 1;
          score[c] = NaN;
          continue;
        }
        if (answer >= 0) {
          status[c] = SCORED;
          covers = coverage[c] = 1;
          value = score[c] = roundScore(answer);
        } else {
          // Unanswered, or (direct callers only) a level off the scale.
          status[c] = UNANSWERED;
          covers = coverage[c] = 0;
          value = score[c] = NaN;
        }
        if (weight === 0) continue;
      } else {
        weight = weightOf[c] as number;
        if (status[c] === NOT_APPLICABLE_STATUS || weight === 0) continue;
        covers = coverage[c] as number;
        value = score[c] as number;
      }
      total += weight;
      covered += weight * covers;
      if (value === value) {
        scoredWeight += weight;
        sum += weight * value;
        if (value < minimum) minimum = value;
      }
    }
    weightOf[n] = derived[n] === 1 ? total : (weights[n] as number);
    if (total === 0) {
      status[n] = NOT_APPLICABLE_STATUS;
      coverage[n] = 1;
      score[n] = NaN;
      continue;
    }
    const share = roundScore(Math.min(1, Math.max(0, covered / total)));
    coverage[n] = share;
    const byMin = byMinimum[n] === 1;
    if (share === 0) {
      status[n] = UNANSWERED;
      score[n] = NaN;
    } else if (scoredWeight === 0 || (!byMin && share < threshold)) {
      // The minimum rule takes the weakest input that has a score, whatever the coverage: a key
      // factor below the pass mark always pulls its section and the overall score down with it.
      status[n] = INSUFFICIENT;
      score[n] = NaN;
    } else {
      status[n] = SCORED;
      score[n] = roundScore(clampScore(byMin ? minimum : sum / scoredWeight));
    }
  }
  return { score, coverage, status, weight: weightOf };
}
