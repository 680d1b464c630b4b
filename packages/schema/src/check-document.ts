import type { ErrorObject } from "ajv";
import type { ValidationProblem, ValidationReport } from "./generated/types";
import type { DeprecationCheck } from "./deprecated";
import { findTooDeep, MAX_DEPTH } from "./depth";
import { hidesTooDeep } from "./hidden-depth";
import { mapAjvErrors, type UnevaluatedMapping } from "./map-errors";
import { sortByDocumentOrder } from "./document-order";
import { toReport } from "./report";
import { documentProblem } from "./schema-problems";
import { previewValue } from "./format-value";
import { checkSchemaVersion, declaredSchemaVersion } from "./versions";

/**
 * A compiled validator: true when valid, otherwise `collect(data)` lists the errors of the document
 * just refused (the precompiled validators walk it again for every error and mark the list `deep`
 * when they met data nested beyond MAX_DEPTH, which they do not follow).
 */
export interface CompiledCheck {
  (data: unknown): boolean;
  collect(data: unknown): ErrorObject[] & { deep?: boolean };
}

/** What {@link checkDocument} needs to know about the schema a document is checked against. */
export interface DocumentCheck {
  readonly check: CompiledCheck;
  /** The deprecated fields of a document (generated for the precompiled validators). */
  readonly deprecated: DeprecationCheck;
  /** Whether the schema describes a document that declares its schema version. */
  readonly declaresVersion: boolean;
  /**
   * How deep the data the schema accepts can nest (Infinity when not known). Within MAX_DEPTH the
   * validator only descends as far as the schema does, so the depth guard runs only on documents it
   * refuses (a too-deep document is then reported as such alone, as when the guard runs first).
   */
  readonly nesting?: number;
  /** The mapping of unevaluatedProperties errors, for a schema that uses the keyword (./unevaluated-errors.ts). */
  readonly unevaluated?: UnevaluatedMapping | undefined;
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError) return "the document is too large or too deeply nested";
  return `reading it threw ${error instanceof Error ? error.name : "a value"}`;
}

/**
 * Runs one compiled schema over a document with the guards every Cohesion validator shares:
 * nesting is bounded before the validator runs, ajv's errors become Cohesion problems,
 * deprecated fields become warnings, and nothing the input does can make it throw.
 *
 * @example
 * checkDocument(doc, { check, deprecated: NO_DEPRECATIONS, declaresVersion: true });
 */
export function checkDocument(document: unknown, target: DocumentCheck): ValidationReport {
  try {
    const guardFirst = !((target.nesting ?? Infinity) < MAX_DEPTH);
    const tooDeep = guardFirst ? findTooDeep(document, MAX_DEPTH) : undefined;
    if (tooDeep !== undefined) return toReport([documentProblem("too_deep", tooDeep, { limit: MAX_DEPTH })]);
    const version = target.declaresVersion ? checkSchemaVersion(document as Record<string, unknown>) : undefined;
    const check = target.check;
    const passed = check(document);
    let errors: readonly ErrorObject[] = [];
    if (!passed) {
      // The precompiled full pass never follows data past MAX_DEPTH; the depth walk is needed only
      // when it met such data or an error leaves a structured value unchecked (an unknown field's
      // value, a value of the wrong type).
      const collected = check.collect(document);
      errors = collected;
      if (!guardFirst && (collected.deep === true || collected.some(hidesTooDeep))) {
        const deep = findTooDeep(document, MAX_DEPTH);
        if (deep !== undefined) return toReport([documentProblem("too_deep", deep, { limit: MAX_DEPTH })]);
      }
    }
    // The nesting is now known to be within bounds, so the deprecated-field walk can run.
    const deprecated = target.deprecated(document, declaredSchemaVersion(document));
    if (passed && version === undefined && deprecated.length === 0) return { valid: true, errors: [] };
    const problems: ValidationProblem[] = [];
    if (!passed) {
      const found = mapAjvErrors(errors, target.unevaluated);
      // The version problem explains a failed schemaVersion pattern better than the pattern does.
      // A loop, not push(...found): a document with a million bad items has a million problems.
      for (const problem of found) if (!version || problem.pointer !== "/schemaVersion") problems.push(problem);
    }
    if (version) problems.push(version);
    for (const problem of deprecated) problems.push(problem);
    return toReport(sortByDocumentOrder(problems, document));
  } catch (error) {
    return toReport([documentProblem("internal_error", "", { detail: describeFailure(error) })]);
  }
}


/**
 * Whether the full validator would report nothing at all on a document: an object, nested within
 * bounds, of a readable schema version, passing the fast check and carrying no deprecated field.
 * What {@link checkDocument} decides on the way of a valid document, without building a report.
 *
 * @internal
 */
export function passes(document: unknown, fast: (data: unknown) => boolean, deprecated: DeprecationCheck, nesting: number): boolean {
  try {
    if (notAnObject(document) !== undefined) return false;
    if (!(nesting < MAX_DEPTH) && findTooDeep(document, MAX_DEPTH) !== undefined) return false;
    if (checkSchemaVersion(document as Record<string, unknown>) !== undefined || !fast(document)) return false;
    return deprecated(document, declaredSchemaVersion(document)).length === 0;
  } catch {
    // A hostile object (a throwing getter, a Proxy): not sure; the full validator reports it.
    return false;
  }
}

/**
 * Whether a schema describes a Cohesion document, which declares the schema version it follows.
 *
 * @internal
 */
export function declaresSchemaVersion(schema: Readonly<Record<string, unknown>>): boolean {
  const properties = schema.properties;
  return typeof properties === "object" && properties !== null && Object.hasOwn(properties, "schemaVersion");
}

/** The problem for a value that is not a JSON object, or undefined when it is one. */
export function notAnObject(document: unknown): ValidationProblem | undefined {
  if (typeof document === "object" && document !== null && !Array.isArray(document)) return undefined;
  return documentProblem("not_an_object", "", { got: previewValue(document) });
}
