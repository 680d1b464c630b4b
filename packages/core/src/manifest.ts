import { join } from "node:path";
import { validateAs, type PluginManifest, type ValidationProblem } from "@cohesion/schema";
import { parseJsonText } from "./json-text";
import { hostProblem } from "./problems";
import { inVersionRange, rangeHoldsAnyVersion } from "./version-range";
import { readTextFile } from "./read-text";

/**
 * A plugin package.json as read from disk, with its manifest when the manifest is valid.
 *
 * @example
 * ```ts
 * const pkg: PluginPackage = readPluginPackage("/app/node_modules/@cohesion/plugin-oecd");
 * pkg.manifest?.id; // "oecd"
 * ```
 */
export interface PluginPackage {
  readonly packageFile: string;
  readonly packageName?: string;
  readonly version?: string;
  /** The manifest, present only when it passed the plugin-manifest schema. */
  readonly manifest?: PluginManifest;
  /** The manifest id when one can be read, even from an invalid manifest. */
  readonly declaredId?: string;
  /** The manifest's `contributes` as written, even when the manifest is invalid, so its files can still be checked. */
  readonly declaredContributes?: unknown;
  /** The manifest's `schemaVersion` as written, when it is a string, even when the manifest is invalid. */
  readonly declaredSchemaVersion?: string;
  readonly problems: readonly ValidationProblem[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a plugin folder's package.json and validates its `cohesion` manifest against the
 * plugin-manifest schema; problems point into package.json (`/cohesion/...`) and name the file.
 * Never throws.
 *
 * @example
 * ```ts
 * import { readPluginPackage } from "@cohesion/core";
 * const { manifest, problems } = readPluginPackage("/app/node_modules/@cohesion/plugin-oecd");
 * ```
 */
export function readPluginPackage(folder: string): PluginPackage {
  const packageFile = join(folder, "package.json");
  const read = readTextFile(packageFile);
  if (!read.ok && read.code === "invalid_utf8") {
    const { line, column, reason } = read;
    return { packageFile, problems: [{ ...hostProblem("invalid_utf8", "", { file: packageFile, line, column, reason }), file: packageFile, line }] };
  }
  if (!read.ok) return { packageFile, problems: [{ ...hostProblem("plugin_not_found", "", { path: folder }), file: packageFile }] };
  const parsed = parseJsonText(read.text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed;
    return { packageFile, problems: [{ ...hostProblem("invalid_json", "", { file: packageFile, line, column, reason }), file: packageFile, line }] };
  }
  const pkg = parsed.value;
  const packageName = isObject(pkg) && typeof pkg["name"] === "string" ? pkg["name"] : undefined;
  const version = isObject(pkg) && typeof pkg["version"] === "string" ? pkg["version"] : undefined;
  const identity = { ...(packageName === undefined ? {} : { packageName }), ...(version === undefined ? {} : { version }) };
  if (!isObject(pkg) || !Object.hasOwn(pkg, "cohesion")) {
    return { packageFile, ...identity, problems: [{ ...hostProblem("not_a_plugin", "", { path: folder }), file: packageFile }] };
  }
  const cohesion = pkg["cohesion"];
  const declaredId = isObject(cohesion) && typeof cohesion["id"] === "string" ? cohesion["id"] : undefined;
  const report = validateAs("plugin-manifest", cohesion);
  const problems = report.errors.map((problem) => ({ ...problem, pointer: `/cohesion${problem.pointer}`, file: packageFile }));
  return {
    packageFile,
    ...identity,
    ...(declaredId === undefined ? {} : { declaredId }),
    ...(isObject(cohesion) && isObject(cohesion["contributes"]) ? { declaredContributes: cohesion["contributes"] } : {}),
    ...(isObject(cohesion) && typeof cohesion["schemaVersion"] === "string" ? { declaredSchemaVersion: cohesion["schemaVersion"] } : {}),
    ...(report.valid ? { manifest: cohesion as PluginManifest } : {}),
    problems,
  };
}

/**
 * Checks a plugin's `engines.cohesion` range against the host's core version; a refusal names both.
 *
 * @example
 * ```ts
 * import { checkEngine } from "@cohesion/core";
 * checkEngine("acme", "^2.0.0", "0.1.0", "/p/package.json"); // [{ code: "engine_mismatch", ... }]
 * ```
 */
export function checkEngine(plugin: string, range: string, coreVersion: string, packageFile: string): ValidationProblem[] {
  const pointer = "/cohesion/engines/cohesion";
  const inRange = inVersionRange(coreVersion, range);
  if (inRange === undefined) return [{ ...hostProblem("invalid_engine_range", pointer, { plugin, range }), file: packageFile }];
  if (!inRange) {
    // A range no version satisfies cannot be met by installing another core: the range itself is wrong.
    if (rangeHoldsAnyVersion(range) === false) return [{ ...hostProblem("empty_engine_range", pointer, { plugin, range, coreVersion }), file: packageFile }];
    return [{ ...hostProblem("engine_mismatch", pointer, { plugin, range, coreVersion }), file: packageFile }];
  }
  return [];
}
