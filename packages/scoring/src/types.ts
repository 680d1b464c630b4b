import type { Benchmark, ScoreNode, ScoreReport } from "@cohesion/schema";

/** A section of a benchmark. */
export type BenchmarkSection = Benchmark["sections"][number];
/** A key factor of a benchmark. */
export type BenchmarkKeyFactor = BenchmarkSection["keyFactors"][number];
/** A guide question, possibly with sub-questions. */
export type BenchmarkQuestion = BenchmarkKeyFactor["guideQuestions"][number];
/** One input listed in a score node's trace. */
export type TraceEntry = NonNullable<ScoreNode["trace"]>[number];
/** The block of a score report that names the assessment scored. */
export type ReportAssessment = NonNullable<ScoreReport["assessment"]>;
/** A note in a score report. */
export type ReportMessage = NonNullable<ScoreReport["messages"]>[number];
/** Peer position block of a score report. */
export type ReportPeers = NonNullable<ScoreReport["peers"]>;
