/**
 * Edit distance between two strings (Levenshtein), for "did you mean" hints.
 *
 * @example
 * ```ts
 * editDistance("stakeholder", "stakeholders"); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `wanted`, when it is close enough to be a likely typo (at most a third
 * of the longer string differs); `undefined` otherwise.
 *
 * @example
 * ```ts
 * didYouMean("stakeholder", ["stakeholders", "resources"]); // "stakeholders"
 * didYouMean("budget", ["stakeholders"]); // undefined
 * ```
 */
export function didYouMean(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // Long strings make the distance table costly and a typo hint useless; skip them.
    if (candidate.length > 240 || wanted.length > 240) continue;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(wanted.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * The " Did you mean ...?" sentence a message ends with, or "" when there is nothing to suggest.
 *
 * @example
 * ```ts
 * hint("stakeholders"); // ' Did you mean "stakeholders"?'
 * ```
 */
export function hint(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` Did you mean "${suggestion}"?`;
}
