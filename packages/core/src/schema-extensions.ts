import { createRequire } from "node:module";
import { schemas, type DocumentKind, type ValidationReport, describeThrown } from "@cohesion/schema";
import type * as SchemaRuntime from "@cohesion/schema/runtime";
import { applyMergePatch } from "./merge-patch";

/**
 * Validates one document of a kind, returning a report.
 *
 * @example
 * ```ts
 * const check: DocumentValidator = (doc) => validateAs("practice", doc);
 * ```
 */
export type DocumentValidator = (document: unknown) => ValidationReport;

/**
 * The outcome of {@link extendSchema}.
 *
 * @example
 * ```ts
 * const result: ExtendedSchemaResult = extendSchema("place", [patch], "acme");
 * if (!result.ok) console.error(result.reason);
 * ```
 */
export type ExtendedSchemaResult =
  | { readonly ok: true; readonly schema: Record<string, unknown>; readonly validate: DocumentValidator }
  | { readonly ok: false; readonly reason: string };

/**
 * Applies JSON Merge Patches over the core schema of a kind and compiles the merged schema at run time.
 * The merged schema gets its own `$id` next to the core one (so relative `$ref`s to defs.schema.json still
 * resolve and it does not clash with the core schema); `tag` names it. Never throws.
 *
 * @example
 * ```ts
 * import { extendSchema } from "@cohesion/core";
 * const result = extendSchema("practice", [{ properties: { acmeRating: { type: "integer" } } }], "acme");
 * if (result.ok) result.validate(practice).valid;
 * ```
 */
export function extendSchema(kind: DocumentKind, patches: readonly unknown[], tag: string): ExtendedSchemaResult {
  try {
    let merged: unknown = schemas[kind];
    for (const patch of patches) merged = applyMergePatch(merged, patch);
    if (typeof merged !== "object" || merged === null || Array.isArray(merged)) {
      return { ok: false, reason: "the merged schema is not an object" };
    }
    const base = String((schemas[kind] as { $id?: unknown }).$id ?? `https://schemas.cohesion.dev/1.0/${kind}.schema.json`);
    const schema = { ...(merged as Record<string, unknown>), $id: base.replace(/\.schema\.json$/, `+${tag}.schema.json`) };
    const validate = schemaRuntime().createValidator(schema, { extraSchemas: extraSchemasFor(kind) });
    return { ok: true, schema, validate };
  } catch (error) {
    return { ok: false, reason: describeThrown(error) };
  }
}

// The other core schemas, so a patch may refer to any of them by $id (defs.schema.json is always there).
function extraSchemasFor(kind: DocumentKind): Array<Readonly<Record<string, unknown>>> {
  return Object.entries(schemas)
    .filter(([other]) => other !== kind)
    .map(([, schema]) => schema);
}

// The run-time compiler (ajv) is loaded only when a plugin extends a schema: most hosts never compile
// one, and loading it would double the start-up time of a command that checks one small file.
let runtime: typeof SchemaRuntime | undefined;
function schemaRuntime(): typeof SchemaRuntime {
  runtime ??= createRequire(import.meta.url)("@cohesion/schema/runtime") as typeof SchemaRuntime;
  return runtime;
}
