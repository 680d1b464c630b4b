import type { AnyScoringModel } from "../model";
import { equalAverage } from "./equal-average";
import { threshold } from "./threshold";
import { weightedMean } from "./weighted-mean";

/**
 * The models Cohesion ships: weighted mean (the default), threshold and equal average.
 *
 * @example
 * ```ts
 * BUILTIN_MODELS.map((m) => m.id); // ["cohesion.weighted-mean", "cohesion.threshold", "cohesion.equal-average"]
 * ```
 */
export const BUILTIN_MODELS: readonly AnyScoringModel[] = [weightedMean, threshold, equalAverage];

/**
 * The model used when a caller names none.
 *
 * @example
 * ```ts
 * DEFAULT_MODEL.id; // "cohesion.weighted-mean"
 * ```
 */
export const DEFAULT_MODEL = weightedMean;
