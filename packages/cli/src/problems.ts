import { defineProblems } from "@cohesion/schema";

/**
 * The command line's own problem codes, in the same report format as every validator, so a tool reading
 * `--format json` handles a missing file the same way as an invalid document.
 */
export const cliProblem = defineProblems({
  file_not_found: { severity: "error", message: "{file}: no such file or directory — check the path" },
  not_readable: { severity: "error", message: "{file}: cannot be read ({detail})" },
  invalid_json: { severity: "error", message: "{file}:{line}:{column}: not valid JSON — {detail}" },
  empty_input: { severity: "error", message: "{file}: the input is empty — give a JSON document, an array of documents or NDJSON" },
  wrong_kind: { severity: "error", message: "{file}: expected a document of kind \"{expected}\" but found \"{found}\"" },
  unknown_benchmark: { severity: "error", message: "no benchmark \"{benchmark}\" is installed{suggestion} — `cohesion list benchmarks` shows what is" },
  unknown_benchmark_version: { severity: "error", message: "benchmark \"{benchmark}\" has no version {version}; installed: {available}" },
  unknown_model: { severity: "error", message: "no scoring model \"{model}\"{suggestion} — available: {available}" },
  output_exists: { severity: "error", message: "{file} already exists — pass --force to overwrite it" },
  write_failed: { severity: "error", message: "{file}: could not be written ({detail})" },
  invalid_param_flag: { severity: "error", message: "--param \"{flag}\": expected name=value, such as {example}" },
  unknown_param: { severity: "error", message: "--param {name}: model {model} has no parameter \"{name}\"{suggestion} — its parameters: {allowed}" },
  invalid_param_value: { severity: "error", message: "--param {name}={value}: {detail} — allowed: {allowed}" },
  scoring_failed: { severity: "error", message: "{file}: could not be scored — {detail}" },
});

export type CliProblemCode = Parameters<typeof cliProblem>[0];
