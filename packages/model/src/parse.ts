import type {
  Assessment,
  Benchmark,
  CohesionDocument,
  Framework,
  Place,
  PluginManifest,
  Practice,
  Scale,
  Scheme,
  ScoreReport,
} from "@cohesion/schema";
import { validate, validateAs } from "@cohesion/schema";
import { schemaProblem, toReport, type DocumentKind, type ValidationReport } from "./report";

/**
 * What a parser returns: the typed value when the input is valid, and always a report.
 *
 * @example
 * ```ts
 * const result: ParseResult<Benchmark> = parseBenchmark(input);
 * if (result.ok) console.log(result.value.title);
 * else console.error(result.report.errors.map((e) => e.message).join("\n"));
 * ```
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly report: ValidationReport }
  | { readonly ok: false; readonly report: ValidationReport };

// The verdict and the problems are the validator's, so a parser and `validate` never disagree. The
// value is a copy of the input: every key kept (a key named like an Object.prototype member too),
// and no later change to the input reaches it.
function result<T>(report: ValidationReport, input: unknown): ParseResult<T> {
  if (!report.valid) return { ok: false, report };
  try {
    return { ok: true, value: structuredClone(input) as T, report };
  } catch {
    // JSON data always clones; an exotic object (a getter, a Proxy) that passed still gets a report.
    return { ok: false, report: toReport([schemaProblem("internal_error", "", { detail: "the document could not be copied" })]) };
  }
}

/**
 * Parses a document as the given kind, whatever its own `kind` says (a different `kind` is then
 * reported), as `@cohesion/schema`'s `validateAs` checks it.
 *
 * @example
 * ```ts
 * // A plugin's "benchmarks" contribution must hold benchmarks.
 * const result = parseDocumentAs("benchmark", JSON.parse(text));
 * ```
 */
export function parseDocumentAs<K extends DocumentKind>(kind: K, input: unknown): ParseResult<Extract<CohesionDocument, { kind: K }>> {
  return parseAs(kind, input);
}

function parseAs<T>(kind: DocumentKind, input: unknown): ParseResult<T> {
  return result<T>(validateAs(kind, input), input);
}

/**
 * Parses a framework document (domains, areas of intervention, toolkit themes...).
 *
 * @example
 * ```ts
 * const result = parseFramework(JSON.parse(text));
 * if (!result.ok) console.error(result.report.errors);
 * ```
 */
export function parseFramework(input: unknown): ParseResult<Framework> {
  return parseAs<Framework>("framework", input);
}

/**
 * Parses a scale document (an ordered set of levels).
 *
 * @example
 * ```ts
 * parseScale(MATURITY_SCALE).ok; // true
 * ```
 */
export function parseScale(input: unknown): ParseResult<Scale> {
  return parseAs<Scale>("scale", input);
}

/**
 * Parses a benchmark document: sections, key factors, guide questions, context factors.
 *
 * @example
 * ```ts
 * const result = parseBenchmark(JSON.parse(text));
 * if (result.ok) console.log(result.value.sections.length);
 * ```
 */
export function parseBenchmark(input: unknown): ParseResult<Benchmark> {
  return parseAs<Benchmark>("benchmark", input);
}

/**
 * Parses a practice document (a good-practice example from a city).
 *
 * @example
 * ```ts
 * parsePractice(JSON.parse(text)).report.errors;
 * ```
 */
export function parsePractice(input: unknown): ParseResult<Practice> {
  return parseAs<Practice>("practice", input);
}

/**
 * Parses a place document (a city profile).
 *
 * @example
 * ```ts
 * const result = parsePlace(JSON.parse(text));
 * if (result.ok) console.log(result.value.name);
 * ```
 */
export function parsePlace(input: unknown): ParseResult<Place> {
  return parseAs<Place>("place", input);
}

/**
 * Parses a scheme document; `schemeKind` selects the participation, mentoring or action-plan fields.
 *
 * @example
 * ```ts
 * const result = parseScheme(JSON.parse(text));
 * if (result.ok && result.value.schemeKind === "mentoring") console.log(result.value.mentor.city);
 * ```
 */
export function parseScheme(input: unknown): ParseResult<Scheme> {
  return parseAs<Scheme>("scheme", input);
}

/**
 * Parses an assessment document (answers to one benchmark version).
 *
 * @example
 * ```ts
 * const result = parseAssessment(JSON.parse(text));
 * if (result.ok) console.log(Object.keys(result.value.answers).length);
 * ```
 */
export function parseAssessment(input: unknown): ParseResult<Assessment> {
  return parseAs<Assessment>("assessment", input);
}

/**
 * Parses a score report document.
 *
 * @example
 * ```ts
 * parseScoreReport(JSON.parse(text)).ok;
 * ```
 */
export function parseScoreReport(input: unknown): ParseResult<ScoreReport> {
  return parseAs<ScoreReport>("score-report", input);
}

/**
 * Parses a plugin manifest (the `cohesion` key of a plugin's package.json).
 *
 * @example
 * ```ts
 * parsePluginManifest(packageJson.cohesion).ok;
 * ```
 */
export function parsePluginManifest(input: unknown): ParseResult<PluginManifest> {
  return parseAs<PluginManifest>("plugin-manifest", input);
}

/**
 * Parses any Cohesion document, choosing the schema by its `kind`.
 *
 * @example
 * ```ts
 * const result = parseDocument(JSON.parse(text));
 * if (result.ok && result.value.kind === "benchmark") console.log(result.value.version);
 * ```
 */
export function parseDocument(input: unknown): ParseResult<CohesionDocument> {
  return result<CohesionDocument>(validate(input), input);
}
