import type { Host } from "@cohesion/core";
import { findBenchmark } from "../find-benchmark";
import { EXIT, type CliIO } from "../io";
import { questionnaireOf } from "../questionnaire";
import { questionnaireMarkdown, questionnaireText } from "../questionnaire-render";

/** Options of `cohesion show benchmark`. */
export interface ShowOptions {
  benchmark: string;
  version?: string;
  format: "text" | "markdown" | "json";
}

/**
 * `cohesion show benchmark <id> [--version v] [--format text|markdown|json]`: the benchmark as a
 * questionnaire — sections, key factors, guide questions with their sub-questions and ids, the levels
 * of its scale with what they mean, tips, actions, context factors and sources.
 *
 * @example
 * ```sh
 * cohesion show benchmark eurocities.neighbourhood-participation --format markdown > questions.md
 * ```
 */
export function showCommand(options: ShowOptions, io: CliIO, host: Host): number {
  const found = findBenchmark(host, options.benchmark, options.version);
  if (!found.ok) {
    io.stderr.write(`cohesion: ${found.problem.message}\n`);
    return EXIT.invalid;
  }
  const { benchmark } = found;
  const questionnaire = questionnaireOf(benchmark, host.catalog().scale(benchmark.defaultScale));
  if (options.format === "json") io.stdout.write(`${JSON.stringify(questionnaire, null, 2)}\n`);
  else if (options.format === "markdown") io.stdout.write(questionnaireMarkdown(questionnaire));
  else io.stdout.write(questionnaireText(questionnaire, io.stdout.columns ?? 100));
  return EXIT.ok;
}
