import type { CommandSpec } from "../framework/command";

// Only names, help and options live here: each command's code is imported when it runs, so that
// `cohesion --version` or `cohesion list --help` loads nothing it does not show.

const scoring = {
  model: { type: "string", value: "id", description: "the scoring model (default cohesion.weighted-mean)" },
  param: { type: "string", multiple: true, value: "name=value", description: "a parameter of the scoring model, checked against the model's own (repeatable)" },
  peers: { type: "string", value: "dir", description: "a folder of peer assessments of the same benchmark, for rank, medians and mentors" },
  target: { type: "string", value: "n", description: "a target score from 0 to 100 for every key factor (default: the assessment's own targets)" },
} as const;

/** Every command of the `cohesion` binary, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "validate",
    summary: "check documents against the schemas and the installed content",
    usage: ["<files | dirs | -> [--no-integrity] [--format text|json]"],
    description:
      "Checks JSON documents, arrays of documents and NDJSON streams (.ndjson/.jsonl, or standard input given as -) against the schemas extended by the installed plugins, then checks references across them and the installed content. Folders are walked for .json, .ndjson and .jsonl files. Exits 1 when anything is invalid.",
    options: {
      integrity: { type: "boolean", default: true, description: "check references across documents and the installed content (the default)" },
      "no-integrity": { type: "boolean", description: "check each document on its own only" },
    },
    usesPlugins: true,
    load: () => import("./validate"),
  },
  {
    name: "score",
    summary: "score an assessment against its benchmark",
    usage: ["<assessment> [--model id] [--param name=value]... [--peers dir] [--target n] [--format text|json]"],
    description:
      "Scores an assessment with a scoring model, with gaps against its targets (or --target), practices to learn from and, with --peers, its rank among peers and mentor candidates. The text format is a table of scores per section and key factor; the JSON result is the score report. `table` is accepted as another name for `text`.",
    options: { ...scoring },
    formats: ["text", "json", "table"],
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./score"),
  },
  {
    name: "report",
    summary: "write an HTML or Markdown report of an assessment",
    usage: ["<assessment> --out report.html|report.md [--peers dir] [--model id] [--param name=value]... [--target n] [--force]"],
    description:
      "Scores the assessment and writes a self-contained HTML page (SVG radar and gap charts, traces, practices to learn from, mentors; no scripts, no network) or Markdown, atomically. An existing file is replaced only with --force.",
    options: {
      ...scoring,
      out: { type: "string", short: "o", value: "file", description: "the file to write, ending in .html or .md" },
      force: { type: "boolean", default: false, description: "replace an existing file" },
    },
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./report"),
  },
  {
    name: "export",
    summary: "write a document or a benchmark through an adapter (workbook, data package, form)",
    usage: ["<document | -> --out <file> [--to format] [--force]", "--benchmark <id> [--version v] --out <file> [--to format] [--force]"],
    description:
      "Writes a document through the adapter registered for --to (or for the extension of --out): a benchmark as the officer's questionnaire workbook, content as a data package, any document as a lossless workbook. `cohesion list adapters` shows what is installed.",
    options: {
      benchmark: { type: "string", value: "id", description: "export an installed benchmark instead of a file" },
      version: { type: "string", value: "v", description: "the benchmark's version (default the latest installed)" },
      to: { type: "string", value: "format", description: "the adapter's format (default: from the extension of --out)" },
      out: { type: "string", short: "o", value: "file", description: "the file (or folder) to write" },
      force: { type: "boolean", default: false, description: "replace an existing file" },
    },
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./export"),
  },
  {
    name: "import",
    summary: "read a workbook or other file through an adapter into documents",
    usage: ["<file | -> [--from format] [--out file] [--force] [--format text|json]"],
    description: "Reads a file through the adapter registered for --from (or for its extension) and writes the documents it holds to --out or standard output, with every problem found on the way.",
    options: {
      from: { type: "string", value: "format", description: "the adapter's format (default: from the file's extension)" },
      out: { type: "string", short: "o", value: "file", description: "the file to write (default standard output)" },
      force: { type: "boolean", default: false, description: "replace an existing file" },
    },
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./import"),
  },
  {
    name: "init",
    summary: "write a blank assessment for a benchmark",
    usage: ["assessment --benchmark <id> --city <name> [--version v] [--country CC] [--out file] [--force]"],
    description: "Writes a blank assessment for the current schema version with an entry for every guide question of the benchmark, to --out or standard output. With --out, the questionnaire to fill in is written beside it as <name>.questions.md.",
    options: {
      benchmark: { type: "string", value: "id", description: "the benchmark to answer (`cohesion list benchmarks`)" },
      version: { type: "string", value: "v", description: "the benchmark's version (default the latest installed)" },
      city: { type: "string", value: "name", description: "the city or place assessed" },
      country: { type: "string", value: "CC", description: "its ISO 3166-1 alpha-2 country code" },
      out: { type: "string", short: "o", value: "file", description: "the file to write (default standard output)" },
      force: { type: "boolean", default: false, description: "replace an existing file" },
    },
    usesPlugins: true,
    load: () => import("./init"),
  },
  {
    name: "list",
    summary: "list installed plugins, benchmarks, practices or adapters",
    usage: ["plugins | benchmarks | practices | adapters [--search text] [--format text|json]"],
    description: "Lists what the installed plugins offer; --search ranks practices by a full-text query (typos and word starts allowed).",
    options: { search: { type: "string", value: "text", description: "search practices" } },
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./list"),
  },
  {
    name: "show",
    summary: "show a benchmark as a questionnaire",
    usage: ["benchmark <id> [--version v] [--format text|markdown|json]"],
    description:
      "Prints a benchmark as a questionnaire: sections, key factors, guide questions with their sub-questions and ids, the levels of its scale with what they mean, tips, actions, context factors and sources. Prose is marked (source) where it restates the cited publication and (editorial) where Cohesion wrote it, as the benchmark says.",
    options: { version: { type: "string", value: "v", description: "the benchmark's version (default the latest installed)" } },
    formats: ["text", "markdown", "json"],
    usesPlugins: true,
    load: () => import("./show"),
  },
  {
    name: "check-plugin",
    summary: "check a plugin folder as the host would load it",
    usage: ["<dir> [--format text|json]"],
    description:
      "Loads a plugin folder the way the host does, next to the installed plugins, and lists every problem at once: the manifest in package.json, each contributed file and document, schema extensions, and references across documents. Exits 0 when the plugin loads cleanly, 1 when it has problems.",
    options: {},
    usesPlugins: true,
    runsPluginCode: true,
    load: () => import("./check-plugin"),
  },
  {
    name: "migrate",
    summary: "upgrade documents to a later schema version",
    usage: ["<files | folders | -> [--to version] [--out file | --out-dir dir | --in-place] [--dry-run] [--force] [--format text|json]"],
    description:
      "Upgrades documents to a later schema version (the latest by default), listing every value it moved and anything it could not carry over and where it kept it. A .json file holds one document or an array; .ndjson/.jsonl files and standard input are streamed line by line; folders are walked. One file goes to --out or standard output; several go to --out-dir (mirroring their paths) or back over themselves with --in-place. A file is written atomically and only when every document in it migrated. --dry-run reports and writes nothing. With --plugin, documents are checked against the schemas as the plugin extends them. Ends with the counts.",
    options: {
      to: { type: "string", value: "version", description: "the schema version to migrate to" },
      out: { type: "string", short: "o", value: "file", description: "the file to write the one input to (default standard output)" },
      "out-dir": { type: "string", value: "dir", description: "a folder for the migrated files, mirroring the inputs' paths" },
      "in-place": { type: "boolean", default: false, description: "write each file back over itself" },
      "dry-run": { type: "boolean", default: false, description: "migrate and report, write nothing" },
      force: { type: "boolean", default: false, description: "replace an existing file" },
    },
    usesPlugins: true,
    load: () => import("./migrate"),
  },
  {
    name: "schema-diff",
    summary: "classify the changes between two schema sets",
    usage: ["<old> <new> [--declared none|patch|minor|major] [--format text|json]"],
    description:
      "Classifies every change between two schema sets as patch, minor or major with the reason. Each side is a folder of *.schema.json files, one schema file, or a shipped schema version such as 1.0. With --declared, exits 1 when the declared bump is too small.",
    options: { declared: { type: "string", value: "bump", description: "the bump the release declares: none, patch, minor or major" } },
    load: () => import("./schema-diff"),
  },
  {
    name: "schema export",
    summary: "write the schemas as the plugins extend them, for validators in any language",
    usage: ["--plugin <path> --out <dir> [--force] [--format text|json]"],
    description:
      "Writes every core schema at the path of its $id under <dir>, each schema a plugin extends beside it under its own $id (<version>/<kind>+plugins.schema.json), and <dir>/index.json saying which schema to use for each kind. A plugin the host refused stops the export, naming why.",
    options: {
      out: { type: "string", short: "o", value: "dir", description: "the folder to write the schemas into" },
      force: { type: "boolean", default: false, description: "replace existing files" },
    },
    usesPlugins: true,
    load: () => import("./schema-export"),
  },
];
