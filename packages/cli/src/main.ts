import type { Host } from "@cohesion/core";
import type { ValidationProblem } from "@cohesion/schema";
import cliPackage from "../package.json" with { type: "json" };
import { COMMANDS } from "./commands/index";
import { commandHelp, generalHelp, parseCommandArgs } from "./framework/args";
import { createColour, type Colour } from "./framework/colour";
import type { CommandContext, CommandOutcome, CommandSpec } from "./framework/command";
import { formatEnvelope } from "./framework/envelope";
import { formatProblem, oneLine, terminalText } from "./format-problems";
import { immediateOutput } from "./immediate-output";
import { EXIT, UsageError, type CliIO } from "./io";

/** The version of the `cohesion` command (the @cohesion/cli package's). */
export const VERSION: string = cliPackage.version;

/**
 * Runs the `cohesion` command with the given arguments and streams; resolves to the exit code. Never throws
 * for bad input: every failure becomes a problem — on standard error, or in the JSON envelope on standard
 * output with `--format json` — and an exit code.
 *
 * @example
 * ```ts
 * const code = await run(["validate", "examples/valid"], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
 * ```
 */
export async function run(argv: readonly string[], io: CliIO, options: { today?: string; commands?: readonly CommandSpec[] } = {}): Promise<number> {
  const commands = options.commands ?? COMMANDS;
  const [first] = argv;
  // Bare `cohesion` is a usage error: help on standard error, exit 2. Asked-for help goes to standard output.
  if (first === undefined) {
    io.stderr.write(generalHelp(commands));
    return EXIT.usage;
  }
  const json = wantsJson(argv);
  // Help and the version as text, or with --format json in the envelope like any command's answer.
  const answer = (text: string, command: string, result: Record<string, string>): number => {
    io.stdout.write(json ? formatEnvelope({ command, ok: true, exit: EXIT.ok, problems: [], result }) : text);
    return EXIT.ok;
  };
  if (first === "--help" || first === "-h" || first === "help") {
    const words = first === "help" ? argv.slice(1).filter((a, i, all) => !a.startsWith("-") && all[i - 1] !== "--format") : [];
    const about = words.length > 0 ? match(commands, words) : undefined;
    if (words.length === 0 || about) {
      const help = about ? commandHelp(about.spec) : generalHelp(commands);
      return answer(help, about?.spec.name ?? "help", { help });
    }
    // Help on a command that does not exist is the same usage error as running it.
    const outcome = await failure(await unknownCommand(words[0] as string, commands), undefined);
    emit(outcome, { io, json, colour: createColour(io.stdout, io.env ?? process.env), command: "help" });
    return outcome.exit;
  }
  if (first === "--version" || first === "-V") return answer(`${VERSION}\n`, "version", { version: VERSION });
  const env = io.env ?? process.env;
  const colour = createColour(io.stdout, env);
  const found = match(commands, argv);
  let host: Host | undefined;
  let outcome: CommandOutcome;
  try {
    if (!found) throw await unknownCommand(first, commands);
    const { spec, rest } = found;
    const args = await parseCommandArgs(spec, rest);
    if (args.values["help"] === true) {
      const help = commandHelp(spec);
      return answer(help, spec.name, { help });
    }
    const formats = spec.formats ?? ["text", "json"];
    const format = typeof args.values["format"] === "string" ? args.values["format"] : (formats[0] as string);
    if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(" or ")}, not "${format}"`, `run \`cohesion ${spec.name} --help\` for its options`);
    const plugins = (args.values["plugin"] as string[] | undefined) ?? [];
    const activationTimeoutMs = timeoutFrom(env);
    const openHost = async (): Promise<() => Host> => {
      // A command that runs no plugin code gets the points by name only: the scoring engine and the
      // adapter contract are then not loaded at all.
      const [{ openCliHost }, withCode] = await Promise.all([import("./open-host"), spec.runsPluginCode ? import("./adapter-host") : undefined]);
      const points = withCode ? withCode.HOST_POINTS : (await import("./declared-points")).DECLARED_POINTS;
      return () => {
        if (host) return host;
        const onPluginStuck = pluginStuck({ io, json, colour, command: spec.name });
        host = openCliHost({ cwd: io.cwd, plugins, points, env, onPluginStuck, ...(activationTimeoutMs === undefined ? {} : { activationTimeoutMs }) }, io.stderr, (created) => {
          host = created;
          withCode?.addBundledAdapters(created);
        });
        return host;
      };
    };
    const context: CommandContext = {
      command: spec.name,
      args,
      io,
      format,
      colour,
      today: options.today ?? new Date().toISOString().slice(0, 10),
      host: async () => (await openHost())(),
      lazyHost: openHost,
      string: (name) => (typeof args.values[name] === "string" ? (args.values[name] as string) : undefined),
      flag: (name) => args.values[name] === true,
    };
    const module = await spec.load();
    outcome = await module.run(context);
    // A command that never needed the host (nothing to read) still must not pass over a --plugin the
    // host would refuse: it is opened now, and a refusal replaces the outcome.
    if (plugins.length > 0 && host === undefined) await context.host();
  } catch (error) {
    outcome = await failure(error, found?.spec.name);
  } finally {
    await host?.dispose();
  }
  const name = found?.spec.name ?? first;
  emit(outcome, { io, json, colour, command: name });
  return outcome.exit;
}

