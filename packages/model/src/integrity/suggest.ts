import { nearestName } from "@cohesion/schema";

/**
 * The candidate closest to `wanted`, when it is close enough to be a likely typo; `undefined`
 * otherwise. The same rule as every other "did you mean" hint (`nearestName` of `@cohesion/schema`).
 *
 * @example
 * ```ts
 * didYouMean("stakeholder", ["stakeholders", "resources"]); // "stakeholders"
 * didYouMean("budget", ["stakeholders"]); // undefined
 * ```
 */
export function didYouMean(wanted: string, candidates: Iterable<string>): string | undefined {
  return nearestName(wanted, candidates);
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
