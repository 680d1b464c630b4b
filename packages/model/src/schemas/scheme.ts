import * as z from "zod";
import {
  actor,
  benchmarkRef,
  countryCode,
  figure,
  frameworkItemRef,
  jsonArray,
  localId,
  money,
  namespacedId,
  partialDate,
  period,
  schemaVersion,
  shortText,
  sources,
  text,
} from "./defs";

/** The values of `schemeKind`, in the order of the schema. */
export const SCHEME_KINDS = ["participation", "mentoring", "action-plan"] as const;

// Fields every scheme kind shares; each variant below adds its own and stays closed, as the
// schema's `unevaluatedProperties: false` over the base and the matching `then` branch demands.
const base = {
  kind: z.literal("scheme"),
  schemaVersion,
  id: namespacedId,
  title: shortText,
  summary: text.exactOptional(),
  placeRef: namespacedId.exactOptional(),
  period: period.exactOptional(),
  status: z.enum(["planned", "running", "completed"]).exactOptional(),
  partners: z.array(actor).exactOptional(),
  practiceRefs: z.array(namespacedId).exactOptional(),
  sources,
};

const objective = z.strictObject({
  id: localId,
  title: shortText,
  description: text.exactOptional(),
});

const step = z.strictObject({
  id: localId,
  title: shortText,
  description: text.exactOptional(),
  timeline: period.exactOptional(),
  responsible: shortText.exactOptional(),
});

const city = z.strictObject({
  city: shortText,
  country: countryCode,
  placeRef: namespacedId.exactOptional(),
  organisation: shortText.exactOptional(),
});

const participationScheme = z.strictObject({
  ...base,
  schemeKind: z.literal("participation"),
  area: z.strictObject({
    name: shortText,
    description: text.exactOptional(),
    placeRef: namespacedId.exactOptional(),
  }),
  stakeholders: z.array(actor).exactOptional(),
  resources: z
    .array(z.strictObject({ description: text, budget: money.exactOptional() }))
    .exactOptional(),
  participationLevel: z.strictObject({ scale: namespacedId, level: localId }).exactOptional(),
  indicators: z.array(figure).exactOptional(),
  benchmark: benchmarkRef.exactOptional(),
});

const mentoringScheme = z.strictObject({
  ...base,
  schemeKind: z.literal("mentoring"),
  mentor: city,
  mentees: jsonArray(city, 1),
  benchmark: benchmarkRef.exactOptional(),
  phases: z
    .array(
      z.strictObject({
        id: localId,
        title: shortText,
        period: period.exactOptional(),
        description: text.exactOptional(),
        studyVisits: z
          .array(
            z.strictObject({
              host: shortText,
              date: partialDate.exactOptional(),
              description: text.exactOptional(),
            }),
          )
          .exactOptional(),
      }),
    )
    .exactOptional(),
  actionPlan: z
    .strictObject({
      objectives: z.array(objective).exactOptional(),
      steps: z.array(step).exactOptional(),
    })
    .exactOptional(),
});

const actionPlanScheme = z.strictObject({
  ...base,
  schemeKind: z.literal("action-plan"),
  aims: jsonArray(objective, 1),
  steps: z.array(step).exactOptional(),
  challengesMet: z
    .array(z.strictObject({ challenge: frameworkItemRef, description: text.exactOptional() }))
    .exactOptional(),
  areas: z.array(frameworkItemRef).exactOptional(),
  outcomes: z.array(text).exactOptional(),
});

/**
 * zod mirror of `scheme.schema.json`: one closed object per `schemeKind`.
 *
 * @example
 * ```ts
 * schemeSchema.safeParse(document).success;
 * ```
 */
export const schemeSchema = z.discriminatedUnion("schemeKind", [participationScheme, mentoringScheme, actionPlanScheme]);

/**
 * What the schema checks when `schemeKind` is missing or unknown: the shared fields only, every other
 * field being unevaluated and so refused. Used to report such a scheme as JSON Schema would.
 *
 * @example
 * ```ts
 * schemeFallbackSchema.safeParse({ kind: "scheme", schemeKind: "festival" }).success; // false
 * ```
 */
export const schemeFallbackSchema = z.strictObject({ ...base, schemeKind: z.enum(SCHEME_KINDS) });
