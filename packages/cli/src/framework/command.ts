import type { Host } from "@cohesion/core";
import type { ValidationProblem } from "@cohesion/schema";
import type { CliIO } from "../io";
import type { Colour } from "./colour";

/** How a command line option is read: a string value (`--out file`) or a switch (`--force`). */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Name of the value in help, e.g. `file` for `--out <file>`. */
  value?: string;
  /** One line for `--help`. */
  description: string;
}

/** The parsed command line of one command. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** What a command gets to work with; the framework builds it, commands only read it. */
export interface CommandContext {
  /** The command's name as typed, e.g. `validate` or `list`. */
  command: string;
  args: CommandArgs;
  io: CliIO;
  /** One of the command's `formats`; the first one when `--format` is not given. */
  format: string;
  colour: Colour;
  /** Today's date (YYYY-MM-DD), fixed in tests. */
  today: string;
  /** The plugin host with the installed plugins and every `--plugin`, opened on first call and disposed by the framework. */
  host(): Promise<Host>;
  /** Loads the host's code but opens the host only when the returned function is first called. */
  lazyHost(): Promise<() => Host>;
  /** The value of a string option, or undefined. */
  string(name: string): string | undefined;
  /** The value of a switch. */
  flag(name: string): boolean;
}

/**
 * What a command returns: an exit code, the problems it found and its result. The framework turns it into
 * output: the JSON envelope for `--format json`, otherwise `text` on standard output and the problems on
 * standard error (unless `text` already lists them).
 */
export interface CommandOutcome {
  exit: number;
  problems?: readonly ValidationProblem[];
  /** The command's result, as `result` in the JSON envelope. */
  result?: unknown;
  /**
   * Output for a text format, written to standard output with control characters other than line feed
   * and tab escaped (content from plugins and documents cannot drive the terminal), unless `textEscaped`.
   */
  text?: string;
  /** Every piece of input in `text` is escaped already and the command coloured it itself: write it as it is. */
  textEscaped?: boolean;
  /** Whether `text` already lists the problems, so they are not repeated on standard error. */
  textShowsProblems?: boolean;
  /**
   * The command streamed its text output as it went (`migrate` as text writes each document as soon as it
   * is migrated) and the framework adds nothing. Never set with `--format json`: the envelope is always written.
   */
  written?: boolean;
}

/** The code of a command, loaded only when the command runs. */
export interface CommandModule {
  run(context: CommandContext): Promise<CommandOutcome>;
}

/**
 * A command of the `cohesion` binary: its name, help and options, and how to load its code. Adding one
 * to the list in `commands/index.ts` gives it parsing, `--help`, `--format json` and error handling.
 */
export interface CommandSpec {
  /** One or more words, e.g. `validate` or `schema export`; the longest match of the arguments wins. */
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** Usage lines without the leading `cohesion <name>`, e.g. `<files | dirs | -> [--no-integrity]`. */
  usage: string[];
  /** A paragraph or two for `cohesion <name> --help`. */
  description: string;
  options: Record<string, OptionSpec>;
  /** Accepted `--format` values; the first is the default. Every command takes `text` and `json`. */
  formats?: readonly string[];
  /** Whether the command opens the plugin host (and so takes `--plugin`). */
  usesPlugins?: boolean;
  /**
   * Whether the command asks the host for plugin code (scoring models, adapters). Other commands get a
   * host that knows the extension points by name only, which starts faster.
   */
  runsPluginCode?: boolean;
  load(): Promise<CommandModule>;
}
