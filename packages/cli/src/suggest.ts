import { distance } from "fastest-levenshtein";

/**
 * The known names nearest to what was typed, for "did you mean" hints: at most three, each within a
 * third of the typed length (or containing it).
 *
 * @example
 * ```ts
 * suggest("eurocities.neighborhood-participation", ["eurocities.neighbourhood-participation"]);
 * // ["eurocities.neighbourhood-participation"]
 * ```
 */
export function suggest(typed: string, known: readonly string[]): string[] {
  const limit = Math.max(2, Math.ceil(typed.length / 3));
  return known
    .map((name) => ({ name, d: name.includes(typed) || typed.includes(name) ? 0 : distance(typed, name) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((c) => c.name);
}

/** " — did you mean …?" for a message, or "" when nothing is near. */
export function suggestionText(typed: string, known: readonly string[]): string {
  const near = suggest(typed, known);
  return near.length === 0 ? "" : ` (did you mean ${near.map((n) => `"${n}"`).join(" or ")}?)`;
}
