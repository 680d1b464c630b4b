import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHost, type Host, type HostOptions, type PluginInfo } from "@cohesion/core";
import { formatProblem } from "./format-problems";
import { PluginRefusedError, type Output } from "./io";

/** Codes that mean a `--plugin` path names no plugin at all, which is a mistake on the command line. */
const NOT_A_PLUGIN = new Set(["plugin_not_found", "not_a_plugin", "invalid_json"]);

/**
 * The host options every part of the command uses (the validation workers too): discovery from the
 * working folder, from the folder the command is installed in (so plugins installed globally beside
 * `cohesion` are found from anywhere), and from `COHESION_PLUGIN_PATH`; and the content cache
 * ({@link contentCacheFolder}).
 *
 * @example
 * ```ts
 * const host = createHost(cliHostOptions(process.cwd()));
 * ```
 */
export function cliHostOptions(cwd: string, env: Record<string, string | undefined> = process.env): HostOptions {
  const here = installFolder();
  const cache = contentCacheFolder(env);
  return { cwd, ...(here === undefined ? {} : { installRoots: [here] }), ...(cache === undefined ? {} : { contentCache: cache }) };
}

/**
 * Where the command remembers which installed content files validated clean, so that the next start
 * does not validate them again: `COHESION_CACHE_DIR` when set (empty turns the cache off), otherwise
 * `cohesion` in `XDG_CACHE_HOME`, in `LOCALAPPDATA` on Windows, or in `~/.cache`.
 *
 * @example
 * ```ts
 * contentCacheFolder({ COHESION_CACHE_DIR: "" }); // undefined
 * contentCacheFolder({ XDG_CACHE_HOME: "/tmp/c" }); // "/tmp/c/cohesion"
 * ```
 */
export function contentCacheFolder(env: Record<string, string | undefined>): string | undefined {
  const set = env["COHESION_CACHE_DIR"];
  if (set !== undefined) return set.trim() === "" ? undefined : set;
  const base = env["XDG_CACHE_HOME"] || (process.platform === "win32" ? env["LOCALAPPDATA"] : undefined) || join(homedir(), ".cache");
  return join(base, "cohesion");
}

function installFolder(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

/**
 * Opens the plugin host for a command: loads the installed plugins and each `--plugin` folder, refuses a
 * `--plugin` path that is not a plugin (a usage error, exit 2), and prints on `stderr` every plugin that
 * was refused or had contributions left out, with its reasons.
 *
 * @example
 * ```ts
 * const host = openCliHost({ cwd: process.cwd(), plugins: ["./my-plugin"] }, process.stderr);
 * ```
 */
export function openCliHost(
  options: {
    cwd: string;
    plugins: readonly string[];
    points?: HostOptions["points"];
    activationTimeoutMs?: number;
    onPluginStuck?: HostOptions["onPluginStuck"];
    env?: Record<string, string | undefined>;
  },
  stderr: Output,
  created: (host: Host) => void = () => undefined,
): Host {
  const host = createHost({
    ...cliHostOptions(options.cwd, options.env),
    ...(options.points === undefined ? {} : { points: options.points }),
    ...(options.activationTimeoutMs === undefined ? {} : { activationTimeoutMs: options.activationTimeoutMs }),
    ...(options.onPluginStuck === undefined ? {} : { onPluginStuck: options.onPluginStuck }),
  });
  created(host);
  const refused: PluginInfo[] = [];
  for (const path of options.plugins) {
    const info = host.addPlugin(path);
    const fatal = info.problems.find((problem) => NOT_A_PLUGIN.has(problem.code));
    if (info.status === "refused" && fatal) {
      throw new PluginRefusedError(info.problems, `--plugin ${path} is not a plugin: ${fatal.message}`, "point --plugin to the folder of a package whose package.json has a \"cohesion\" key; `cohesion check-plugin <dir>` says what a folder lacks");
    }
    if (info.status === "refused") refused.push(info);
  }
  // A plugin asked for by name on the command line must load: going on without it would check
  // documents against less than the user meant.
  if (refused.length > 0) throw new PluginRefusedError(refused.flatMap((info) => info.problems));
  reportPluginProblems(host.listPlugins(), stderr);
  return host;
}

/**
 * Prints each plugin that was refused, or loaded with contributions left out, with every reason.
 *
 * @example
 * ```ts
 * reportPluginProblems(host.listPlugins(), process.stderr);
 * ```
 */
export function reportPluginProblems(plugins: readonly PluginInfo[], stderr: Output): void {
  for (const plugin of plugins) {
    const errors = plugin.problems.filter((problem) => problem.severity === "error");
    if (plugin.builtin || errors.length === 0) continue;
    const name = plugin.packageName && plugin.packageName !== plugin.id ? `${plugin.id} (${plugin.packageName})` : plugin.id;
    const headline =
      plugin.status === "refused"
        ? `cohesion: plugin ${name} was not loaded (${plugin.path}):`
        : `cohesion: plugin ${name} was loaded, but ${errors.length === 1 ? "one problem leaves" : `${errors.length} problems leave`} some of its content out:`;
    stderr.write(`${headline}\n${errors.map((problem) => `  ${formatProblem(problem)}\n`).join("")}`);
  }
}

/**
 * Says how to install content when no benchmark is installed.
 *
 * @example
 * ```ts
 * if (host.catalog().benchmarks().length === 0) io.stderr.write(NO_CONTENT_HINT);
 * ```
 */
export const NO_CONTENT_HINT =
  "No benchmark is installed: install a content plugin beside the cohesion command, for example\n" +
  "  npm install --global @cohesion/plugin-eurocities\n" +
  "or in this folder (npm install @cohesion/plugin-eurocities), or name a folder of plugins in COHESION_PLUGIN_PATH.\n";
