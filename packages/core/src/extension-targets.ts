import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SCHEMA_ID_HOST, SCHEMA_VERSION, SCHEMA_VERSIONS, schemas, schemaSpecifier, type DocumentKind } from "@cohesion/schema";
import { inVersionRange } from "./version-range";

/** How a field a patch touches differs between the schema version it was written for and the host's. */
export type FieldChange = "changed" | "removed" | "added";

/** A field of the host's schema that an extension's patch touches and that is not as the patch expects. */
export interface ExtensionConflict {
  /** RFC 6901 pointer into the schema, such as `/properties/region`. */
  readonly field: string;
  readonly change: FieldChange;
}

/** What {@link checkExtensionTargets} finds. */
export type TargetCheck =
  | { readonly ok: true; readonly target: string }
  | { readonly ok: false; readonly reason: "bad_range" | "no_version" }
  | { readonly ok: false; readonly reason: "conflicts"; readonly target: string; readonly conflicts: readonly ExtensionConflict[] };

const requireFromHere = createRequire(import.meta.url);

/** The schema of a kind at a shipped version, read from @cohesion/schema's files. */
function schemaAt(version: string, kind: DocumentKind): unknown {
  if (version === SCHEMA_VERSION) return schemas[kind];
  const specifier = schemaSpecifier(`${SCHEMA_ID_HOST}${version}/${kind}.schema.json`);
  if (specifier === undefined) return undefined;
  return JSON.parse(readFileSync(requireFromHere.resolve(specifier), "utf8")) as unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The fields a JSON Merge Patch touches: each path down to a property it sets (`/properties/<name>`, at
 * any depth) or to a root keyword it sets (`/required`).
 *
 * @example
 * touchedFields({ properties: { region: { maxLength: 50 } } }); // ["/properties/region"]
 */
export function touchedFields(patch: unknown, at = ""): string[] {
  if (!isObject(patch)) return at === "" ? [] : [at];
  const fields: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const pointer = `${at}/${escape(key)}`;
    const parent = at.split("/").at(-1);
    if (parent === "properties") fields.push(pointer);
    else if (isObject(value)) fields.push(...touchedFields(value, pointer));
    else fields.push(pointer);
  }
  return fields;
}

function nodeAt(schema: unknown, pointer: string): unknown {
  let node = schema;
  for (const part of pointer.split("/").slice(1)) node = isObject(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return node;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks an extension's declared schema versions against the host's: the newest shipped version in
 * the range is the one the patch was written for; when the host's version is outside the range, every
 * field the patch touches must be as it was there (a field the core changed, removed or added since
 * would be re-created or overridden without the core's constraints). Never throws.
 *
 * @example
 * checkExtensionTargets("place", { properties: { region: { maxLength: 50 } } }, "^1.0");
 * // with schema 2.0 having removed region: { ok: false, reason: "conflicts", target: "1.2", conflicts: [{ field: "/properties/region", change: "removed" }] }
 */
export function checkExtensionTargets(kind: DocumentKind, patch: unknown, range: string): TargetCheck {
  if (inVersionRange("0.0.0", range) === undefined) return { ok: false, reason: "bad_range" };
  const shipped = SCHEMA_VERSIONS.filter((version) => inVersionRange(`${version}.0`, range) === true);
  const target = shipped.at(-1);
  if (target === undefined) return { ok: false, reason: "no_version" };
  if (shipped.includes(SCHEMA_VERSION)) return { ok: true, target: SCHEMA_VERSION };
  const then = schemaAt(target, kind);
  const now = schemas[kind];
  const conflicts: ExtensionConflict[] = [];
  for (const field of touchedFields(patch)) {
    const before = nodeAt(then, field);
    const after = nodeAt(now, field);
    if (same(before, after)) continue;
    conflicts.push({ field, change: before === undefined ? "added" : after === undefined ? "removed" : "changed" });
  }
  return conflicts.length === 0 ? { ok: true, target } : { ok: false, reason: "conflicts", target, conflicts };
}
