import { parseArgs } from "node:util";
import { createHost, type Host } from "@cohesion/core";
import cliPackage from "../package.json" with { type: "json" };
import { addBundledAdapters, HOST_POINTS } from "./adapter-host";
import { OutputExistsError } from "./atomic-write";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { initCommand } from "./commands/init";
import { listCommand } from "./commands/list";
import { listAdaptersCommand } from "./commands/list-adapters";
import { migrateCommand } from "./commands/migrate";
import { reportCommand } from "./commands/report";
import { isSchemaBump, schemaDiffCommand } from "./commands/schema-diff";
import { schemaExportCommand } from "./commands/schema-export";
import { scoreCommand } from "./commands/score";
import { validateCommand } from "./commands/validate";
import { EXIT, UsageError, type CliIO } from "./io";
import { suggestionText } from "./suggest";
import { ValidationWorkerError, validationWorkers, validationWorkersFrom } from "./validate-pool";

const COMMANDS = ["validate", "score", "report", "export", "import", "init", "list", "migrate", "schema-diff", "schema", "help"] as const;

const HELP = `cohesion — validate, score and report on migrant-integration self-assessments

Usage:
  cohesion validate <files | dirs | -> [--format text|json] [--no-integrity]
  cohesion score <assessment> [--model id] [--param name=value]... [--peers dir] [--target n] [--format table|json]
  cohesion report <assessment> --out report.html|report.md [--peers dir] [--model id] [--param name=value]... [--target n] [--force]
  cohesion export <document | --benchmark id [--version v]> --to <format> --out <file|folder> [--force]
  cohesion import <file | -> [--from <format>] [--out file] [--force] [--format text|json]
  cohesion init assessment --benchmark <id> --city <name> [--version v] [--country CC] [--out file] [--force]
  cohesion list plugins | benchmarks | practices | adapters [--search text] [--format text|json]
  cohesion migrate <files | dirs | -> [--to version] [--out file | --out-dir dir | --in-place] [--dry-run] [--force] [--format text|json]
  cohesion schema-diff <old> <new> [--declared none|patch|minor|major] [--format text|json]
      (<old> and <new>: a folder of *.schema.json, one schema file, or a shipped schema version such as 1.0)
  cohesion schema export --plugin <path> --out <dir> [--force] [--format text|json]
      (the schemas as the plugins extend them, each at the path of its $id, for validators in any language)

Options for every command:
  --plugin <path>   load a plugin from a folder as well as the installed ones (repeatable)
  --help            show this help

Exit codes: 0 valid or done, 1 invalid input, 2 usage or I/O error.
`;

/** Flags shared by every command. */
const COMMON = {
  plugin: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
  format: { type: "string" },
} as const;

/**
 * Runs the `cohesion` command with the given arguments and streams; resolves to the exit code. Never throws
 * for bad input: every failure becomes a message on stderr and an exit code.
 *
 * @example
 * ```ts
 * const code = await run(["validate", "examples/valid"], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
 * ```
 */
