// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
// One validate function per document kind: each reaches only its own precompiled validator (and
// the ones its schema refers to), so a bundle that validates two kinds leaves the others out.
import type { ValidationReport } from "./types";
import * as validators from "./validators";
import * as deprecations from "./deprecations";
import * as nesting from "./nesting";
import { validateKind } from "../validate";
import { mapUnevaluated } from "../unevaluated-errors";

/**
 * Checks a document against the framework schema: the report of `validateAs("framework", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateFramework(JSON.parse(text));
 */
export function validateFramework(document: unknown): ValidationReport {
  return validateKind(validators.framework, deprecations.framework, nesting.framework, document);
}

/**
 * Checks a document against the scale schema: the report of `validateAs("scale", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateScale(JSON.parse(text));
 */
export function validateScale(document: unknown): ValidationReport {
  return validateKind(validators.scale, deprecations.scale, nesting.scale, document);
}

/**
 * Checks a document against the benchmark schema: the report of `validateAs("benchmark", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateBenchmark(JSON.parse(text));
 */
export function validateBenchmark(document: unknown): ValidationReport {
  return validateKind(validators.benchmark, deprecations.benchmark, nesting.benchmark, document);
}

/**
 * Checks a document against the practice schema: the report of `validateAs("practice", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validatePractice(JSON.parse(text));
 */
export function validatePractice(document: unknown): ValidationReport {
  return validateKind(validators.practice, deprecations.practice, nesting.practice, document);
}

/**
 * Checks a document against the place schema: the report of `validateAs("place", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validatePlace(JSON.parse(text));
 */
export function validatePlace(document: unknown): ValidationReport {
  return validateKind(validators.place, deprecations.place, nesting.place, document);
}

/**
 * Checks a document against the scheme schema: the report of `validateAs("scheme", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateScheme(JSON.parse(text));
 */
export function validateScheme(document: unknown): ValidationReport {
  return validateKind(validators.scheme, deprecations.scheme, nesting.scheme, document, mapUnevaluated);
}

/**
 * Checks a document against the assessment schema: the report of `validateAs("assessment", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateAssessment(JSON.parse(text));
 */
export function validateAssessment(document: unknown): ValidationReport {
  return validateKind(validators.assessment, deprecations.assessment, nesting.assessment, document);
}

/**
 * Checks a document against the score-report schema: the report of `validateAs("score-report", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validateScoreReport(JSON.parse(text));
 */
export function validateScoreReport(document: unknown): ValidationReport {
  return validateKind(validators.scoreReport, deprecations.scoreReport, nesting.scoreReport, document);
}

/**
 * Checks a document against the plugin-manifest schema: the report of `validateAs("plugin-manifest", document)`,
 * without bundling the validators of the other kinds. Never throws.
 *
 * @example
 * const report = validatePluginManifest(JSON.parse(text));
 */
export function validatePluginManifest(document: unknown): ValidationReport {
  return validateKind(validators.pluginManifest, deprecations.pluginManifest, nesting.pluginManifest, document);
}
