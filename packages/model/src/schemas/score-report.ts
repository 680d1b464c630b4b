import * as z from "zod";
import {
  anyObject,
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

const traceEntry = z.strictObject({
  ref: shortText,
  score: jsonNumber().nullable(),
  weight: jsonNumber({ min: 0 }),
  contribution: jsonNumber().nullable().exactOptional(),
  note: text.exactOptional(),
});

/** Output type of {@link scoreNodeSchema}: a score with the nodes below it. */
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
  coverage: jsonNumber({ min: 0, max: 1 }),
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
});

const recommendation = z.strictObject({
  keyFactor: keyFactorRef,
  practices: z.array(
    z.strictObject({
      practice: namespacedId,
      title: shortText.exactOptional(),
      city: shortText.exactOptional(),
      similarity: jsonNumber({ min: 0, max: 1 }),
      reason: text,
    }),
  ),
});

const message = z.strictObject({
  code: jsonString({ pattern: PATTERNS.messageCode }),
  severity: z.enum(["error", "warning", "info"]),
  message: text,
  pointer: jsonString({ max: 2000 }).exactOptional(),
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
    .strictObject({ id: namespacedId, subject: shortText, assessedOn: date.exactOptional() })
    .exactOptional(),
  benchmark: z.strictObject({ id: namespacedId, version: semver, title: shortText.exactOptional() }),
  model: z.strictObject({ id: namespacedId, version: semver, parameters: anyObject }),
  overall: scoreNodeSchema,
  standardMet: z.boolean().nullable().exactOptional(),
  gaps: z.array(gap).exactOptional(),
  strengths: z.array(gap).exactOptional(),
  recommendations: z.array(recommendation).exactOptional(),
  peers: anyObject.exactOptional(),
  mentors: z.array(anyObject).exactOptional(),
  messages: z.array(message).exactOptional(),
});
