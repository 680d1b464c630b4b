export { BUILTIN_SCALES, MATURITY_SCALE, YES_PARTLY_NO_SCALE } from "./builtin/scales";
export {
  parseAssessment,
  parseBenchmark,
  parseDocument,
  parseDocumentAs,
  parseFramework,
  parsePlace,
  parsePluginManifest,
  parsePractice,
  parseScale,
  parseScheme,
  parseScoreReport,
  documentSchemas,
  type ParseResult,
} from "./parse";

export { findTooDeep } from "@cohesion/schema";
export { isDate, isUri } from "./formats";
export { frameworkSchema, frameworkItemSchema, type FrameworkItemShape } from "./schemas/framework";
export { scaleSchema } from "./schemas/scale";
export {
  benchmarkSchema,
  sectionSchema,
  keyFactorSchema,
  guideQuestionSchema,
  contextFactorSchema,
  type GuideQuestionShape,
} from "./schemas/benchmark";
export { practiceSchema } from "./schemas/practice";
export { placeSchema } from "./schemas/place";
export { schemeSchema, schemeFallbackSchema, SCHEME_KINDS } from "./schemas/scheme";
export { assessmentSchema, answerSchema } from "./schemas/assessment";
export { scoreReportSchema, scoreNodeSchema, type ScoreNodeShape } from "./schemas/score-report";
export { pluginManifestSchema } from "./schemas/plugin-manifest";
export { checkIntegrity } from "./integrity/check";
export { integrityProblem, INTEGRITY_CODES, type IntegrityCode } from "./integrity/problems";
export { didYouMean } from "./integrity/suggest";
export { keyFactorRef, parseKeyFactorRef, parseFrameworkItemRef, type ParsedKeyFactorRef, type ParsedFrameworkItemRef } from "./refs";
export { walkGuideQuestions, walkKeyFactors, type GuideQuestionVisit, type KeyFactorVisit } from "./walk";
export { compareVersions } from "./semver";
export { createCatalog, type Catalog, type CatalogKeyFactor } from "./catalog";
export { migrate, MIGRATIONS, type MigrateOptions, type MigrationResult } from "./migrations/migrate";
export { migrationProblem, type MigrationCode } from "./migrations/problems";
export { splitEvidence, type SplitEvidence, type FoundLink, type EvidencePiece, type EvidencePieceRole } from "./migrations/evidence-text";
export type { MigrationStep } from "./migrations/step";
