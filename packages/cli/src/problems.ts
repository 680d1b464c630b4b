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
  invalid_utf8: { severity: "error", message: "{file}:{line}:{column}: not valid UTF-8 ({detail}) — save the file as UTF-8" },
  wrong_encoding: { severity: "error", message: "{file}: this file is {encoding}; Cohesion reads JSON in UTF-8 — save it as UTF-8" },
  spreadsheet_input: { severity: "error", message: "{file}: this looks like a spreadsheet ({format}); Cohesion reads JSON (see `cohesion import`)" },
  lone_surrogate: {
    severity: "error",
    message: "{file}: the text at {at} holds half of a UTF-16 surrogate pair (a \\uD800–\\uDFFF escape without its other half), which is not a character and cannot be saved as UTF-8 — write the character itself, or both halves of its pair",
  },
  binary_input: { severity: "error", message: "{file}: this looks like {format}, not JSON text; Cohesion reads JSON documents in UTF-8 — give the JSON file itself" },
  symlink_loop: { severity: "error", message: "{file}: symbolic link loop ({detail}) — point the link at a real file or folder" },
  is_a_folder: { severity: "error", message: "{file} is a folder — give the path of one {what} file" },
  empty_folder: {
    severity: "error",
    message: "{file} is a folder with no .json, .ndjson or .jsonl file in it (hidden folders, node_modules and npm's package files are not read) — give the folder that holds the documents, or the files themselves",
  },
  duplicate_key: {
    severity: "error",
    message: "{key} appears twice in the same object (line {firstLine}, column {firstColumn} and line {line}, column {column}); JSON keeps only the last, so the first is never checked — remove one",
  },
  wrong_kind: { severity: "error", message: "{file}: expected a document of kind \"{expected}\" but found \"{found}\"" },
  unknown_benchmark: { severity: "error", message: "no benchmark \"{benchmark}\" is installed{suggestion} — `cohesion list benchmarks` shows what is" },
  no_benchmark_installed: {
    severity: "error",
    message:
      "no benchmark is installed, so \"{benchmark}\" cannot be found — install a content plugin beside the cohesion command (npm install --global @cohesion/plugin-eurocities), in this folder, or in a folder named by COHESION_PLUGIN_PATH",
  },
  unknown_benchmark_version: { severity: "error", message: "benchmark \"{benchmark}\" has no version {version}; installed: {available}" },
  unknown_model: { severity: "error", message: "no scoring model \"{model}\"{suggestion} — available: {available}" },
  output_exists: { severity: "error", message: "{file} already exists — pass --force to overwrite it" },
  write_failed: { severity: "error", message: "{file}: could not be written ({detail})" },
  invalid_param_flag: { severity: "error", message: "--param \"{flag}\": expected name=value, such as {example}" },
  unknown_param: { severity: "error", message: "--param {name}: model {model} has no parameter \"{name}\"{suggestion} — its parameters: {allowed}" },
  invalid_param_value: { severity: "error", message: "--param {name}={value}: {detail} — allowed: {allowed}" },
  scoring_failed: { severity: "error", message: "{file}: could not be scored — {detail}" },
  more_problems: { severity: "error", message: "{count} more problems in this document ({errors} of them errors) are not listed; the first {shown} are — fix those and check again" },
  usage_error: { severity: "error", message: "{detail}" },
  plugin_refused: { severity: "error", message: "a --plugin could not be loaded: {detail}" },
  model_unavailable: { severity: "error", message: "scoring model \"{model}\" is declared by plugin {plugin}, which could not be activated: {detail}" },
  io_error: { severity: "error", message: "{detail}" },
  no_adapters: { severity: "info", message: "no adapters are installed — install an adapter plugin such as @cohesion/adapter-xlsx" },
  worker_failed: { severity: "error", message: "{detail}" },
  internal_error: { severity: "error", message: "internal error: {detail}" },
});

export type CliProblemCode = Parameters<typeof cliProblem>[0];
