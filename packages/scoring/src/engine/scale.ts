import type { Scale, ValidationProblem } from "@cohesion/schema";
import { joinPointer } from "@cohesion/schema";
import { engineProblem } from "../problems";

/**
 * The answer that takes a question out of the arithmetic.
 *
 * @example
 * ```ts
 * const answer = { level: NOT_APPLICABLE }; // { level: "n/a" }
 * ```
 */
export const NOT_APPLICABLE = "n/a";

/**
 * A scale read for scoring: each level id mapped to 0–100.
 *
 * @example
 * ```ts
 * const normalised = normaliseScale(MATURITY_SCALE);
 * if (normalised.ok) normalised.report.points.get("partial"); // 50
 * ```
 */
export interface NormalisedScale {
  readonly id: string;
  readonly points: ReadonlyMap<string, number>;
  readonly levelIds: readonly string[];
}

const cache = new WeakMap<Scale, { scale: NormalisedScale | null; problems: ValidationProblem[] }>();

/**
 * Checks a scale and maps its levels linearly onto 0–100: the lowest value becomes 0 and the highest 100.
 * Level values must strictly increase and ids must be unique; problems point into the scale document
 * from `basePointer`. Results are cached per scale object.
 *
 * @example
 * ```ts
 * const { scale } = normaliseScale(YES_PARTLY_NO_SCALE);
 * scale?.points.get("partly"); // 50
 * ```
 */
export function normaliseScale(
  scale: Scale,
  basePointer = "",
): { scale: NormalisedScale | null; problems: ValidationProblem[] } {
  const cached = basePointer === "" ? cache.get(scale) : undefined;
  if (cached) return cached;
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  scale.levels.forEach((level, index) => {
    const pointer = joinPointer(basePointer, "levels", index);
    if (seen.has(level.id)) problems.push(engineProblem("scale_duplicate_level", pointer, { scale: scale.id, id: level.id }));
    seen.add(level.id);
    const previous = scale.levels[index - 1];
    if (previous !== undefined && !(level.value > previous.value)) {
      problems.push(
        engineProblem("scale_values_not_increasing", joinPointer(pointer, "value"), {
          scale: scale.id,
          value: level.value,
          previous: previous.value,
        }),
      );
    }
  });
  let result: { scale: NormalisedScale | null; problems: ValidationProblem[] };
  const first = scale.levels[0];
  const last = scale.levels[scale.levels.length - 1];
  if (problems.length > 0 || first === undefined || last === undefined) {
    result = { scale: null, problems };
  } else {
    const span = last.value - first.value;
    const points = new Map<string, number>();
    for (const level of scale.levels) points.set(level.id, clampScore(((level.value - first.value) / span) * 100));
    result = { scale: { id: scale.id, points, levelIds: scale.levels.map((l) => l.id) }, problems };
  }
  if (basePointer === "") cache.set(scale, result);
  return result;
}

/**
 * Keeps a computed score inside 0–100 against floating-point drift (100.00000000000001).
 *
 * @example
 * ```ts
 * clampScore(100.00000000000001); // 100
 * ```
 */
export function clampScore(value: number): number {
  return value < 0 ? 0 : value > 100 ? 100 : value;
}
