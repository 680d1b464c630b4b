export type * from "./generated/types";
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from "./kinds";
export {
  quickCheck,
  quickCheckAssessment,
  quickCheckBenchmark,
  quickCheckScale,
  quickCheckPlace,
  quickCheckPractice,
  type QuickCheck,
  type QuickCheckKind,
  type AnswerChecks,
} from "./quick-check";
export { validate, validateAs } from "./validate";
export {
  validateAssessment,
  validateBenchmark,
  validateFramework,
  validatePlace,
  validatePluginManifest,
  validatePractice,
  validateScale,
  validateScheme,
  validateScoreReport,
} from "./generated/validate-kinds";
export { schemas, defsSchema, validationReportSchema, schemasById, ANNOTATION_KEYWORDS, type JsonSchema } from "./schemas";
export {
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  SCHEMA_ID_HOST,
  checkSchemaVersion,
  compareSchemaVersions,
  parseSchemaVersion,
  schemaSpecifier,
  supportedSchemaVersions,
  type SchemaVersion,
} from "./versions";
export { validatePreviousMajor } from "./older-major";
export {
  defineProblems,
  interpolate,
  type ProblemDefinition,
  type ProblemFactory,
  type Severity,
} from "./problems";
export { toReport, mergeReports } from "./report";
export { joinPointer, escapePointerSegment, unescapePointerSegment, describePointer } from "./pointer";
export { schemaProblem, type SchemaProblemCode } from "./schema-problems";
export { MAX_DEPTH, findTooDeep } from "./depth";
export { sortByDocumentOrder } from "./document-order";
export { isDate, isUri } from "./formats";
export { ucs2length, equal as jsonEqual } from "./validator-runtime";
export { nearestName, nearestNames, type NearestNamesOptions } from "./suggest";
export { previewValue, describeValue, jsonTypeOf, listValues, truncate, withArticle } from "./format-value";
export { describeThrown } from "./thrown";
export {
  diffSchemas,
  compareBumps,
  type SchemaBump,
  type SchemaChange,
  type SchemaChangeKind,
  type SchemaDiff,
  type SchemaSet,
} from "./evolution/diff";
