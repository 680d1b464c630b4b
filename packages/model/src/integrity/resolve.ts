import { joinPointer } from "../report";
import { asString, type Json } from "./access";
import { checkReference, type DocumentContext } from "./context";
import type { BenchmarkFacts } from "./registry";
import { didYouMean, hint } from "./suggest";

/**
 * Resolves a benchmark reference (`{ id, version? }` at `pointer`): reports an unknown id as
 * `unresolved_reference` and an unknown version as `benchmark_version_not_found`. Returns the
 * version meant (the latest when none is given), or `undefined` when it does not resolve.
 */
export function checkBenchmarkRef(context: DocumentContext, pointer: string, ref: Json): BenchmarkFacts | undefined {
  const id = asString(ref["id"]);
  if (id === undefined) return undefined;
  const versions = context.registry.benchmarks.get(id);
  if (versions === undefined || versions.length === 0) {
    checkReference(context, joinPointer(pointer, "id"), id, "benchmark", new Set(context.registry.benchmarks.keys()));
    return undefined;
  }
  const version = asString(ref["version"]);
  if (version === undefined) return versions.at(-1);
  const facts = versions.find((candidate) => candidate.version === version);
  if (facts) return facts;
  const available = versions.map((candidate) => candidate.version);
  const latest = available.at(-1);
  context.report("benchmark_version_not_found", joinPointer(pointer, "version"), {
    benchmarkId: id,
    version,
    available: available.join(", "),
    availableVersions: available,
    ...(latest ? { suggestion: latest } : {}),
  });
  return undefined;
}

/**
 * Reports `unknown_level` when `level` is not a level of scale `scaleId` ("n/a" is allowed for
 * answers). A scale that is not present is left to the reference check of whoever names it.
 */
export function checkLevel(
  context: DocumentContext,
  pointer: string,
  level: unknown,
  scaleId: string,
  options: { allowNotApplicable: boolean },
): void {
  const levelId = asString(level);
  const levels = context.registry.scales.get(scaleId);
  if (levelId === undefined || levels === undefined) return;
  if (levels.includes(levelId) || (options.allowNotApplicable && levelId === "n/a")) return;
  const suggestion = didYouMean(levelId, levels);
  context.report("unknown_level", pointer, {
    level: levelId,
    scaleId,
    available: levels.map((id) => `"${id}"`).join(", "),
    availableLevels: [...levels],
    hint: hint(suggestion),
    naHint: options.allowNotApplicable ? ', or "n/a" when the question does not apply' : "",
    ...(suggestion ? { suggestion } : {}),
  });
}
