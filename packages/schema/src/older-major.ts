import type { ValidationReport } from "./generated/types";
import { checkDocument, notAnObject } from "./check-document";
import { NO_DEPRECATIONS } from "./deprecated";
import { isDocumentKind } from "./kinds";
import { PREVIOUS_MAJORS } from "./previous-majors/index";
import { toReport } from "./report";
import { documentProblem } from "./schema-problems";
import { mapUnevaluated } from "./unevaluated-errors";
import { previewValue } from "./format-value";
import { declaredSchemaVersion, parseSchemaVersion } from "./versions";

const camel = (kind: string) => kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Checks a document that declares a version of an earlier schema major against the precompiled
 * validators of that major's last release: what a migration reads before it upgrades the document.
 * Undefined when the document declares no earlier major this package ships (`validate` is then the
 * check to use). Never throws.
 *
 * @example
 * // with schema 2.x current:
 * validatePreviousMajor({ kind: "place", schemaVersion: "1.1", id: "x" })?.valid; // false: fields missing
 */
export function validatePreviousMajor(document: unknown): ValidationReport | undefined {
  try {
    if (notAnObject(document)) return undefined;
    const version = parseSchemaVersion(declaredSchemaVersion(document));
    const previous = version ? PREVIOUS_MAJORS[version.major] : undefined;
    const kind = (document as Record<string, unknown>).kind;
    if (!version || !previous || !isDocumentKind(kind)) return undefined;
    const last = parseSchemaVersion(previous.version);
    if (last && version.minor > last.minor) {
      const declared = (document as Record<string, unknown>).schemaVersion;
      return toReport([
        documentProblem("unsupported_schema_version", "/schemaVersion", {
          got: previewValue(declared),
          version: declared,
          supported: `${version.major}.0 to ${previous.version}`,
          latest: previous.version,
          reason: `the last release of major ${version.major} is ${previous.version}`,
          fix: `correct the document's schemaVersion`,
        }),
      ]);
    }
    const check = previous.validators[camel(kind)];
    if (!check) return undefined;
    return checkDocument(document, { check, deprecated: previous.deprecations[camel(kind)] ?? NO_DEPRECATIONS, declaresVersion: false, unevaluated: mapUnevaluated });
  } catch {
    return toReport([documentProblem("internal_error", "", { detail: "reading it threw" })]);
  }
}
