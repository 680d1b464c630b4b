// The integrity check, the catalog and the helpers they share, without the zod parsers: importing zod
// costs a command-line tool more start-up time than everything else it runs for a small file.
export { BUILTIN_SCALES, MATURITY_SCALE, YES_PARTLY_NO_SCALE } from "./builtin/scales";
export { checkIntegrity, type IntegrityOptions } from "./integrity/check";
export { integrityProblem, INTEGRITY_CODES, type IntegrityCode } from "./integrity/problems";
export { didYouMean } from "./integrity/suggest";
export { keyFactorRef, parseKeyFactorRef, parseFrameworkItemRef, type ParsedKeyFactorRef, type ParsedFrameworkItemRef } from "./refs";
export { walkGuideQuestions, walkKeyFactors, type GuideQuestionVisit, type KeyFactorVisit } from "./walk";
export { compareVersions } from "./semver";
export { createCatalog, type Catalog, type CatalogKeyFactor } from "./catalog";
