// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// For each document kind, the data present where its schema marks a field `deprecated: true`: code
// that follows only the paths leading to such a field, building a pointer only for what it finds.
import { collectDeprecated, NO_DEPRECATIONS, type Deprecation, type DeprecationCheck, type Found } from "../deprecated";

const hasOwn = Object.prototype.hasOwnProperty;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The deprecated fields, as their schemas describe them. */
const DEPRECATIONS: readonly Deprecation[] = [
  {
    "since": "1.2",
    "replacement": "title"
  },
  {
    "since": "1.1",
    "replacement": "evidenceLinks"
  }
];

function check4(value: any, path: (string | number)[], found: Found): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) { path.push(index); check3(value[index], path, found); path.pop(); }
  }
}

function check3(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "titleParts")) { found(path, "titleParts", 0); }
    if (hasOwn.call(value, "items")) { path.push("items"); check4(value["items"], path, found); path.pop(); }
  }
}

function check1(value: any, path: (string | number)[], found: Found): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) { path.push(index); check3(value[index], path, found); path.pop(); }
  }
}

function check0(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "items")) { path.push("items"); check1(value["items"], path, found); path.pop(); }
  }
}

function check12(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "titleParts")) { found(path, "titleParts", 0); }
  }
}

function check10(value: any, path: (string | number)[], found: Found): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) { path.push(index); check12(value[index], path, found); path.pop(); }
  }
}

function check9(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "keyFactors")) { path.push("keyFactors"); check10(value["keyFactors"], path, found); path.pop(); }
  }
}

function check7(value: any, path: (string | number)[], found: Found): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) { path.push(index); check9(value[index], path, found); path.pop(); }
  }
}

function check15(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "titleParts")) { found(path, "titleParts", 0); }
  }
}

function check13(value: any, path: (string | number)[], found: Found): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) { path.push(index); check15(value[index], path, found); path.pop(); }
  }
}

function check6(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "sections")) { path.push("sections"); check7(value["sections"], path, found); path.pop(); }
    if (hasOwn.call(value, "contextFactors")) { path.push("contextFactors"); check13(value["contextFactors"], path, found); path.pop(); }
  }
}

function check19(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "evidence")) { found(path, "evidence", 1); }
  }
}

function check17(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    for (const key in value) {
      if (!hasOwn.call(value, key)) continue;
      path.push(key); check19(value[key], path, found); path.pop();
    }
  }
}

function check16(value: any, path: (string | number)[], found: Found): void {
  if (isObject(value)) {
    if (hasOwn.call(value, "answers")) { path.push("answers"); check17(value["answers"], path, found); path.pop(); }
  }
}

/** The deprecated fields of a framework document. */
export const framework: DeprecationCheck = (document, declaredVersion) => collectDeprecated(DEPRECATIONS, check0, document, declaredVersion);

/** The deprecated fields of a scale document (its schema has none). */
export const scale: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a benchmark document. */
export const benchmark: DeprecationCheck = (document, declaredVersion) => collectDeprecated(DEPRECATIONS, check6, document, declaredVersion);

/** The deprecated fields of a practice document (its schema has none). */
export const practice: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a place document (its schema has none). */
export const place: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a scheme document (its schema has none). */
export const scheme: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a assessment document. */
export const assessment: DeprecationCheck = (document, declaredVersion) => collectDeprecated(DEPRECATIONS, check16, document, declaredVersion);

/** The deprecated fields of a score-report document (its schema has none). */
export const scoreReport: DeprecationCheck = NO_DEPRECATIONS;

/** The deprecated fields of a plugin-manifest document (its schema has none). */
export const pluginManifest: DeprecationCheck = NO_DEPRECATIONS;
