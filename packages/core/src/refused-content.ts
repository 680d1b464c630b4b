import { SCHEMA_VERSION, schemas, type DocumentKind, type PluginManifest } from "@cohesion/schema";
import { CONTENT_POINTS, loadPluginContent, loadSchemaExtensions, type ContentPoint } from "./plugin-content";
import type { PluginRecord } from "./plugin-record";

// The content of a plugin whose manifest was refused: checked all the same, so that an author sees every
// problem at once, but never against a schema the plugin did not mean it for.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const CONTENT_KINDS: readonly string[] = Object.values(CONTENT_POINTS);

/**
 * Checks the content files an invalid manifest lists (lists of paths only); problems go to the record,
 * nothing is loaded. A kind the manifest extends is checked against the plugin's extension when that
 * extension can be used, and not at all when it cannot: the core schema alone would call every field
 * the extension adds unknown.
 *
 * @example
 * ```ts
 * checkRefusedContent(record, pkg.declaredContributes, pkg.declaredSchemaVersion);
 * ```
 */
export function checkRefusedContent(record: PluginRecord, contributes: unknown, schemaVersion: string | undefined): void {
  if (!isObject(contributes)) return;
  const lists: Partial<Record<ContentPoint, string[]>> = {};
  for (const point of Object.keys(CONTENT_POINTS) as ContentPoint[]) {
    const paths = contributes[point];
    if (Array.isArray(paths) && paths.every((path) => typeof path === "string")) lists[point] = paths;
  }
  const declared = contributes["schemaExtensions"];
  if (declared !== undefined) {
    const entries = Array.isArray(declared) ? declared : [];
    const wellFormed =
      Array.isArray(declared) &&
      entries.every((entry) => isObject(entry) && typeof entry["kind"] === "string" && Object.hasOwn(schemas, entry["kind"]) && typeof entry["patch"] === "string" && (entry["schemaVersions"] === undefined || typeof entry["schemaVersions"] === "string"));
    const extensions = wellFormed
      ? loadSchemaExtensions(record, { schemaVersion: schemaVersion ?? SCHEMA_VERSION, contributes: { schemaExtensions: entries } } as unknown as PluginManifest)
      : undefined;
    if (extensions && !extensions.refused) {
      check(record, lists, extensions.validators);
      return;
    }
    // Which kinds a malformed list extends cannot be told: then no kind is checked.
    const extended = new Set(wellFormed ? entries.map((entry) => (entry as { kind: string }).kind) : CONTENT_KINDS);
    for (const [point, kind] of Object.entries(CONTENT_POINTS) as Array<[ContentPoint, DocumentKind]>) if (extended.has(kind)) delete lists[point];
  }
  check(record, lists, new Map());
}

function check(record: PluginRecord, lists: Partial<Record<ContentPoint, string[]>>, validators: Parameters<typeof loadPluginContent>[2]): void {
  if (Object.keys(lists).length === 0) return;
  loadPluginContent(record, { contributes: lists } as unknown as PluginManifest, validators, new Map());
}
