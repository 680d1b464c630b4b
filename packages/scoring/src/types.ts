import type { Benchmark, ScoreNode, ScoreReport } from "@cohesion/schema";

/**
 * A section of a benchmark.
 *
 * @example
 * ```ts
 * const value: BenchmarkSection | undefined = benchmark.sections[0];
 * ```
 */
export type BenchmarkSection = Benchmark["sections"][number];
/**
 * A key factor of a benchmark.
 *
 * @example
 * ```ts
 * const value: BenchmarkKeyFactor | undefined = benchmark.sections[0].keyFactors[0];
 * ```
 */
export type BenchmarkKeyFactor = BenchmarkSection["keyFactors"][number];
/**
 * A guide question, possibly with sub-questions.
 *
 * @example
 * ```ts
 * const value: BenchmarkQuestion | undefined = keyFactor.guideQuestions[0];
 * ```
 */
export type BenchmarkQuestion = BenchmarkKeyFactor["guideQuestions"][number];
/**
 * One input listed in a score node's trace.
 *
 * @example
 * ```ts
 * const value: TraceEntry | undefined = report.overall.trace?.[0];
 * ```
 */
export type TraceEntry = NonNullable<ScoreNode["trace"]>[number];
/**
 * The block of a score report that names the assessment scored.
 *
 * @example
 * ```ts
 * const value: ReportAssessment | undefined = report.assessment;
 * ```
 */
export type ReportAssessment = NonNullable<ScoreReport["assessment"]>;
/**
 * A note in a score report.
 *
 * @example
 * ```ts
 * const value: ReportMessage | undefined = report.messages?.[0];
 * ```
 */
export type ReportMessage = NonNullable<ScoreReport["messages"]>[number];
/**
 * Peer position block of a score report.
 *
 * @example
 * ```ts
 * const value: ReportPeers | undefined = report.peers;
 * ```
 */
export type ReportPeers = NonNullable<ScoreReport["peers"]>;
