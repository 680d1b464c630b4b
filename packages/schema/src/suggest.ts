import { normalise } from "./normal-form";
// Typo hints past this length cost a large distance table and help nobody.
const MAX_NAME_LENGTH = 240;

/**
 * The Levenshtein distance of two strings in UTF-16 units: one row of the table at a time. The names
 * compared are short (at most MAX_NAME_LENGTH) and mostly filtered out by length before, so this
 * plain form costs nothing worth a library in a browser bundle.
 *
 * @internal
 */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  const row: number[] = [];
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (char === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Options of {@link nearestNames}. */
export interface NearestNamesOptions {
  /** How many names at most (3 by default). */
  readonly max?: number;
  /** Also count a candidate that contains the typed name, or is contained in it, as near (off by default). */
  readonly substrings?: boolean;
}

/**
 * The candidates closest to a misspelt name, nearest first, that are close enough to be a likely typo:
 * the same letters ignoring case and separators, or an edit distance within a third of the name (at
 * least 2, or 1 for names of up to three letters). Used for every "did you mean" hint, so the validators, the integrity checks and the command
 * line suggest alike.
 *
 * @example
 * nearestNames("eurocities.neighborhood-participation", ["eurocities.neighbourhood-participation"]);
 * // ["eurocities.neighbourhood-participation"]
 */
export function nearestNames(name: string, candidates: Iterable<string>, options: NearestNamesOptions = {}): string[] {
  if (name.length > MAX_NAME_LENGTH) return [];
  const wanted = normalise(name);
  // Two edits cover a swapped pair of letters ("titel"); in a name of three letters or fewer that would
  // make almost anything near, so one edit is the limit there.
  const allowed = wanted.length <= 3 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  const near: Array<{ candidate: string; d: number }> = [];
  for (const candidate of candidates) {
    if (candidate === name || candidate.length > MAX_NAME_LENGTH) continue;
    const other = normalise(candidate);
    const contains = options.substrings === true && wanted !== "" && (other.includes(wanted) || wanted.includes(other));
    // The edit distance is at least the difference in length: most candidates need no distance table.
    if (!(other === wanted || contains) && Math.abs(other.length - wanted.length) > allowed) continue;
    const d = other === wanted || contains ? 0 : editDistance(wanted, other);
    if (d <= allowed) near.push({ candidate, d });
  }
  return near
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, options.max ?? 3)
    .map((n) => n.candidate);
}

/**
 * The candidate closest to a misspelt name, if one is close enough to be a likely typo.
 *
 * @example
 * nearestName("titel", ["title", "id"]); // "title"
 * nearestName("key_factors", ["keyFactors"]); // "keyFactors"
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  return nearestNames(name, candidates, { max: 1 })[0];
}
