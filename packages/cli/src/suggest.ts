import { nearestNames } from "@cohesion/schema";

/**
 * The known names nearest to what was typed, for "did you mean" hints: at most three, by the same rule
 * as the validators' hints, and also any name that contains what was typed.
 *
 * @example
 * ```ts
 * suggest("eurocities.neighborhood-participation", ["eurocities.neighbourhood-participation"]);
 * // ["eurocities.neighbourhood-participation"]
 * ```
 */
export function suggest(typed: string, known: readonly string[]): string[] {
  return nearestNames(typed, known, { substrings: true });
}

/** " — did you mean …?" for a message, or "" when nothing is near. */
export function suggestionText(typed: string, known: readonly string[]): string {
  const near = suggest(typed, known);
  return near.length === 0 ? "" : ` (did you mean ${near.map((n) => `"${n}"`).join(" or ")}?)`;
}
