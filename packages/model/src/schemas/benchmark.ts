import * as z from "zod";
import {
  actor,
  deprecatedField,
  frameworkItemRef,
  glossaryEntry,
  jsonArray,
  jsonNumber,
  localId,
  namespacedId,
  provenanceOf,
  schemaVersion,
  semver,
  shortText,
  sources,
  statistic,
  text,
  TITLE_PARTS_DEPRECATION,
  weight,
  uniqueStrings,
} from "./defs";

/**
 * Output type of {@link guideQuestionSchema}: a question that may nest sub-questions.
 *
 * @example
 * ```ts
 * const question: GuideQuestionShape = { id: "q1", text: "Who takes part?", subQuestions: [{ id: "q1a", text: "Which groups?" }] };
 * ```
 */
export interface GuideQuestionShape {
  id: string;
  text: string;
  guidance?: string;
  weight?: number;
  provenance?: { text?: "source" | "editorial"; guidance?: "source" | "editorial" };
  subQuestions?: GuideQuestionShape[];
}

/**
 * zod mirror of `benchmark.schema.json#/$defs/guideQuestion`.
 *
 * @example
 * ```ts
 * guideQuestionSchema.safeParse({ id: "q1", text: "Do residents shape the plan?" }).success; // true
 * ```
 */
export const guideQuestionSchema: z.ZodType<GuideQuestionShape> = z.strictObject({
  id: localId,
  text,
  guidance: text.exactOptional(),
  weight: weight.exactOptional(),
  provenance: provenanceOf("text", "guidance").exactOptional(),
  get subQuestions() {
    return z.array(guideQuestionSchema).exactOptional();
  },
});

const recommendedAction = z.strictObject({
  id: localId,
  title: shortText,
  description: text.exactOptional(),
  provenance: provenanceOf("description").exactOptional(),
  practiceRefs: uniqueStrings(namespacedId).exactOptional(),
});

/**
 * zod mirror of `benchmark.schema.json#/$defs/keyFactor`.
 *
 * @example
 * ```ts
 * keyFactorSchema.safeParse(benchmark.sections[0].keyFactors[0]).success;
 * ```
 */
export const keyFactorSchema = z.strictObject({
  id: localId,
  number: jsonNumber({ integer: true, min: 1 }).exactOptional(),
  title: shortText,
  titleParts: deprecatedField(jsonArray(shortText, 2).exactOptional(), TITLE_PARTS_DEPRECATION),
  statement: text.exactOptional(),
  rationale: text.exactOptional(),
  pitfalls: z.array(text).exactOptional(),
  weight: weight.exactOptional(),
  guideQuestions: jsonArray(guideQuestionSchema, 1),
  practicalTips: z.array(text).exactOptional(),
  recommendedActions: z.array(recommendedAction).exactOptional(),
  practiceRefs: uniqueStrings(namespacedId).exactOptional(),
  provenance: provenanceOf("statement", "rationale", "pitfalls", "practicalTips").exactOptional(),
  sources: sources.exactOptional(),
});

/**
 * zod mirror of `benchmark.schema.json#/$defs/section`.
 *
 * @example
 * ```ts
 * sectionSchema.safeParse(benchmark.sections[0]).success;
 * ```
 */
export const sectionSchema = z.strictObject({
  id: localId,
  title: shortText,
  description: text.exactOptional(),
  weight: weight.exactOptional(),
  provenance: provenanceOf("description").exactOptional(),
  keyFactors: jsonArray(keyFactorSchema, 1),
});

/**
 * zod mirror of `benchmark.schema.json#/$defs/contextFactor`.
 *
 * @example
 * ```ts
 * contextFactorSchema.safeParse({ id: "funding", title: "Funding" }).success; // true
 * ```
 */
export const contextFactorSchema = z.strictObject({
  id: localId,
  title: shortText,
  titleParts: deprecatedField(jsonArray(shortText, 2).exactOptional(), TITLE_PARTS_DEPRECATION),
  description: text.exactOptional(),
  mayInvolve: z.array(text).exactOptional(),
  provenance: provenanceOf("description", "mayInvolve").exactOptional(),
});

/**
 * zod mirror of `benchmark.schema.json`.
 *
 * @example
 * ```ts
 * benchmarkSchema.safeParse(document).success;
 * ```
 */
export const benchmarkSchema = z.strictObject({
  kind: z.literal("benchmark"),
  schemaVersion,
  id: namespacedId,
  version: semver,
  title: shortText,
  publisher: shortText.exactOptional(),
  themeRef: frameworkItemRef.exactOptional(),
  standard: text,
  rationale: text.exactOptional(),
  coverage: z.array(text).exactOptional(),
  glossary: z.array(glossaryEntry).exactOptional(),
  defaultScale: namespacedId,
  sections: jsonArray(sectionSchema, 1),
  contextFactors: z.array(contextFactorSchema).exactOptional(),
  contributors: z.array(actor).exactOptional(),
  statistics: z.array(statistic).exactOptional(),
  provenance: provenanceOf("standard", "rationale", "coverage").exactOptional(),
  sources,
});
