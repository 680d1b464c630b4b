import type { Host } from "@cohesion/core";
import { findBenchmark } from "../find-benchmark";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";
import { questionnaireOf } from "../questionnaire";
import { questionnaireMarkdown, questionnaireText } from "../questionnaire-render";

/** Options of `cohesion show benchmark`. */
export interface ShowOptions {
  benchmark: string;
  version?: string;
  format: "text" | "markdown" | "json";
}

/** `cohesion show`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length === 0) throw new UsageError("show needs what to show: `cohesion show benchmark <id>`");
  // `cohesion show <id>` is the natural first try: say the word that is missing rather than refuse the id.
  if (positionals[0] !== "benchmark" && positionals.length === 1 && positionals[0]?.includes(".")) {
    throw new UsageError(`show needs the word "benchmark" before the id: \`cohesion show benchmark ${positionals[0]}\``, "`cohesion list benchmarks` shows the installed ones");
  }
  if (positionals[0] !== "benchmark") throw new UsageError(`show can show a benchmark, not "${positionals[0]}": \`cohesion show benchmark <id>\``);
  if (positionals.length !== 2) throw new UsageError("show benchmark needs one benchmark id", "`cohesion list benchmarks` shows the installed ones");
  const version = context.string("version");
  const format = context.format as ShowOptions["format"];
  return showCommand({ benchmark: positionals[1] as string, format, ...(version === undefined ? {} : { version }) }, context.io, await context.host());
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
export function showCommand(options: ShowOptions, io: CliIO, host: Host): CommandOutcome {
  const found = findBenchmark(host, options.benchmark, options.version);
  if (!found.ok) return { exit: EXIT.invalid, problems: [found.problem] };
  const { benchmark } = found;
  const questionnaire = questionnaireOf(benchmark, host.catalog().scale(benchmark.defaultScale));
  if (options.format === "json") return { exit: EXIT.ok, result: questionnaire };
  const text = options.format === "markdown" ? questionnaireMarkdown(questionnaire) : questionnaireText(questionnaire, io.stdout.columns ?? 100);
  return { exit: EXIT.ok, result: questionnaire, text };
}
