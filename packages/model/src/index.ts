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
  type ParseResult,
} from "./parse";

export { findTooDeep } from "@cohesion/schema";
export { isDate, isUri } from "@cohesion/schema";
export * from "./generated/zod";
export { checkIntegrity, type IntegrityOptions } from "./integrity/check";
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
