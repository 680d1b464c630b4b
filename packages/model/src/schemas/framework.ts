import * as z from "zod";
import {
  actor,
  deprecatedField,
  glossaryEntry,
  jsonArray,
  jsonString,
  localId,
  namespacedId,
  period,
  provenanceOf,
  schemaVersion,
  semver,
  shortText,
  sources,
  statistic,
  text,
  TITLE_PARTS_DEPRECATION,
  year,
  uniqueStrings,
} from "./defs";

/**
 * Output type of {@link frameworkItemSchema}: an item that may nest items of its own.
 *
 * @example
 * ```ts
 * const item: FrameworkItemShape = { id: "social", title: "Social", items: [{ id: "bridges", title: "Bridges" }] };
 * ```
 */
export interface FrameworkItemShape {
  id: string;
  title: string;
  titleParts?: string[];
  code?: string;
  itemType?:
    | "domain"
    | "area-of-intervention"
    | "theme"
    | "block"
    | "objective"
    | "factor"
    | "term"
    | "relationship"
    | "challenge"
    | "lesson"
    | "barrier"
    | "success-factor";
  description?: string;
  year?: number;
  effect?: "promotes" | "hinders" | "mixed";
  examples?: string[];
  benchmarkRefs?: string[];
  provenance?: { description?: "source" | "editorial"; examples?: "source" | "editorial" };
  items?: FrameworkItemShape[];
  sources?: z.output<typeof sources>;
}

/**
 * zod mirror of `framework.schema.json#/$defs/frameworkItem`.
 *
 * @example
 * ```ts
 * frameworkItemSchema.safeParse({ id: "bonds", title: "Social bonds" }).success; // true
 * ```
 */
export const frameworkItemSchema: z.ZodType<FrameworkItemShape> = z.strictObject({
  id: localId,
  title: shortText,
  titleParts: deprecatedField(jsonArray(shortText, 2).exactOptional(), TITLE_PARTS_DEPRECATION),
  code: jsonString({ max: 40 }).exactOptional(),
  itemType: z
    .enum([
      "domain",
      "area-of-intervention",
      "theme",
      "block",
      "objective",
      "factor",
      "term",
      "relationship",
      "challenge",
      "lesson",
      "barrier",
      "success-factor",
    ])
    .exactOptional(),
  description: text.exactOptional(),
  year: year.exactOptional(),
  effect: z.enum(["promotes", "hinders", "mixed"]).exactOptional(),
  examples: z.array(text).exactOptional(),
  benchmarkRefs: uniqueStrings(namespacedId).exactOptional(),
  provenance: provenanceOf("description", "examples").exactOptional(),
  get items() {
    return z.array(frameworkItemSchema).exactOptional();
  },
  sources: sources.exactOptional(),
});

const programme = z.strictObject({
  id: localId,
  name: shortText,
  acronym: jsonString({ max: 40 }).exactOptional(),
  period: period.exactOptional(),
  lead: actor.exactOptional(),
  partners: z.array(actor).exactOptional(),
  funding: text.exactOptional(),
  description: text.exactOptional(),
  outputs: z.array(text).exactOptional(),
  sources,
});

/**
 * zod mirror of `framework.schema.json`.
 *
 * @example
 * ```ts
 * frameworkSchema.safeParse(document).success;
 * ```
 */
export const frameworkSchema = z.strictObject({
  kind: z.literal("framework"),
  schemaVersion,
  id: namespacedId,
  title: shortText,
  frameworkType: z.enum([
    "domain-model",
    "areas-of-intervention",
    "toolkit-series",
    "checklist",
    "key-terms",
    "factors",
    "typology",
  ]),
  description: text.exactOptional(),
  version: semver.exactOptional(),
  items: jsonArray(frameworkItemSchema, 1),
  glossary: z.array(glossaryEntry).exactOptional(),
  programmes: z.array(programme).exactOptional(),
  statistics: z.array(statistic).exactOptional(),
  sources,
});
