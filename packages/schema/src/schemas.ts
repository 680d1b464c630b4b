import assessment from "../schemas/assessment.schema.json";
import benchmark from "../schemas/benchmark.schema.json";
import defs from "../schemas/defs.schema.json";
import framework from "../schemas/framework.schema.json";
import place from "../schemas/place.schema.json";
import pluginManifest from "../schemas/plugin-manifest.schema.json";
import practice from "../schemas/practice.schema.json";
import scale from "../schemas/scale.schema.json";
import scheme from "../schemas/scheme.schema.json";
import scoreReport from "../schemas/score-report.schema.json";
import validationReport from "../schemas/validation-report.schema.json";
import type { DocumentKind } from "./kinds";

/** A JSON Schema document, as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * The JSON Schema of every document kind, in the current version (draft 2020-12; `$id`s under
 * https://schemas.cohesion.dev/<SCHEMA_VERSION>/). They refer to {@link defsSchema} for shared pieces.
 *
 * @example
 * schemas.benchmark.$id; // "https://schemas.cohesion.dev/1.1/benchmark.schema.json"
 */
export const schemas: Readonly<Record<DocumentKind, JsonSchema>> = /* @__PURE__ */ Object.freeze({
  framework,
  scale,
  benchmark,
  practice,
  place,
  scheme,
  assessment,
  "score-report": scoreReport,
  "plugin-manifest": pluginManifest,
});

/** Shared definitions the document schemas refer to. */
export const defsSchema: JsonSchema = defs;

/** The schema of {@link ValidationReport}, the output of every validator. */
export const validationReportSchema: JsonSchema = validationReport;

/**
 * The annotation keywords our schemas use beyond the 2020-12 vocabularies, with the JSON type of
 * their value; a validator compiling the schemas in strict mode must be told of them.
 * - `x-enumDescriptions`: what each value of an `enum` means;
 * - `x-deprecatedSince`: on a field marked `deprecated: true`, the schema version that deprecated it;
 * - `x-replacement`: on such a field, the field to use instead.
 *
 * @example
 * for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
 */
export const ANNOTATION_KEYWORDS = /* @__PURE__ */ Object.freeze({
  "x-enumDescriptions": "object",
  "x-deprecatedSince": "string",
  "x-replacement": "string",
} as const);

/** Every schema file, keyed by `$id`. */
export const schemasById: ReadonlyMap<string, JsonSchema> = /* @__PURE__ */ (() =>
  new Map([...Object.values(schemas), defsSchema, validationReportSchema].map((s) => [String(s.$id), s])))();
