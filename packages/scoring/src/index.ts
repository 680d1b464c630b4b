export type { ScoringResult } from "./result";
export { succeed, fail, hasErrors, safely, optionsOf } from "./result";
export { scoringProblem, type ScoringProblemCode } from "./problems";
export { normaliseScale, clampScore, NOT_APPLICABLE, type NormalisedScale } from "./scale";
export {
  DEFAULT_BANDS,
  bandsSchema,
  coverageThresholdSchema,
  numberParameter,
  parameterObject,
  bandFor,
  parseParameters,
  type Band,
  type ParameterIssue,
  type ParameterSchema,
  type ParameterSpec,
  type ParametersOf,
} from "./parameters";
export { planBenchmark, keyFactorReference, type BenchmarkPlan, type PlanKeyFactor, type PlanQuestion, type PlanSection } from "./plan";
export { buildScoreTree, keyFactorNodes, type Combine, type TreeRules, type AnswerMap } from "./aggregate";
export { defineScoringModel, type ScoringModel, type ScoringContext, type AnyScoringModel } from "./model";
export { withCheckedOutput, checkScoreReportOutput } from "./checked-output";
export type { ReportCheck } from "./report-check";
export { weightedMean, weightedMeanParameters } from "./models/weighted-mean";
export { equalAverage, equalAverageParameters } from "./models/equal-average";
export { threshold, thresholdParameters, thresholdBands, standardMetFor } from "./models/threshold";
export { BUILTIN_MODELS, DEFAULT_MODEL } from "./models/builtin";
export { scoreAssessment, type ScoreOptions } from "./score";
export { createScorer, type Scorer, type ScoreTable } from "./scorer";
export type { BenchmarkSection, BenchmarkKeyFactor, BenchmarkQuestion, TraceEntry, ReportAssessment, ReportMessage, ReportPeers } from "./types";
export { createModelRegistry, checkModel, type ModelRegistry } from "./registry";
export { findGaps, attachGaps, type GapOptions, type GapAnalysis } from "./gaps";
export { compareProgress, type AssessedVersion, type ProgressReport, type KeyFactorProgress, type QuestionChange } from "./progress";
export {
  createPeerIndex,
  peerPosition,
  DEFAULT_POPULATION_BANDS,
  DEFAULT_MIGRANT_SHARE_BANDS,
  type ContextBand,
  type PeerOptions,
  type PeerIndex,
  type PeerPosition,
  type PeerRanks,
} from "./peers";
export { recommendPractices, type PracticeOptions } from "./practices";
export { matchMentors, type MentorOptions, type MentorMatches } from "./mentors";
export {
  citySimilarity,
  profileOf,
  sizeBandOf,
  likeness,
  DEFAULT_SIMILARITY_WEIGHTS,
  DEFAULT_MIGRANT_MEASURES,
  type CityProfile,
  type SimilarityWeights,
  type MigrantMeasure,
} from "./similarity";
export { indexPlaces, subjectProfile, cityProfile, type PlaceIndex } from "./profiles";
export { checkScoreReport, looseScoreReportProblems, keyFactorScores, effectiveWeights } from "./report-input";
export { quantile, histogram, lowerBound, upperBound } from "./statistics";
export { enrichReport, type EnrichOptions } from "./enrich";
export { describeModel, type ModelDescription } from "./describe";
export { scoringModelsPoint } from "./extension-point";
