import * as z from "zod";
import { jsonString, localId, namespacedId, schemaVersion, shortText, text } from "./defs";

const path = jsonString({ min: 1, max: 500 });

/**
 * zod mirror of `plugin-manifest.schema.json`.
 *
 * @example
 * ```ts
 * pluginManifestSchema.safeParse(packageJson.cohesion).success;
 * ```
 */
export const pluginManifestSchema = z.strictObject({
  kind: z.literal("plugin-manifest"),
  schemaVersion,
  id: localId,
  manifestVersion: z.literal(1),
  displayName: shortText.exactOptional(),
  description: text.exactOptional(),
  engines: z.strictObject({ cohesion: jsonString({ min: 1, max: 200 }) }),
  main: path.exactOptional(),
  contributes: z.strictObject({
    frameworks: z.array(path).exactOptional(),
    scales: z.array(path).exactOptional(),
    benchmarks: z.array(path).exactOptional(),
    practices: z.array(path).exactOptional(),
    places: z.array(path).exactOptional(),
    schemes: z.array(path).exactOptional(),
    assessments: z.array(path).exactOptional(),
    scoringModels: z
      .array(z.strictObject({ id: namespacedId, title: shortText, description: text.exactOptional() }))
      .exactOptional(),
    adapters: z
      .array(
        z.strictObject({
          id: namespacedId,
          title: shortText,
          format: shortText,
          direction: z.enum(["import", "export", "both"]),
        }),
      )
      .exactOptional(),
    schemaExtensions: z
      .array(
        z.strictObject({
          kind: z.enum(["framework", "scale", "benchmark", "practice", "place", "scheme", "assessment"]),
          patch: path,
          schemaVersions: jsonString({ min: 1, max: 100 }).exactOptional(),
        }),
      )
      .exactOptional(),
  }),
});