/**
 * What the command does when a plugin's code is stuck in an endless loop: it says so as any failure is said
 * (a problem line, or the JSON envelope), written at once since the host ends the process right after, and
 * answers exit code 2. The host calls it on top of the stuck code: the command's own work cannot go on.
 */
function pluginStuck(how: { io: CliIO; json: boolean; colour: Colour; command: string }): (problem: ValidationProblem) => number {
  return (problem) => {
    const io = { ...how.io, stdout: immediateOutput(how.io.stdout), stderr: immediateOutput(how.io.stderr) };
    emit({ exit: EXIT.usage, problems: [problem] }, { ...how, io });
    return EXIT.usage;
  };
}

function timeoutFrom(env: Record<string, string | undefined>): number | undefined {
  const raw = env["COHESION_ACTIVATION_TIMEOUT_MS"];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`COHESION_ACTIVATION_TIMEOUT_MS must be a whole number of milliseconds, not "${raw}"`);
  return value;
}

/** The command the arguments name, the longest name first (`schema export` before `schema`). */
function match(commands: readonly CommandSpec[], argv: readonly string[]): { spec: CommandSpec; rest: readonly string[] } | undefined {
  let best: { spec: CommandSpec; rest: readonly string[]; words: number } | undefined;
  for (const spec of commands) {
    const words = spec.name.split(" ");
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.words)) best = { spec, rest: argv.slice(words.length), words: words.length };
  }
  return best && { spec: best.spec, rest: best.rest };
}

// Decided from the raw arguments, so that even a command line that fails to parse gets the envelope.
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--format=json" || (a === "--format" && argv[i + 1] === "json"));
}

async function unknownCommand(typed: string, commands: readonly CommandSpec[]): Promise<UsageError> {
  const { nearestNames } = await import("@cohesion/schema");
  const names = [...new Set(commands.map((c) => c.name.split(" ")[0] as string))];
  const near = nearestNames(typed, names, { substrings: true });
  return new UsageError(`unknown command "${typed}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(" or ")}?)` : ""}`, "run `cohesion --help` for the commands");
}

/** Any error thrown by a command, as an outcome with one problem. */
async function failure(error: unknown, command: string | undefined): Promise<CommandOutcome> {
  const { commandFailure } = await import("./framework/failure");
  return commandFailure(error, command);
}

function emit(outcome: CommandOutcome, how: { io: CliIO; json: boolean; colour: Colour; command: string }): void {
  const problems: ValidationProblem[] = [...(outcome.problems ?? [])];
  if (outcome.written) return;
  if (how.json) {
    how.io.stdout.write(formatEnvelope({ command: how.command, ok: outcome.exit === EXIT.ok, exit: outcome.exit, problems, ...(outcome.result === undefined ? {} : { result: outcome.result }) }));
    return;
  }
  if (outcome.text !== undefined) how.io.stdout.write(outcome.textEscaped ? outcome.text : terminalText(outcome.text));
  if (outcome.textShowsProblems) return;
  for (const problem of problems) how.io.stderr.write(`${problemLine(problem, how.colour)}\n`);
}

/** A problem as one line of text; the command's own problems (no file, no pointer) read `cohesion: …`. */
function problemLine(problem: ValidationProblem, colour: Colour): string {
  const hint = typeof problem.params["hint"] === "string" ? `\n${oneLine(problem.params["hint"])}` : "";
  if (problem.file === undefined && problem.pointer === "") return `cohesion: ${oneLine(problem.message)}${hint}`;
  return `${formatProblem(problem, colour)}${hint}`;
}
