import * as z from "zod";
import {
  anyObject,
  countryCode,
  date,
  jsonNumber,
  jsonString,
  keyFactorRef,
  localId,
  namespacedId,
  PATTERNS,
  schemaVersion,
  score,
  semver,
  shortText,
  text,
  weight,
} from "./defs";

const share = jsonNumber({ min: 0, max: 1 });

const traceEntry = z.strictObject({
  ref: shortText,
  input: z.enum(["answer", "own-answer", "child"]),
  level: jsonString({ max: 80 }).exactOptional(),
  score: jsonNumber().nullable(),
  weight: jsonNumber({ min: 0 }),
  share: share.exactOptional(),
  contribution: jsonNumber().nullable().exactOptional(),
  note: text.exactOptional(),
});

/**
 * Output type of {@link scoreNodeSchema}: a score with the nodes below it.
 *
 * @example
 * ```ts
 * const node: ScoreNodeShape = { ref: "overall", level: "overall", score: null, coverage: 0, status: "unanswered", weight: 1 };
 * ```
 */
export interface ScoreNodeShape {
  ref: string;
  level: "overall" | "section" | "key-factor" | "guide-question";
  title?: string;
  score: number | null;
  coverage: number;
  status: "scored" | "insufficient-evidence" | "not-applicable" | "unanswered";
  band?: { id: string; label: string };
  weight: number;
  answer?: string;
  trace?: z.output<typeof traceEntry>[];
  children?: ScoreNodeShape[];
}

/**
 * zod mirror of `score-report.schema.json#/$defs/scoreNode`.
 *
 * @example
 * ```ts
 * scoreNodeSchema.safeParse({ ref: "overall", level: "overall", score: null, coverage: 0, status: "unanswered", weight: 1 }).success; // true
 * ```
 */
export const scoreNodeSchema: z.ZodType<ScoreNodeShape> = z.strictObject({
  ref: shortText,
  level: z.enum(["overall", "section", "key-factor", "guide-question"]),
  title: shortText.exactOptional(),
  score: jsonNumber({ min: 0, max: 100 }).nullable(),
  coverage: share,
  status: z.enum(["scored", "insufficient-evidence", "not-applicable", "unanswered"]),
  band: z.strictObject({ id: localId, label: shortText }).exactOptional(),
  weight,
  answer: jsonString({ max: 80 }).exactOptional(),
  trace: z.array(traceEntry).exactOptional(),
  get children() {
    return z.array(scoreNodeSchema).exactOptional();
  },
});

const gap = z.strictObject({
  keyFactor: keyFactorRef,
  title: shortText.exactOptional(),
  score,
  target: score,
  difference: jsonNumber(),
  weight: jsonNumber({ min: 0 }),
  priority: jsonNumber(),
  targetSource: z.enum(["key-factor-target", "overall-target", "uniform-target"]),
});

const similarityFactor = z.strictObject({
  dimension: z.enum(["size", "migrant-share", "country"]),
  similarity: share.nullable(),
  weight: jsonNumber({ min: 0 }),
  note: text,
});

const recommendation = z.strictObject({
  keyFactor: keyFactorRef,
  title: shortText.exactOptional(),
  practices: z.array(
    z.strictObject({
      practice: namespacedId,
      title: shortText.exactOptional(),
      city: shortText.exactOptional(),
      country: countryCode.exactOptional(),
      placeRef: namespacedId.exactOptional(),
      similarity: share,
      similarityFactors: z.array(similarityFactor).exactOptional(),
      reason: text,
    }),
  ),
});

const peerStatistic = z.strictObject({
  ref: shortText,
  title: shortText.exactOptional(),
  score: jsonNumber({ min: 0, max: 100 }).nullable(),
  rank: jsonNumber({ integer: true, min: 1 }).nullable(),
  of: jsonNumber({ integer: true, min: 0 }),
  rankText: shortText,
  percentile: jsonNumber({ min: 0, max: 100 }).nullable(),
  quartiles: z.strictObject({ q1: score, median: score, q3: score }).exactOptional(),
  histogram: z.array(z.strictObject({ from: score, to: score, count: jsonNumber({ integer: true, min: 0 }) })),
});

const peerGroup = z.strictObject({
  dimension: z.enum(["all", "population", "migrant-share", "country"]),
  id: localId,
  label: shortText,
  members: jsonNumber({ integer: true, min: 0 }),
  overall: peerStatistic,
  keyFactors: z.array(peerStatistic),
});

const mentorCandidate = z.strictObject({
  assessment: namespacedId,
  subject: shortText,
  subjectRef: namespacedId.exactOptional(),
  match: share,
  strength: share,
  similarity: share,
  similarityFactors: z.array(similarityFactor).exactOptional(),
  keyFactors: z.array(
    z.strictObject({
      keyFactor: keyFactorRef,
      title: shortText.exactOptional(),
      mentorScore: score,
      menteeScore: score,
      lead: jsonNumber({ min: 0, max: 100 }),
    }),
  ),
  reason: text,
});

const message = z.strictObject({
  code: jsonString({ pattern: PATTERNS.messageCode }),
  severity: z.enum(["error", "warning", "info"]),
  message: text,
  pointer: jsonString({ max: 2000 }).exactOptional(),
  params: anyObject.exactOptional(),
});

/**
 * zod mirror of `score-report.schema.json`.
 *
 * @example
 * ```ts
 * scoreReportSchema.safeParse(report).success;
 * ```
 */
export const scoreReportSchema = z.strictObject({
  kind: z.literal("score-report"),
  schemaVersion,
  assessment: z
    .strictObject({
      id: namespacedId,
      subject: shortText,
      subjectType: z.enum(["place", "scheme"]).exactOptional(),
      subjectRef: namespacedId.exactOptional(),
      country: countryCode.exactOptional(),
      assessedOn: date.exactOptional(),
      scale: namespacedId.exactOptional(),
      illustrative: z.boolean().exactOptional(),
    })
    .exactOptional(),
  benchmark: z.strictObject({ id: namespacedId, version: semver, title: shortText.exactOptional() }),
  model: z.strictObject({ id: namespacedId, version: semver, title: shortText.exactOptional(), parameters: anyObject }),
  overall: scoreNodeSchema,
  standardMet: z.boolean().nullable().exactOptional(),
  gaps: z.array(gap).exactOptional(),
  strengths: z.array(gap).exactOptional(),
  recommendations: z.array(recommendation).exactOptional(),
  peers: z
    .strictObject({ population: jsonNumber({ integer: true, min: 0 }), groups: z.array(peerGroup) })
    .exactOptional(),
  mentors: z.array(mentorCandidate).exactOptional(),
  messages: z.array(message).exactOptional(),
});
