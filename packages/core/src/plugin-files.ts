import type { ValidationProblem } from "@cohesion/schema";
import { parseJsonText } from "./json-text";
import { resolveInsidePlugin } from "./plugin-paths";
import { hostProblem } from "./problems";
import { readTextFile } from "./read-text";

/**
 * A JSON file a plugin contributes, read from inside its folder.
 *
 * @example
 * ```ts
 * const result: PluginFileResult = readPluginJson(plugin, "content/practices.json", "/cohesion/contributes/practices/0");
 * ```
 */
export type PluginFileResult =
  | { readonly ok: true; readonly file: string; readonly value: unknown; readonly text: string }
  | { readonly ok: false; readonly problems: ValidationProblem[] };

/**
 * Reads a JSON file a plugin's manifest lists (content, a schema extension), refusing paths that
 * leave the plugin's folder. `pointer` is where the path stands in package.json. Never throws.
 *
 * @example
 * ```ts
 * const result = readPluginJson({ id: "acme", root: "/p/acme", packageFile: "/p/acme/package.json" }, "content/practices.json", "/cohesion/contributes/practices/0");
 * if (result.ok) console.log(result.value);
 * ```
 */
export function readPluginJson(
  plugin: { readonly id: string; readonly root: string; readonly packageFile: string },
  path: string,
  pointer: string,
): PluginFileResult {
  const resolved = resolveInsidePlugin(plugin.root, path);
  if (!resolved.ok) {
    const code = resolved.reason === "outside" ? "content_path_outside_plugin" : "content_file_not_found";
    return { ok: false, problems: [{ ...hostProblem(code, pointer, { plugin: plugin.id, path, resolved: resolved.resolved }), file: plugin.packageFile }] };
  }
  const file = resolved.path;
  const read = readTextFile(file);
  if (!read.ok) {
    if (read.code === "invalid_utf8") {
      const { line, column, reason } = read;
      return { ok: false, problems: [{ ...hostProblem("invalid_utf8", "", { file, line, column, reason }), file, line }] };
    }
    return { ok: false, problems: [{ ...hostProblem("plugin_load_failed", pointer, { path: file, reason: read.reason }), file: plugin.packageFile }] };
  }
  const { text } = read;
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed;
    return { ok: false, problems: [{ ...hostProblem("invalid_json", "", { file, line, column, reason }), file, line }] };
  }
  return { ok: true, file, value: parsed.value, text };
}