export async function run(argv: readonly string[], io: CliIO, options: { today?: string } = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version") {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  let host: Host | undefined;
  try {
    if (!(COMMANDS as readonly string[]).includes(command)) {
      throw new UsageError(`unknown command "${command}"${suggestionText(command, COMMANDS)}`, "run `cohesion --help` for the commands");
    }
    const openHost = (plugins: readonly string[] | undefined): Host => {
      host = createHost({ cwd: io.cwd, points: HOST_POINTS });
      addBundledAdapters(host);
      for (const path of plugins ?? []) host.addPlugin(path);
      return host;
    };
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    switch (command) {
      case "validate": {
        const { values, positionals } = parse(rest, { integrity: { type: "boolean", default: true }, "no-integrity": { type: "boolean" } });
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError("validate needs at least one file, folder or - for standard input");
        const workers = validationWorkers(process.env);
        if (workers === undefined) throw new UsageError(`COHESION_VALIDATE_WORKERS must be a whole number (0 validates in one thread), not "${process.env["COHESION_VALIDATE_WORKERS"] ?? ""}"`);
        const workersFrom = validationWorkersFrom(process.env);
        if (workersFrom === undefined) throw new UsageError(`COHESION_VALIDATE_WORKERS_FROM_MB must be a whole number of megabytes, not "${process.env["COHESION_VALIDATE_WORKERS_FROM_MB"] ?? ""}"`);
        const plugins = values.plugin ?? [];
        return await validateCommand({ inputs: positionals, format: textOrJson(values.format), integrity: !values["no-integrity"], workers, workersFrom, plugins, cwd: io.cwd }, io, () => openHost(plugins));
      }
      case "score": {
        const { values, positionals } = parse(rest, { model: { type: "string" }, param: { type: "string", multiple: true }, peers: { type: "string" }, target: { type: "string" } });
        if (values.help) return help(io);
        const file = single(positionals, "score needs one assessment file");
        const format = values.format ?? "table";
        if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, not "${format}"`);
        return await scoreCommand({ file, format, ...optional("model", values.model), ...optional("params", values.param), ...optional("peers", values.peers), ...targetOf(values.target) }, io, openHost(values.plugin));
      }
      case "report": {
        const { values, positionals } = parse(rest, { model: { type: "string" }, param: { type: "string", multiple: true }, peers: { type: "string" }, target: { type: "string" }, out: { type: "string", short: "o" }, force: { type: "boolean", default: false } });
        if (values.help) return help(io);
        const file = single(positionals, "report needs one assessment file");
        if (!values.out) throw new UsageError("report needs --out report.html or --out report.md");
        return await reportCommand({ file, out: values.out, force: values.force ?? false, today, ...optional("model", values.model), ...optional("params", values.param), ...optional("peers", values.peers), ...targetOf(values.target) }, io, openHost(values.plugin));
      }
      case "export": {
        const { values, positionals } = parse(rest, { benchmark: { type: "string" }, version: { type: "string" }, to: { type: "string" }, out: { type: "string", short: "o" }, force: { type: "boolean", default: false } });
        if (values.help) return help(io);
        if (positionals.length > 1) throw new UsageError("export takes one document file (or --benchmark <id>)");
        const [file] = positionals;
        if ((file === undefined) === (values.benchmark === undefined)) throw new UsageError("export needs a document file or --benchmark <id> (one of the two)", "`cohesion list benchmarks` shows the installed benchmarks");
        if (!values.out) throw new UsageError("export needs --out <file> (or a folder, for formats of several files)");
        return await exportCommand({ out: values.out, force: values.force ?? false, today, ...optional("file", file), ...optional("benchmark", values.benchmark), ...optional("version", values.version), ...optional("to", values.to) }, io, openHost(values.plugin));
      }
      case "import": {
        const { values, positionals } = parse(rest, { from: { type: "string" }, out: { type: "string", short: "o" }, force: { type: "boolean", default: false } });
        if (values.help) return help(io);
        const file = single(positionals, "import needs one file (or - for standard input)");
        return await importCommand({ file, force: values.force ?? false, format: textOrJson(values.format), ...optional("from", values.from), ...optional("out", values.out) }, io, openHost(values.plugin));
      }
      case "init": {
        const { values, positionals } = parse(rest, { benchmark: { type: "string" }, version: { type: "string" }, city: { type: "string" }, country: { type: "string" }, out: { type: "string", short: "o" }, force: { type: "boolean", default: false } });
        if (values.help) return help(io);
        const what = single(positionals, "init needs what to create: `cohesion init assessment`");
        if (what !== "assessment") throw new UsageError(`init can create an assessment, not "${what}"`);
        if (!values.benchmark) throw new UsageError("init assessment needs --benchmark <id>", "`cohesion list benchmarks` shows the installed ones");
        if (!values.city) throw new UsageError("init assessment needs --city <name>");
        if (values.country !== undefined && !/^[A-Z]{2}$/.test(values.country)) throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code such as DK, not "${values.country}"`);
        return await initCommand({ benchmark: values.benchmark, city: values.city, force: values.force ?? false, today, ...optional("version", values.version), ...optional("country", values.country), ...optional("out", values.out) }, io, openHost(values.plugin));
      }
      case "list": {
        const { values, positionals } = parse(rest, { search: { type: "string" } });
        if (values.help) return help(io);
        const what = single(positionals, "list needs what to list: plugins, benchmarks, practices or adapters");
        if (what === "adapters") return await listAdaptersCommand(textOrJson(values.format), io, openHost(values.plugin));
        if (what !== "plugins" && what !== "benchmarks" && what !== "practices") throw new UsageError(`list can show plugins, benchmarks, practices or adapters, not "${what}"`);
        return listCommand({ what, format: textOrJson(values.format), ...optional("search", values.search) }, io, openHost(values.plugin));
      }
      case "migrate": {
        const { values, positionals } = parse(rest, {
          to: { type: "string" },
          out: { type: "string", short: "o" },
          "out-dir": { type: "string" },
          "in-place": { type: "boolean", default: false },
          "dry-run": { type: "boolean", default: false },
          force: { type: "boolean", default: false },
        });
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError("migrate needs at least one file, folder or - for standard input");
        const options = { inputs: positionals, force: values.force ?? false, inPlace: values["in-place"] ?? false, dryRun: values["dry-run"] ?? false, format: textOrJson(values.format) };
        const plugins = values.plugin ?? [];
        return await migrateCommand({ ...options, ...optional("to", values.to), ...optional("out", values.out), ...optional("outDir", values["out-dir"]) }, io, plugins.length > 0 ? openHost(plugins) : undefined);
      }
      case "schema": {
        const { values, positionals } = parse(rest, { out: { type: "string", short: "o" }, force: { type: "boolean", default: false } });
        if (values.help) return help(io);
        const what = single(positionals, "schema needs what to do: `cohesion schema export --plugin <path> --out <dir>`");
        if (what !== "export") throw new UsageError(`schema can export, not "${what}"`, "cohesion schema export --plugin <path> --out <dir>");
        if (!values.out) throw new UsageError("schema export needs --out <dir>: the folder to write the schemas into");
        return await schemaExportCommand({ out: values.out, force: values.force ?? false, format: textOrJson(values.format) }, io, openHost(values.plugin));
      }
      case "schema-diff": {
        const { values, positionals } = parse(rest, { declared: { type: "string" } });
        if (values.help) return help(io);
        if (positionals.length !== 2) throw new UsageError("schema-diff needs the old and the new schemas: `cohesion schema-diff <old> <new>`");
        const [oldSchemas = "", newSchemas = ""] = positionals;
        const declared = values.declared;
        if (declared !== undefined && !isSchemaBump(declared)) throw new UsageError(`--declared must be none, patch, minor or major, not "${declared}"`);
        return await schemaDiffCommand({ old: oldSchemas, new: newSchemas, format: textOrJson(values.format), ...optional("declared", declared) }, io);
      }
      default:
        return help(io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cohesion: ${error.message}\n${error.hint ? `${error.hint}\n` : "run `cohesion --help` for usage\n"}`);
      return EXIT.usage;
    }
    if (error instanceof OutputExistsError) {
      io.stderr.write(`cohesion: ${error.path} already exists — pass --force to overwrite it\n`);
      return EXIT.usage;
    }
    if (error instanceof ValidationWorkerError) {
      io.stderr.write(`cohesion: ${error.message}\nset COHESION_VALIDATE_WORKERS=0 to validate in one thread, and please report this\n`);
      return EXIT.usage;
    }
    const code = error && typeof error === "object" && "code" in error ? String((error as { code: unknown }).code) : "";
    if (code.startsWith("E")) {
      io.stderr.write(`cohesion: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.usage;
    }
    // A parseArgs error is a usage error too.
    if (code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`cohesion: ${error instanceof Error ? error.message : String(error)}\nrun \`cohesion --help\` for usage\n`);
      return EXIT.usage;
    }
    io.stderr.write(`cohesion: internal error: ${error instanceof Error ? error.message : String(error)}\nplease report this with the command you ran\n`);
    return EXIT.usage;
  } finally {
    await host?.dispose();
  }
}

// Inlined by the build, which the release script runs after versioning: the published version.
const VERSION = cliPackage.version;

type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string; default?: string | boolean }>;

function parse<T extends OptionSpec>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : String(error));
  }
}

function help(io: CliIO): number {
  io.stdout.write(HELP);
  return EXIT.ok;
}

function single(positionals: readonly string[], message: string): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? message : `${message} (got ${positionals.length}: ${positionals.join(" ")})`);
  return positionals[0] as string;
}

function textOrJson(format: string | undefined): "text" | "json" {
  if (format === undefined || format === "text" || format === "json") return format ?? "text";
  throw new UsageError(`--format must be text or json, not "${format}"`);
}

function targetOf(target: string | undefined): { target?: number } {
  if (target === undefined) return {};
  const value = Number(target);
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--target must be a number from 0 to 100, not "${target}"`);
  return { target: value };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
