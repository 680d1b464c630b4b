import type { ValidationReport } from "./generated/types";
import * as deprecations from "./generated/deprecations";
import * as nesting from "./generated/nesting";
import type { DeprecationCheck } from "./deprecated";
import * as validators from "./generated/validators";
import type { PrecompiledValidator } from "./generated/validators";
import { checkDocument, notAnObject } from "./check-document";
import { listValues, previewValue } from "./format-value";
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from "./kinds";
import { toReport } from "./report";
import { documentProblem, schemaProblem } from "./schema-problems";
import { nearestName } from "./suggest";
import type { UnevaluatedMapping } from "./map-errors";
import { mapUnevaluated } from "./unevaluated-errors";

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

const DEPRECATIONS: Readonly<Record<DocumentKind, DeprecationCheck>> = {
  framework: deprecations.framework,
  scale: deprecations.scale,
  benchmark: deprecations.benchmark,
  practice: deprecations.practice,
  place: deprecations.place,
  scheme: deprecations.scheme,
  assessment: deprecations.assessment,
  "score-report": deprecations.scoreReport,
  "plugin-manifest": deprecations.pluginManifest,
};

const NESTING: Readonly<Record<DocumentKind, number>> = {
  framework: nesting.framework,
  scale: nesting.scale,
  benchmark: nesting.benchmark,
  practice: nesting.practice,
  place: nesting.place,
  scheme: nesting.scheme,
  assessment: nesting.assessment,
  "score-report": nesting.scoreReport,
  "plugin-manifest": nesting.pluginManifest,
};

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
  // validate() carries every kind anyway, so each gets the mapping of unevaluatedProperties errors.
  return validateKind(PRECOMPILED[kind], DEPRECATIONS[kind], NESTING[kind], document, mapUnevaluated);
}

/**
 * Checks a document with the precompiled validator of a kind; what `validateAs` and the per-kind
 * functions (`validateAssessment`, ...) share. Internal: those are the API. `unevaluated` is given
 * for the kinds whose schemas use unevaluatedProperties (codegen decides).
 *
 * @internal
 */
export function validateKind(check: PrecompiledValidator, deprecated: DeprecationCheck, nesting: number, document: unknown, unevaluated?: UnevaluatedMapping): ValidationReport {
  try {
    const notObject = notAnObject(document);
    if (notObject) return toReport([notObject]);
    // Every document kind declares the schema version it follows.
    return checkDocument(document, { check, deprecated, declaresVersion: true, nesting, unevaluated });
  } catch {
    // A hostile object (a revoked Proxy, a throwing getter) must still get an answer, as in validate().
    return unreadable();
  }
}

function unreadable(): ValidationReport {
  return toReport([documentProblem("internal_error", "", { detail: "reading it threw" })]);
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
