import type * as z from "zod";
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
import { findDeprecatedFields } from "./deprecations";
import { issuesToProblems } from "./issues";
import { findTooDeep, listValues, previewValue, sortByDocumentOrder } from "@cohesion/schema";
import { checkSchemaVersion } from "@cohesion/schema";
import {
  DOCUMENT_KINDS,
  MAX_DEPTH,
  schemaProblem,
  toReport,
  type DocumentKind,
  type ValidationProblem,
  type ValidationReport,
} from "./report";
import { didYouMean } from "./integrity/suggest";
import { assessmentSchema } from "./schemas/assessment";
import { benchmarkSchema } from "./schemas/benchmark";
import { frameworkSchema } from "./schemas/framework";
import { placeSchema } from "./schemas/place";
import { pluginManifestSchema } from "./schemas/plugin-manifest";
import { practiceSchema } from "./schemas/practice";
import { scaleSchema } from "./schemas/scale";
import { SCHEME_KINDS, schemeFallbackSchema, schemeSchema, schemeUnknownKindSchema } from "./schemas/scheme";
import { scoreReportSchema } from "./schemas/score-report";

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

/**
 * The zod schema of each document kind, for tools that compose them (form builders, editors).
 *
 * @example
 * ```ts
 * documentSchemas.benchmark.safeParse(input).success;
 * ```
 */
export const documentSchemas = {
  framework: frameworkSchema,
  scale: scaleSchema,
  benchmark: benchmarkSchema,
  practice: practiceSchema,
  place: placeSchema,
  scheme: schemeSchema,
  assessment: assessmentSchema,
  "score-report": scoreReportSchema,
  "plugin-manifest": pluginManifestSchema,
} as const;

const SCHEMAS: Readonly<Record<DocumentKind, z.ZodType>> = documentSchemas;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail<T>(problems: ValidationProblem[]): ParseResult<T> {
  return { ok: false, report: toReport(problems) };
}

function notAnObject<T>(input: unknown): ParseResult<T> {
  return fail([schemaProblem("not_an_object", "", { got: previewValue(input) })]);
}

function unreadable<T>(): ParseResult<T> {
  // Exotic input (a throwing getter, a revoked proxy) must still get a report, not an exception.
  return fail([schemaProblem("internal_error", "", { detail: "the document could not be read" })]);
}

function schemaFor(kind: DocumentKind, input: Record<string, unknown>): z.ZodType {
  if (kind !== "scheme" || (SCHEME_KINDS as readonly unknown[]).includes(input["schemeKind"])) return SCHEMAS[kind];
  return Object.hasOwn(input, "schemeKind") ? schemeUnknownKindSchema : schemeFallbackSchema;
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
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    return fail([schemaProblem("unknown_kind", "", { got: previewValue(kind), kinds: listValues(DOCUMENT_KINDS), hint: "" })]);
  }
  return parseAs(kind, input);
}

function parseAs<T>(kind: DocumentKind, input: unknown): ParseResult<T> {
  try {
    if (!isRecord(input)) return notAnObject(input);
    const tooDeep = findTooDeep(input, MAX_DEPTH);
    if (tooDeep !== undefined) return fail([schemaProblem("too_deep", tooDeep, { limit: MAX_DEPTH })]);
    const schema = schemaFor(kind, input);
    const result = schema.safeParse(input);
    const version = checkSchemaVersion(input);
    const warnings = findDeprecatedFields(schema, input);
    if (result.success && !version) return { ok: true, value: result.data as T, report: toReport(sortByDocumentOrder(warnings, input)) };
    let problems = result.success ? [] : issuesToProblems(result.error.issues, input, schema);
    // A version this package does not read explains a failed schemaVersion better than its pattern.
    if (version) problems = [...problems.filter((problem) => problem.pointer !== "/schemaVersion"), version];
    return fail(sortByDocumentOrder([...problems, ...warnings], input));
  } catch {
    return unreadable();
  }
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
  try {
    if (!isRecord(input)) return notAnObject(input);
    const kinds = listValues(DOCUMENT_KINDS);
    if (!Object.hasOwn(input, "kind")) return fail([schemaProblem("missing_kind", "", { kinds })]);
    const kind = input["kind"];
    if (typeof kind !== "string" || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      const near = typeof kind === "string" ? didYouMean(kind, DOCUMENT_KINDS) : undefined;
      return fail([
        schemaProblem("unknown_kind", "/kind", {
          got: previewValue(kind),
          kinds,
          hint: near !== undefined ? ` — did you mean "${near}"?` : `; use one of ${kinds}`,
          ...(near !== undefined ? { suggestion: near } : {}),
        }),
      ]);
    }
    return parseAs<CohesionDocument>(kind as DocumentKind, input);
  } catch {
    return unreadable();
  }
}
