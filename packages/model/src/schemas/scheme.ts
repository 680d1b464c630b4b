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
  uniqueStrings,
} from "./defs";

/**
 * The values of `schemeKind`, in the order of the schema.
 *
 * @example
 * ```ts
 * SCHEME_KINDS.includes("mentoring"); // true
 * ```
 */
export const SCHEME_KINDS = ["participation", "mentoring", "action-plan"] as const;

// Fields every scheme kind shares; each variant below adds its own and stays closed, as the
// schema's `unevaluatedProperties: false` over the base and the matching `then` branch demands.
const base = {
  kind: z.literal("scheme"),
  schemaVersion,
  id: namespacedId,
  title: shortText,
  subtitle: shortText.exactOptional(),
  summary: text.exactOptional(),
  placeRef: namespacedId.exactOptional(),
  period: period.exactOptional(),
  status: z.enum(["planned", "running", "completed"]).exactOptional(),
  partners: z.array(actor).exactOptional(),
  practiceRefs: uniqueStrings(namespacedId).exactOptional(),
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
  areas: uniqueStrings(frameworkItemRef).exactOptional(),
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
 * What the schema checks when `schemeKind` is missing: the shared fields only, every other field
 * being unevaluated and so refused.
 *
 * @example
 * ```ts
 * schemeFallbackSchema.safeParse({ kind: "scheme", area: { name: "Gellerup" } }).success; // false
 * ```
 */
export const schemeFallbackSchema = z.strictObject({ ...base, schemeKind: z.enum(SCHEME_KINDS) });

const variantFields = Object.fromEntries(
  [participationScheme, mentoringScheme, actionPlanScheme]
    .flatMap((variant) => Object.keys(variant.shape))
    .filter((field) => !(field in base) && field !== "schemeKind")
    .map((field) => [field, z.unknown().exactOptional()]),
);

/**
 * What the schema checks when `schemeKind` has a value it does not know: the shared fields, with the
 * fields of any variant let through unchecked. The bad `schemeKind` is the problem then; reporting
 * every variant field as unknown would only bury it (`@cohesion/schema` leaves them out too).
 *
 * @example
 * ```ts
 * schemeUnknownKindSchema.safeParse({ kind: "scheme", schemeKind: "festival" }).success; // false
 * ```
 */
export const schemeUnknownKindSchema = z.strictObject({ ...base, ...variantFields, schemeKind: z.enum(SCHEME_KINDS) });
