import * as z from "zod";
import { jsonArray, jsonNumber, localId, namespacedId, schemaVersion, shortText, sources, text } from "./defs";

const level = z.strictObject({
  id: localId,
  label: shortText,
  value: jsonNumber(),
  description: text.exactOptional(),
  group: localId.exactOptional(),
});

const group = z.strictObject({
  id: localId,
  label: shortText,
  description: text.exactOptional(),
});

/**
 * zod mirror of `scale.schema.json`. That level values increase is checked by `checkIntegrity`
 * (`scale_not_increasing`), as the schema cannot express it.
 *
 * @example
 * ```ts
 * scaleSchema.safeParse(MATURITY_SCALE).success; // true
 * ```
 */
export const scaleSchema = z.strictObject({
  kind: z.literal("scale"),
  schemaVersion,
  id: namespacedId,
  title: shortText,
  description: text.exactOptional(),
  levels: jsonArray(level, 2),
  groups: z.array(group).exactOptional(),
  sources: sources.exactOptional(),
});
