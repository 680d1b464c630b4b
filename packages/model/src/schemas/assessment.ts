import * as z from "zod";
import {
  actor,
  countryCode,
  date,
  deprecatedField,
  jsonArray,
  link,
  jsonString,
  localIdRecord,
  namespacedId,
  PATTERNS,
  provenanceOf,
  schemaVersion,
  score,
  semver,
  shortText,
  sources,
  text,
} from "./defs";

/**
 * zod mirror of `assessment.schema.json#/$defs/answer`.
 *
 * @example
 * ```ts
 * answerSchema.safeParse({ level: "partial" }).success; // true
 * ```
 */
export const answerSchema = z.strictObject({
  level: jsonString({ pattern: PATTERNS.answerLevel, max: 80 }).exactOptional(),
  evidence: deprecatedField(text.exactOptional(), {
    since: "1.1",
    replacement: "evidenceLinks",
    advice: "give documents and pages in evidenceLinks and other remarks in notes (`cohesion migrate` moves them)",
  }),
  evidenceLinks: jsonArray(link, 1).exactOptional(),
  notes: text.exactOptional(),
  provenance: provenanceOf("evidence", "notes").exactOptional(),
});

const contextFactorMark = z.strictObject({
  influence: z.enum(["enabling", "constraining", "neutral"]),
  notes: text.exactOptional(),
  provenance: provenanceOf("notes").exactOptional(),
});

/**
 * zod mirror of `assessment.schema.json`.
 *
 * @example
 * ```ts
 * assessmentSchema.safeParse(document).success;
 * ```
 */
export const assessmentSchema = z.strictObject({
  kind: z.literal("assessment"),
  schemaVersion,
  id: namespacedId,
  title: shortText.exactOptional(),
  benchmark: z.strictObject({ id: namespacedId, version: semver }),
  subject: z.strictObject({
    type: z.enum(["place", "scheme"]),
    ref: namespacedId.exactOptional(),
    name: shortText,
    country: countryCode.exactOptional(),
  }),
  scale: namespacedId.exactOptional(),
  method: z.enum(["self", "peer", "mentor", "external"]),
  assessedBy: jsonArray(actor, 1),
  assessedOn: date,
  answers: localIdRecord(answerSchema),
  contextFactors: localIdRecord(contextFactorMark).exactOptional(),
  targets: z
    .strictObject({
      overall: score.exactOptional(),
      keyFactors: localIdRecord(score).exactOptional(),
    })
    .exactOptional(),
  illustrative: z.boolean().exactOptional(),
  notes: text.exactOptional(),
  sources: sources.exactOptional(),
});
