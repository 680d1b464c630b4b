import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * The outcome of {@link resolveInsidePlugin}.
 *
 * @example
 * ```ts
 * const result: PluginPathResult = resolveInsidePlugin("/p/acme", "content/practices.json");
 * if (result.ok) console.log(result.path);
 * ```
 */
export type PluginPathResult =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly reason: "outside" | "not_found"; readonly resolved: string };

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Resolves a path a manifest gives, relative to the plugin's folder, and refuses one that leaves
 * the folder: an absolute path, one climbing out with `..`, or a symbolic link whose real target
 * lies outside. `pluginRoot` must already be a real path.
 *
 * @example
 * ```ts
 * resolveInsidePlugin("/plugins/acme", "../other/secret.json"); // { ok: false, reason: "outside", ... }
 * ```
 */
export function resolveInsidePlugin(pluginRoot: string, path: string): PluginPathResult {
  const joined = resolve(pluginRoot, path);
  if (isAbsolute(path) || !isInside(pluginRoot, joined)) return { ok: false, reason: "outside", resolved: joined };
  if (!existsSync(joined)) return { ok: false, reason: "not_found", resolved: joined };
  const real = realpathSync(joined);
  if (!isInside(pluginRoot, real)) return { ok: false, reason: "outside", resolved: real };
  if (!statSync(real).isFile()) return { ok: false, reason: "not_found", resolved: real };
  return { ok: true, path: real };
}
