import type { ValidationReport } from "./generated/types";
import { DEPRECATION_SCHEMAS } from "./generated/deprecations";
import * as validators from "./generated/validators";
import type { PrecompiledValidator } from "./generated/validators";
import { checkDocument, notAnObject } from "./check-document";
import { listValues, previewValue } from "./format-value";
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from "./kinds";
import { toReport } from "./report";
import { schemaProblem } from "./schema-problems";
import { nearestName } from "./suggest";
import { SCHEMA_ID_HOST, SCHEMA_VERSION } from "./versions";

const PRECOMPILED: Readonly<Record<DocumentKind, PrecompiledValidator>> = {
  framework: validators.framework,
  scale: validators.scale,
  benchmark: validators.benchmark,
  practice: validators.practice,
  place: validators.place,
  scheme: validators.scheme,
  assessment: validators.assessment,
  "score-report": validators.scoreReport,
  "plugin-manifest": validators.pluginManifest,
};

/**
 * What the deprecated-field check needs of the schemas, generated from them: each cut down to the
 * paths that lead to a deprecated field. The full schemas (`schemas`) are not needed to validate,
 * so a bundle of `validate` leaves them out.
 */
const DEPRECATIONS: ReadonlyMap<string, unknown> = /* @__PURE__ */ new Map(/* @__PURE__ */ Object.entries(DEPRECATION_SCHEMAS));
const deprecationRoots = new Map<DocumentKind, Readonly<Record<string, unknown>>>();

/** The schema of a kind as the deprecated-field check walks it: just its `$id` when nothing in it is deprecated. */
function deprecationSchema(kind: DocumentKind): Readonly<Record<string, unknown>> {
  let root = deprecationRoots.get(kind);
  if (root === undefined) {
    const id = `${SCHEMA_ID_HOST}${SCHEMA_VERSION}/${kind}.schema.json`;
    root = DEPRECATION_SCHEMAS[id] ?? { $id: id };
    deprecationRoots.set(kind, root);
  }
  return root;
}

function unknownKind(got: unknown, pointer: string): ValidationReport {
  const near = typeof got === "string" ? nearestName(got, DOCUMENT_KINDS) : undefined;
  return toReport([
    schemaProblem("unknown_kind", pointer, {
      got: previewValue(got),
      kinds: listValues(DOCUMENT_KINDS),
      hint: near !== undefined ? ` — did you mean "${near}"?` : `; use one of ${listValues(DOCUMENT_KINDS)}`,
      ...(near !== undefined ? { suggestion: near } : {}),
    }),
  ]);
}

/**
 * Checks a document against the schema of the kind given, whatever its own `kind` says
 * (a different `kind` is then reported). Never throws.
 *
 * @example
 * const report = validateAs("place", JSON.parse(text));
 * if (!report.valid) for (const p of report.errors) console.log(p.pointer, p.message);
 */
export function validateAs(kind: DocumentKind, document: unknown): ValidationReport {
  if (!isDocumentKind(kind)) return unknownKind(kind, "");
  return validateKind(kind, PRECOMPILED[kind], document);
}

/**
 * Checks a document with the precompiled validator of a kind; what `validateAs` and the per-kind
 * functions (`validateAssessment`, ...) share. Internal: those are the API.
 *
 * @internal
 */
export function validateKind(kind: DocumentKind, check: PrecompiledValidator, document: unknown): ValidationReport {
  try {
    const notObject = notAnObject(document);
    if (notObject) return toReport([notObject]);
    // Every document kind declares the schema version it follows.
    return checkDocument(document, { check, schema: deprecationSchema(kind), registry: DEPRECATIONS, declaresVersion: true });
  } catch {
    // A hostile object (a revoked Proxy, a throwing getter) must still get an answer, as in validate().
    return unreadable();
  }
}

function unreadable(): ValidationReport {
  return toReport([schemaProblem("internal_error", "", { detail: "the document could not be read" })]);
}

/**
 * Checks any Cohesion document against the schema its `kind` names. Never throws: bad input of
 * any shape yields a report with clear problems (codes, JSON Pointers, how to fix).
 *
 * @example
 * const report = validate({ kind: "place", schemaVersion: "1.0", id: "oecd.helsinki" });
 * report.valid; // false: name, country and sources are missing
 */
export function validate(document: unknown): ValidationReport {
  try {
    const notObject = notAnObject(document);
    if (notObject) return toReport([notObject]);
    const record = document as Record<string, unknown>;
    if (!Object.hasOwn(record, "kind")) {
      return toReport([schemaProblem("missing_kind", "", { kinds: listValues(DOCUMENT_KINDS) })]);
    }
    const kind = record.kind;
    if (!isDocumentKind(kind)) return unknownKind(kind, "/kind");
    return validateAs(kind, document);
  } catch {
    // A hostile object (a throwing getter or Proxy) must still get an answer.
    return unreadable();
  }
}
