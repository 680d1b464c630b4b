import type { Host } from "@cohesion/core";
import type { Benchmark, ValidationProblem } from "@cohesion/schema";
import { cliProblem } from "./problems";
import { suggestionText } from "./suggest";

/**
 * Finds an installed benchmark by id (and version), or says what is installed instead.
 *
 * @example
 * ```ts
 * const found = findBenchmark(host, "eurocities.neighbourhood-participation");
 * if (!found.ok) console.error(found.problem.message);
 * ```
 */
export function findBenchmark(
  host: Host,
  id: string,
  version?: string,
): { ok: true; benchmark: Benchmark } | { ok: false; problem: ValidationProblem } {
  const catalog = host.catalog();
  const benchmark = catalog.benchmark(id, version);
  if (benchmark) return { ok: true, benchmark };
  const all = catalog.benchmarks();
  const versions = all.filter((b) => b.id === id).map((b) => b.version);
  if (version !== undefined && versions.length > 0) {
    return { ok: false, problem: cliProblem("unknown_benchmark_version", "/benchmark/version", { benchmark: id, version, available: versions.join(", ") }) };
  }
  if (all.length === 0) return { ok: false, problem: cliProblem("no_benchmark_installed", "/benchmark/id", { benchmark: id }) };
  const ids = [...new Set(all.map((b) => b.id))];
  return { ok: false, problem: cliProblem("unknown_benchmark", "/benchmark/id", { benchmark: id, suggestion: suggestionText(id, ids) }) };
}
