import * as z from "zod";
import { isDate, isUri } from "../formats";

/*
 * zod mirrors of `schemas/defs.schema.json`. Where zod and JSON Schema disagree on a detail (string
 * length in code points rather than UTF-16 units, "integer" meaning any whole number, formats as
 * ajv-formats checks them), the check is written out so both validators give the same verdict.
 */

/** Patterns copied from defs.schema.json; the `u` flag matches ajv's unicode regular expressions. */
export const PATTERNS = {
  schemaVersion: /^1\.(0|[1-9][0-9]*)$/u,
  localId: /^[a-z0-9]+(?:-[a-z0-9]+)*$/u,
  namespacedId: /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/u,
  keyFactorRef: /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+#[a-z0-9]+(?:-[a-z0-9]+)*$/u,
  semver: /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/u,
  countryCode: /^[A-Z]{2}$/u,
  partialDate: /^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$/u,
  currency: /^[A-Z]{3}$/u,
  answerLevel: /^(?:n\/a|[a-z0-9]+(?:-[a-z0-9]+)*)$/u,
  messageCode: /^[a-z]+(?:_[a-z]+)*$/u,
} as const;

/**
 * The JSON Schema rules each building block below was made with, so a test can hold every zod
 * schema to the keyword values of the JSON Schema it mirrors (rules inside refinements cannot be
 * read back from zod itself).
 */
export const JSON_RULES = new WeakMap<z.ZodType, Readonly<Record<string, unknown>>>();

function withRules<T extends z.ZodType>(schema: T, rules: Readonly<Record<string, unknown>>): T {
  JSON_RULES.set(schema, rules);
  return schema;
}

/** What a deprecated field's schema records: since when, what replaces it, how to move. */
export interface Deprecation {
  readonly since: string;
  readonly replacement?: string;
  readonly advice: string;
}

/**
 * Fields marked `deprecated: true` in the JSON Schemas, keyed by the zod schema of the field, so
 * parsers can warn about them as `@cohesion/schema` does (`deprecated_field`).
 */
export const DEPRECATED = new WeakMap<z.ZodType, Deprecation>();

/**
 * Marks a field's schema as deprecated. Pass the field's own (optional) schema instance, not a
 * shared building block.
 *
 * @example
 * ```ts
 * evidence: deprecatedField(text.exactOptional(), { since: "1.1", replacement: "evidenceLinks", advice: "..." }),
 * ```
 */
export function deprecatedField<T extends z.ZodType>(schema: T, deprecation: Deprecation): T {
  DEPRECATED.set(schema, deprecation);
  return schema;
}

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

interface StringRules {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly format?: "date" | "uri";
}

/**
 * A JSON Schema string: optional pattern, format and length bounds counted in code points.
 *
 * @example
 * ```ts
 * jsonString({ max: 40 }).safeParse("Theme C").success; // true
 * ```
 */
