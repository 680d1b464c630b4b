import * as z from "zod";
import { countryCode, jsonNumber, namespacedId, percent, qualifier, schemaVersion, shortText, sources, text, year } from "./defs";

const population = z.strictObject({
  value: jsonNumber({ integer: true, min: 0 }),
  year: year.exactOptional(),
  qualifier: qualifier.exactOptional(),
  note: text.exactOptional(),
});

const migrantShare = z.strictObject({
  measure: z.enum([
    "foreign-born",
    "foreign-nationals",
    "other-language-speakers",
    "minority-ethnic",
    "migrant-background",
    "third-country-nationals",
    "refugees",
    "migrants",
    "non-western-origin",
  ]),
  percent,
  year: year.exactOptional(),
  qualifier: qualifier.exactOptional(),
  scope: shortText.exactOptional(),
  definition: text,
});

/**
 * zod mirror of `place.schema.json`.
 *
 * @example
 * ```ts
 * placeSchema.safeParse(document).success;
 * ```
 */
export const placeSchema = z.strictObject({
  kind: z.literal("place"),
  schemaVersion,
  id: namespacedId,
  name: shortText,
  localName: shortText.exactOptional(),
  country: countryCode,
  region: shortText.exactOptional(),
  population: population.exactOptional(),
  metropolitanPopulation: population.exactOptional(),
  sizeBand: z.enum(["small", "medium", "large", "metropolitan"]).exactOptional(),
  migrantShares: z.array(migrantShare).exactOptional(),
  description: text.exactOptional(),
  sources,
});
