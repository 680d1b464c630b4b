import * as z from "zod";
import {
  actor,
  countryCode,
  figure,
  frameworkItemRef,
  keyFactorRef,
  link,
  money,
  namespacedId,
  percent,
  period,
  schemaVersion,
  shortText,
  sources,
  text,
  uniqueStrings,
} from "./defs";

const funding = z.strictObject({
  funder: shortText,
  amount: money.exactOptional(),
  share: percent.exactOptional(),
  note: text.exactOptional(),
});

/**
 * zod mirror of `practice.schema.json`.
 *
 * @example
 * ```ts
 * practiceSchema.safeParse(document).success;
 * ```
 */
export const practiceSchema = z.strictObject({
  kind: z.literal("practice"),
  schemaVersion,
  id: namespacedId,
  title: shortText,
  subtitle: shortText.exactOptional(),
  localTitle: shortText.exactOptional(),
  city: shortText.exactOptional(),
  country: countryCode,
  placeRef: namespacedId.exactOptional(),
  period: period.exactOptional(),
  summary: text,
  activities: z.array(text).exactOptional(),
  actors: z.array(actor).exactOptional(),
  budget: z.array(money).exactOptional(),
  funding: z.array(funding).exactOptional(),
  outcomes: z.array(figure).exactOptional(),
  keyFactors: uniqueStrings(keyFactorRef).exactOptional(),
  domains: uniqueStrings(frameworkItemRef).exactOptional(),
  links: z.array(link).exactOptional(),
  sources,
});