export function jsonString(rules: StringRules = {}): z.ZodString {
  let schema = z.string();
  if (rules.pattern) schema = schema.regex(rules.pattern);
  const { min, max, format } = rules;
  const recorded = { type: "string", minLength: min, maxLength: max, pattern: rules.pattern?.source.replace(/\\\//g, "/"), format };
  if (min === undefined && max === undefined && format === undefined) return withRules(schema, recorded);
  return withRules(schema.superRefine((value, ctx) => {
    if (min !== undefined || max !== undefined) {
      const length = codePointLength(value);
      if (min !== undefined && length < min) {
        ctx.addIssue({ code: "too_small", origin: "string", minimum: min, inclusive: true, input: value });
      }
      if (max !== undefined && length > max) {
        ctx.addIssue({ code: "too_big", origin: "string", maximum: max, inclusive: true, input: value });
      }
    }
    if (format === "date" && !isDate(value)) {
      ctx.addIssue({ code: "invalid_format", format: "date", input: value });
    }
    if (format === "uri" && !isUri(value)) {
      ctx.addIssue({ code: "invalid_format", format: "uri", input: value });
    }
  }), recorded);
}

interface NumberRules {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/**
 * A JSON Schema number or integer with inclusive bounds. "integer" accepts any whole number, as JSON
 * Schema does (zod's own `int()` would refuse numbers beyond the safe-integer range).
 *
 * @example
 * ```ts
 * jsonNumber({ integer: true, min: 1800, max: 2200 }).safeParse(2014).success; // true
 * ```
 */
export function jsonNumber(rules: NumberRules = {}): z.ZodNumber {
  const { min, max, integer } = rules;
  const recorded = { type: integer ? "integer" : "number", minimum: min, maximum: max };
  return withRules(z.number().superRefine((value, ctx) => {
    if (integer && !Number.isInteger(value)) {
      ctx.addIssue({ code: "custom", params: { code: "invalid_type", expected: "integer" }, input: value });
    }
    if (min !== undefined && value < min) {
      ctx.addIssue({ code: "too_small", origin: "number", minimum: min, inclusive: true, input: value });
    }
    if (max !== undefined && value > max) {
      ctx.addIssue({ code: "too_big", origin: "number", maximum: max, inclusive: true, input: value });
    }
  }), recorded);
}

/**
 * A JSON Schema array with `minItems`.
 *
 * @example
 * ```ts
 * jsonArray(z.string(), 1).safeParse([]).success; // false
 * ```
 */
export function jsonArray<T extends z.ZodType>(items: T, minItems?: number): z.ZodArray<T> {
  const schema = z.array(items);
  return withRules(minItems === undefined ? schema : schema.min(minItems), { type: "array", minItems });
}

// Deep equality of JSON values, as ajv's uniqueItems compares items.
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * A JSON Schema array with `uniqueItems`. Items are compared as given, even when some fail their
 * own schema, and the first repeat is named the way ajv finds it (scanning pairs from the end), so
 * both validators report the same two positions.
 *
 * @example
 * ```ts
 * uniqueStrings(namespacedId).safeParse(["a.b", "a.b"]).success; // false
 * ```
 */
export function uniqueStrings(items: z.ZodString): z.ZodArray<z.ZodString> {
  return withRules(z.array(items).superRefine(
    (list, ctx) => {
      for (let second = list.length - 1; second > 0; second -= 1) {
        for (let first = second - 1; first >= 0; first -= 1) {
          if (jsonEqual(list[second], list[first])) {
            ctx.addIssue({ code: "custom", params: { code: "duplicate_items", first, second }, input: list });
            return;
          }
        }
      }
    },
    { when: (payload) => Array.isArray(payload.value) },
  ), { type: "array", uniqueItems: true });
}

/**
 * A JSON Schema object with `propertyNames` (a local id) and `additionalProperties` (`values`). Keys
 * are checked here, not by `z.record`'s key schema, so each bad key is reported at its own pointer
 * with the same code a pattern or length failure gets elsewhere.
 *
 * @example
 * ```ts
 * localIdRecord(z.number()).safeParse({ "key-factor": 50 }).success; // true
 * ```
 */
export function localIdRecord<T extends z.ZodType>(values: T): z.ZodRecord<z.ZodString, T> {
  return withRules(z.record(z.string(), values).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!PATTERNS.localId.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          params: { code: "pattern_mismatch", pattern: PATTERNS.localId.source, propertyName: key },
          input: key,
        });
      }
      if (codePointLength(key) > 80) {
        ctx.addIssue({ code: "custom", path: [key], params: { code: "too_long", maximum: 80, propertyName: key }, input: key });
      }
    }
  }, { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) }), {
    type: "object",
    propertyNames: PATTERNS.localId.source,
  });
}

/**
 * A JSON Schema `{"type": "object"}` with no further rules: any plain object, kept as given.
 *
 * @example
 * ```ts
 * anyObject.safeParse({ threshold: 60 }).success; // true
 * ```
 */
export const anyObject = withRules(
  z.custom<{ [key: string]: unknown }>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    params: { code: "invalid_type", expected: "object" },
  }),
  { type: "object", anyObject: true },
);

