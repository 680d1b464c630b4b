export type { ScoringResult } from "./result";
export { succeed, fail, hasErrors, safely, optionsOf } from "./result";
export { scoringProblem, type ScoringProblemCode } from "./problems";
export { normaliseScale, clampScore, NOT_APPLICABLE, type NormalisedScale } from "./engine/scale";
export { roundScore, SCORE_DECIMALS } from "./engine/exact";
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
} from "./engine/parameters";
export { planBenchmark, keyFactorReference, type BenchmarkPlan, type PlanKeyFactor, type PlanQuestion, type PlanSection, type WeightsGiven } from "./engine/plan";
export { buildScoreTree, keyFactorNodes, type Combine, type TreeRules, type AnswerMap } from "./engine/aggregate";
export { defineScoringModel, type ScoringModel, type ScoringContext, type AnyScoringModel } from "./engine/model";
export { withCheckedOutput, checkScoreReportOutput } from "./engine/checked-output";
export type { ReportCheck } from "./engine/report-check";
export { weightedMean, weightedMeanParameters } from "./engine/models/weighted-mean";
export { equalAverage, equalAverageParameters } from "./engine/models/equal-average";
export { threshold, thresholdParameters, thresholdBands, standardMetFor } from "./engine/models/threshold";
export { BUILTIN_MODELS, DEFAULT_MODEL } from "./engine/models/builtin";
export { scoreAssessment, type ScoreOptions } from "./engine/score";
export { createScorer, type Scorer } from "./engine/scorer";
export type { ScoreTable } from "./engine/score-table";
export type { BenchmarkSection, BenchmarkKeyFactor, BenchmarkQuestion, TraceEntry, ReportAssessment, ReportMessage, ReportPeers } from "./types";
export { createModelRegistry, checkModel, type ModelRegistry } from "./engine/registry";
export { findGaps, attachGaps, type GapOptions, type GapAnalysis } from "./insights/gaps";
export { compareProgress, type AssessedVersion, type ProgressReport, type KeyFactorProgress, type QuestionChange } from "./insights/progress";
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
} from "./insights/peers";
export { recommendPractices, type PracticeOptions, type PracticeRecommendations } from "./insights/practices";
export { matchMentors, type MentorOptions, type MentorMatches } from "./insights/mentors";
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
} from "./insights/similarity";
export { indexPlaces, subjectProfile, cityProfile, type PlaceIndex } from "./insights/profiles";
export { checkScoreReport, looseScoreReportProblems, keyFactorScores, effectiveWeights } from "./insights/report-input";
export { quantile, histogram, binOf, lowerBound, upperBound } from "./insights/statistics";
export { enrichReport, type EnrichOptions } from "./insights/enrich";
export { describeModel, type ModelDescription } from "./engine/describe";
export { scoringModelsPoint } from "./engine/extension-point";
