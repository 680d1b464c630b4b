import type { ScoreReport } from "@cohesion/schema";
import type { ScoringResult } from "../result";
import type { ScoreOptions } from "./options";
import { prepareScoring, scoreQuickly, type PreparedScoring } from "./scorer";

// What scoreAssessment tries before the thorough path: the benchmark prepared as for a scorer and a
// plainly valid assessment read in one pass. The browser build (dist/browser.js) puts quick-path.browser.ts
// in its place, which tries nothing: a page scores an assessment or two, and the thorough path gives
// the same result, so the bundle need not carry a second way to it.

/**
 * The report of the quick path, or undefined when the assessment (or the benchmark) needs the thorough path.
 *
 * @example
 * ```ts
 * const result = scoreQuicklyFirst(assessment, benchmark, {}) ?? scoreThoroughly(assessment, benchmark, {});
 * ```
 */
export function scoreQuicklyFirst(assessment: unknown, benchmark: unknown, options: ScoreOptions): ScoringResult<ScoreReport> | undefined {
  // Benchmark, model, parameters and scales are checked as for a scorer (the benchmark's checks cached per benchmark).
  const prepared = preparedFor(benchmark, options);
  return prepared ? scoreQuickly(prepared, assessment) : undefined;
}

// What options without objects of their own (no parameters, scale, scales, models, model object or
// report check) prepare for a benchmark object, kept for the next call with such options: nothing
// they name can change between calls. Checks of the benchmark are already kept per benchmark object.
const plainPrepared = new WeakMap<object, Map<string, PreparedScoring | null>>();

function preparedFor(benchmark: unknown, options: ScoreOptions): PreparedScoring | null {
  const { model, explain, detail, validated } = options;
  const plain =
    typeof benchmark === "object" && benchmark !== null &&
    (model === undefined || typeof model === "string") &&
    options.parameters === undefined && options.scale === undefined && options.scales === undefined &&
    options.models === undefined && options.checkReport === undefined;
  if (!plain) return prepareScoring(benchmark, options, false).value;
  const key = `${model ?? ""}|${explain !== false}|${detail === "key-factors"}|${validated === true}`;
  let byOptions = plainPrepared.get(benchmark);
  if (!byOptions) plainPrepared.set(benchmark, (byOptions = new Map()));
  let prepared = byOptions.get(key);
  if (prepared === undefined) {
    // The options read are copied: the caller's object may change later.
    const own: ScoreOptions = { ...(model !== undefined ? { model } : {}), explain: explain !== false, detail: detail === "key-factors" ? "key-factors" : "questions", validated: validated === true };
    // Frozen parameters, as a scorer's: every report of these options shares them.
    prepared = prepareScoring(benchmark, own, true).value;
    byOptions.set(key, prepared);
  }
  return prepared;
}
