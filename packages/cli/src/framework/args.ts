import { parseArgs } from "node:util";
import { UsageError } from "../io";
import type { CommandArgs, CommandSpec, OptionSpec } from "./command";

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", description: "show this help" },
  format: { type: "string", value: "format", description: "output format" },
};

/** `--plugin`, for the commands that open the plugin host. */
export const PLUGIN_OPTION: OptionSpec = { type: "string", multiple: true, value: "path", description: "load a plugin from a folder as well as the installed ones (repeatable)" };

/** Every option a command takes: its own, the global ones and `--plugin` when it loads plugins. */
export function optionsOf(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, ...(spec.usesPlugins ? { plugin: PLUGIN_OPTION } : {}), ...GLOBAL_OPTIONS };
}

/**
 * Parses a command's arguments strictly. An unknown option gets the nearest known ones as a suggestion
 * (`--fromat` → `--format`); a missing value or a value given to a switch gets a plain message. Every
 * failure is a {@link UsageError}.
 */
export async function parseCommandArgs(spec: CommandSpec, args: readonly string[]): Promise<CommandArgs> {
  const options = optionsOf(spec);
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}), ...(o.default === undefined ? {} : { default: o.default }) }]),
  );
  // A lenient pass first, to name an unknown option with suggestions rather than Node's message.
  const loose = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  for (const token of loose.tokens ?? []) {
    if (token.kind !== "option" || token.name in options) continue;
    const typed = token.rawName;
    const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    // Loaded only on this path: a correct command line never pays for it.
    const { nearestNames } = await import("@cohesion/schema");
    const near = nearestNames(typed, known);
    throw new UsageError(
      `unknown option ${typed} for \`cohesion ${spec.name}\`${near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : ""}`,
      `run \`cohesion ${spec.name} --help\` for its options`,
    );
  }
  checkOptionValues(loose.tokens ?? [], options, spec.name);
  try {
    const parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
    return { values: parsed.values as CommandArgs["values"], positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, "").replace(/^Option '([^']+)'/, "option $1"), `run \`cohesion ${spec.name} --help\` for its options`);
  }
}

type ArgToken = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/**
 * Refuses, in our own words, what Node's strict parser would refuse with its own (a missing value, a value
 * that looks like an option, a value given to a switch), and what it would let through without a word: an
 * option that takes one value given twice with different values, of which only one would be used.
 */
function checkOptionValues(tokens: readonly ArgToken[], options: Record<string, OptionSpec>, command: string): void {
  const hint = `run \`cohesion ${command} --help\` for its options`;
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = options[token.name];
    if (option === undefined) continue;
    const flag = `--${token.name}`;
    const shown = token.rawName === flag ? flag : `${token.rawName} (${flag})`;
    if (option.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`${shown} is a switch and takes no value — remove "=${token.value}"`, hint);
      continue;
    }
    const wanted = `${flag} <${option.value ?? "value"}>`;
    if (token.value === undefined) throw new UsageError(`${shown} needs a value: ${wanted}`, hint);
    if (!token.inlineValue && token.value.length > 1 && token.value.startsWith("-")) {
      throw new UsageError(`${shown} needs a value, but the next argument "${token.value}" reads as an option; give the value as ${flag}=${token.value} if it starts with a dash`, hint);
    }
    if (option.multiple) continue;
    const earlier = seen.get(token.name);
    if (earlier !== undefined && earlier !== token.value) throw new UsageError(`${flag} is given more than once ("${earlier}" and "${token.value}"); give it once`, hint);
    seen.set(token.name, token.value);
  }
}

/** `--help` of one command: usage, description and options. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`cohesion ${spec.name} — ${spec.summary}`, "", "Usage:"];
  for (const usage of spec.usage) lines.push(`  cohesion ${spec.name}${usage ? ` ${usage}` : ""}`);
  lines.push("", ...wrap(spec.description, 100), "", "Options:");
  const options = optionsOf(spec);
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
    const description = name === "format" ? `${o.description}: ${(spec.formats ?? ["text", "json"]).join(" or ")} (default ${(spec.formats ?? ["text"])[0]})` : o.description;
    return [flag, description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  for (const [flag, description] of rows) lines.push(`  ${flag.padEnd(width)}  ${description}`);
  lines.push("", "Exit codes: 0 valid or done, 1 invalid input, 2 usage or I/O error.", "");
  return lines.join("\n");
}

/** The general help: every command with its summary. */
export function generalHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return [
    "cohesion — validate, score and report on migrant-integration self-assessments",
    "",
    "Usage: cohesion <command> [options]",
    "",
    "Commands:",
    ...specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    "",
    "Options:",
    "  -h, --help        show help (`cohesion <command> --help` for a command's own)",
    "  -V, --version     show the version",
    "  --format json     one JSON envelope on standard output: {command, ok, exit, problems, result}",
    "",
    "Exit codes: 0 valid or done, 1 invalid input, 2 usage or I/O error.",
    "",
  ].join("\n");
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
    out.push("");
  }
  out.pop();
  return out;
}
