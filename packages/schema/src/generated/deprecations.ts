// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// For each document kind, the data present where its schema marks a field `deprecated: true`: code
// that follows only the paths leading to such a field, building a pointer only for what it finds.
import { collectDeprecated, NO_DEPRECATIONS, type Deprecation, type DeprecationCheck, type Found } from "../deprecated";

const hasOwn = Object.prototype.hasOwnProperty;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The deprecated fields, as their schemas describe them. */
const DEPRECATIONS: readonly Deprecation[] = [
  {
    "since": "1.1",
    "replacement": "evidenceLinks",
    "description": "What supports the answer, as free text. Deprecated since schema version 1.1: give documents and pages in evidenceLinks and other remarks in notes (`cohesion migrate` moves them)."
  }
];

function check3(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "evidence")) { found(path, "evidence", 0); }
  }
}

function check1(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    for (const key in value) {
      if (!hasOwn.call(value, key)) continue;
      path.push(key); check3(value[key], path, found); path.pop();
    }
  }
}

function check0(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "answers")) { path.push("answers"); check1(value["answers"], path, found); path.pop(); }
  }
}

/** The deprecated fields of a framework document (its schema has none). */
export const framework: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a scale document (its schema has none). */
export const scale: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a benchmark document (its schema has none). */
export const benchmark: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a practice document (its schema has none). */
export const practice: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a place document (its schema has none). */
export const place: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a scheme document (its schema has none). */
export const scheme: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a assessment document. */
export const assessment: DeprecationCheck = (document, declaredVersion) => collectDeprecated(DEPRECATIONS, check0, document, declaredVersion);

/** The deprecated fields of a score-report document (its schema has none). */
export const scoreReport: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a plugin-manifest document (its schema has none). */
export const pluginManifest: DeprecationCheck = NO_DEPRECATIONS;
