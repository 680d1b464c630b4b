import type { ErrorObject } from "ajv";
import type { ValidationProblem, ValidationReport } from "./generated/types";
import { findDeprecatedFields, mayFindDeprecated } from "./deprecated";
import { findTooDeep, MAX_DEPTH } from "./depth";
import { mapAjvErrors } from "./map-errors";
import { sortByDocumentOrder } from "./document-order";
import { toReport } from "./report";
import { schemaProblem } from "./schema-problems";
import { previewValue } from "./format-value";
import { checkSchemaVersion, declaredSchemaVersion } from "./versions";

/** A compiled validator in ajv's shape: true when valid, otherwise `errors`. */
export interface CompiledCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What {@link checkDocument} needs to know about the schema a document is checked against. */
export interface DocumentCheck {
  readonly check: CompiledCheck;
  /** The schema, or as much of it as leads to deprecated fields (with its `$id`): walked for them. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The schemas `schema` refers to, by `$id`. */
  readonly registry: ReadonlyMap<string, unknown>;
  /** Whether the schema describes a document that declares its schema version; read from `schema` when not given. */
  readonly declaresVersion?: boolean;
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError) return "the document is too large or too deeply nested";
  return error instanceof Error ? error.name : "an unexpected value was thrown";
}

/**
 * Runs one compiled schema over a document with the guards every Cohesion validator shares:
 * nesting is bounded before the validator runs, ajv's errors become Cohesion problems,
 * deprecated fields become warnings, and nothing the input does can make it throw.
 *
 * @example
 * checkDocument(doc, { check, schema, registry });
 */
export function checkDocument(document: unknown, target: DocumentCheck): ValidationReport {
  try {
    const tooDeep = findTooDeep(document, MAX_DEPTH);
    if (tooDeep !== undefined) return toReport([schemaProblem("too_deep", tooDeep, { limit: MAX_DEPTH })]);
    const problems: ValidationProblem[] = [];
    const version = (target.declaresVersion ?? declaresSchemaVersion(target.schema)) ? checkSchemaVersion(document as Record<string, unknown>) : undefined;
    if (!target.check(document)) {
      const found = mapAjvErrors(target.check.errors ?? []);
      // The version problem explains a failed schemaVersion pattern better than the pattern does.
      // A loop, not push(...found): a document with a million bad items has a million problems.
      for (const problem of found) if (!version || problem.pointer !== "/schemaVersion") problems.push(problem);
    }
    if (version) problems.push(version);
    if (hasDeprecatedCached(target.schema, target.registry)) {
      for (const problem of findDeprecatedFields(target.schema, document, target.registry, declaredSchemaVersion(document))) problems.push(problem);
    }
    return toReport(sortByDocumentOrder(problems, document));
  } catch (error) {
    return toReport([schemaProblem("internal_error", "", { detail: describeFailure(error) })]);
  }
}

/** Whether a schema describes a Cohesion document, which declares the schema version it follows. */
function declaresSchemaVersion(schema: Readonly<Record<string, unknown>>): boolean {
  const properties = schema.properties;
  return typeof properties === "object" && properties !== null && Object.hasOwn(properties, "schemaVersion");
}

const deprecatedCache = new WeakMap<object, boolean>();

/** Whether the deprecated-field walk can find anything, once per schema (e.g. never for a practice). */
function hasDeprecatedCached(schema: object, registry: ReadonlyMap<string, unknown>): boolean {
  let known = deprecatedCache.get(schema);
  if (known === undefined) {
    known = mayFindDeprecated(schema, registry);
    deprecatedCache.set(schema, known);
  }
  return known;
}

/** The problem for a value that is not a JSON object, or undefined when it is one. */
export function notAnObject(document: unknown): ValidationProblem | undefined {
  if (typeof document === "object" && document !== null && !Array.isArray(document)) return undefined;
  return schemaProblem("not_an_object", "", { got: previewValue(document) });
}
