export type * from "./generated/types";
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from "./kinds";
export { validate, validateAs } from "./validate";
export { schemas, defsSchema, validationReportSchema, schemasById, type JsonSchema } from "./schemas";
export {
  defineProblems,
  interpolate,
  type ProblemDefinition,
  type ProblemFactory,
  type Severity,
} from "./problems";
export { toReport, mergeReports } from "./report";
export { joinPointer, escapePointerSegment, unescapePointerSegment, splitPointer, describePointer } from "./pointer";
export { schemaProblem, type SchemaProblemCode } from "./schema-problems";
export { MAX_DEPTH } from "./depth";