export const schemaVersion = jsonString({ pattern: PATTERNS.schemaVersion });
export const localId = jsonString({ pattern: PATTERNS.localId, max: 80 });
export const namespacedId = jsonString({ pattern: PATTERNS.namespacedId, max: 160 });
export const keyFactorRef = jsonString({ pattern: PATTERNS.keyFactorRef, max: 240 });
export const frameworkItemRef = jsonString({ pattern: PATTERNS.keyFactorRef, max: 240 });
export const semver = jsonString({ pattern: PATTERNS.semver, max: 40 });
export const text = jsonString({ min: 1, max: 20000 });
export const shortText = jsonString({ min: 1, max: 500 });
export const countryCode = jsonString({ pattern: PATTERNS.countryCode });
export const year = jsonNumber({ integer: true, min: 1800, max: 2200 });
export const partialDate = jsonString({ pattern: PATTERNS.partialDate });
export const date = jsonString({ format: "date" });
export const uri = jsonString({ format: "uri", max: 2000 });
export const percent = jsonNumber({ min: 0, max: 100 });
export const score = jsonNumber({ min: 0, max: 100 });
export const weight = jsonNumber({ min: 0, max: 1000000 });
export const qualifier = z.enum(["exactly", "about", "over", "under", "nearly", "up-to", "at-least"]);
export const provenance = z.enum(["source", "editorial"]);

/**
 * A provenance map over the named prose fields of an object: each may be marked "source" or
 * "editorial", and no other key is allowed.
 *
 * @example
 * ```ts
 * provenanceOf("statement", "rationale").safeParse({ statement: "editorial" }).success; // true
 * ```
 */
export function provenanceOf<const K extends string>(...fields: K[]): z.ZodObject<{ [P in K]: z.ZodExactOptional<typeof provenance> }, z.core.$strict> {
  const shape = Object.fromEntries(fields.map((field) => [field, provenance.exactOptional()])) as { [P in K]: z.ZodExactOptional<typeof provenance> };
  return z.strictObject(shape);
}

/** The deprecation of `titleParts` (since 1.2), shared by the three places that have it. */
export const TITLE_PARTS_DEPRECATION: Deprecation = {
  since: "1.2",
  replacement: "title",
  advice: "give the whole title in title (`cohesion migrate` joins the parts)",
};

const periodFields = z.strictObject({
  start: partialDate.exactOptional(),
  end: partialDate.exactOptional(),
  ongoing: z.boolean().exactOptional(),
  duration: shortText.exactOptional(),
  note: text.exactOptional(),
});

// `minProperties` counts the keys given, unknown ones included, so it is checked before the
// closed object drops anything.
export const period = withRules(z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length < 1) {
      ctx.addIssue({
        code: "custom",
        params: { code: "too_few_properties", minimum: 1, fields: Object.keys(periodFields.shape) },
        input: value,
      });
    }
  })
  .pipe(periodFields), { minProperties: 1 });

export const source = z.strictObject({
  publication: shortText,
  authors: z.array(shortText).exactOptional(),
  publisher: shortText.exactOptional(),
  year,
  section: shortText,
  pages: jsonString({ max: 40 }).exactOptional(),
  url: uri.exactOptional(),
});

export const sources = jsonArray(source, 1);

export const link = z.strictObject({
  title: shortText,
  url: uri,
  date: partialDate.exactOptional(),
});

export const money = z.strictObject({
  amount: jsonNumber({ min: 0 }),
  currency: jsonString({ pattern: PATTERNS.currency }),
  per: z.enum(["total", "year", "month", "project", "person"]).exactOptional(),
  year: year.exactOptional(),
  qualifier: qualifier.exactOptional(),
  note: text.exactOptional(),
});

export const figure = z.strictObject({
  indicator: text,
  value: jsonNumber(),
  unit: shortText,
  year: year.exactOptional(),
  period: period.exactOptional(),
  qualifier: qualifier.exactOptional(),
  place: shortText.exactOptional(),
  note: text.exactOptional(),
});

export const statistic = z.strictObject({
  id: localId,
  statement: text,
  figures: jsonArray(figure, 1),
  citedSource: shortText.exactOptional(),
  sources,
});

export const actor = z.strictObject({
  name: shortText,
  role: text.exactOptional(),
  sector: z.enum(["public", "private", "civil-society", "community", "academic", "international", "funder"]).exactOptional(),
  country: countryCode.exactOptional(),
  placeRef: namespacedId.exactOptional(),
});

export const glossaryEntry = z.strictObject({
  term: shortText,
  definition: text,
  provenance: provenanceOf("definition").exactOptional(),
  sources: sources.exactOptional(),
});

export const benchmarkRef = z.strictObject({
  id: namespacedId,
  version: semver.exactOptional(),
});
