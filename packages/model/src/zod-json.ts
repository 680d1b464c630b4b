import { checkSchemaVersion, findTooDeep, isDate, isUri, jsonEqual, MAX_DEPTH, ucs2length } from "@cohesion/schema";
import * as z from "zod";

// zod building blocks with JSON Schema's meaning, for the schemas generated into ./generated/zod.ts.
// Each says what zod's own checks say differently: lengths in code points (zod counts UTF-16 units),
// "integer" as any whole number (zod's int() stops at the safe range), formats as @cohesion/schema
// checks them, and maps kept as given (zod's record copies into a fresh object, where a key named
// __proto__ would set the prototype instead of being kept).

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The string keywords of a JSON Schema node. */
export interface StringRules {
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly format?: "date" | "uri";
}

/**
 * A JSON Schema string: pattern, lengths counted in code points, format.
 *
 * @example
 * ```ts
 * jsonString({ maxLength: 2 }).safeParse("a😀").success; // true: two characters
 * ```
 */
export function jsonString(rules: StringRules): z.ZodString {
  const { pattern, minLength, maxLength, format } = rules;
  return z.string().superRefine((value, ctx) => {
    if (pattern !== undefined && !pattern.test(value)) {
      ctx.addIssue({ code: "invalid_format", format: "regex", pattern: pattern.source, input: value });
    }
    if (minLength !== undefined || maxLength !== undefined) {
      const length = ucs2length(value);
      if (minLength !== undefined && length < minLength) ctx.addIssue({ code: "too_small", origin: "string", minimum: minLength, inclusive: true, input: value });
      if (maxLength !== undefined && length > maxLength) ctx.addIssue({ code: "too_big", origin: "string", maximum: maxLength, inclusive: true, input: value });
    }
    if ((format === "date" && !isDate(value)) || (format === "uri" && !isUri(value))) {
      ctx.addIssue({ code: "invalid_format", format, input: value });
    }
  });
}

/** The number keywords of a JSON Schema node. */
export interface NumberRules {
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/**
 * A JSON Schema number or integer with its bounds.
 *
 * @example
 * ```ts
 * jsonNumber({ integer: true, minimum: 1800 }).safeParse(2014).success; // true
 * ```
 */
export function jsonNumber(rules: NumberRules): z.ZodNumber {
  const { integer, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = rules;
  return z.number().superRefine((value, ctx) => {
    if (integer === true && !Number.isInteger(value)) ctx.addIssue({ code: "invalid_type", expected: "int", input: value });
    if (minimum !== undefined && value < minimum) ctx.addIssue({ code: "too_small", origin: "number", minimum, inclusive: true, input: value });
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) ctx.addIssue({ code: "too_small", origin: "number", minimum: exclusiveMinimum, inclusive: false, input: value });
    if (maximum !== undefined && value > maximum) ctx.addIssue({ code: "too_big", origin: "number", maximum, inclusive: true, input: value });
    if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) ctx.addIssue({ code: "too_big", origin: "number", maximum: exclusiveMaximum, inclusive: false, input: value });
  });
}

/**
 * A JSON Schema `{ "type": "object" }` with no further rules: any plain object, kept as given.
 *
 * @example
 * ```ts
 * anyObject().safeParse({ threshold: 60 }).success; // true
 * ```
 */
export function anyObject(): z.ZodType<Record<string, unknown>> {
  return z.custom<Record<string, unknown>>(isPlainObject, { message: "Expected an object" });
}

/**
 * A JSON Schema map: every key passes `keys` (propertyNames) and every value passes `values`
 * (additionalProperties). The map is kept as given, every key included.
 *
 * @example
 * ```ts
 * jsonRecord(z.string().regex(/^[a-z]+$/), z.number()).safeParse({ a: 1 }).success; // true
 * ```
 */
export function jsonRecord<V extends z.ZodType>(keys: z.ZodType | undefined, values: V): z.ZodType<Record<string, z.output<V>>> {
  return z.custom<Record<string, z.output<V>>>(isPlainObject, { message: "Expected an object" }).superRefine((record, ctx) => {
    if (!isPlainObject(record)) return;
    for (const key of Object.keys(record)) {
      if (keys !== undefined && !keys.safeParse(key).success) {
        ctx.addIssue({ code: "custom", path: [key], message: `Property name ${JSON.stringify(key)} is not allowed`, input: key });
      }
      const result = values.safeParse(record[key]);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: [key, ...issue.path], message: issue.message, input: record[key] });
      }
    }
  });
}

/**
 * A JSON Schema array with `uniqueItems`: no two items deep-equal.
 *
 * @example
 * ```ts
 * uniqueItems(z.array(z.string())).safeParse(["a", "a"]).success; // false
 * ```
 */
export function uniqueItems<T extends z.ZodArray>(schema: T): T {
  return schema.superRefine((list, ctx) => {
    for (let second = list.length - 1; second > 0; second -= 1) {
      for (let first = second - 1; first >= 0; first -= 1) {
        if (jsonEqual(list[second], list[first])) {
          ctx.addIssue({ code: "custom", message: `Items ${first} and ${second} are equal`, input: list });
          return;
        }
      }
    }
  }) as T;
}

/**
 * An object with `minProperties` / `maxProperties`. Counted on the parsed object, whose keys are the
 * input's when it is valid (the objects generated are closed, so no key is dropped).
 *
 * @example
 * ```ts
 * propertyCount(z.strictObject({ a: z.number().exactOptional() }), { minProperties: 1 }).safeParse({}).success; // false
 * ```
 */
export function propertyCount<T extends z.ZodType>(schema: T, bounds: { readonly minProperties?: number; readonly maxProperties?: number }): T {
  const { minProperties, maxProperties } = bounds;
  return schema.refine(
    (value) => {
      const count = isPlainObject(value) ? Object.keys(value).length : 0;
      return (minProperties === undefined || count >= minProperties) && (maxProperties === undefined || count <= maxProperties);
    },
    { message: "Wrong number of properties" },
  ) as unknown as T;
}

/**
 * The base of an if/then switch, for a value of the switch property that no branch names: the
 * base alone decides, and a value some branch names is left to that branch.
 *
 * @example
 * ```ts
 * otherwise(z.strictObject({ schemeKind: z.string() }), "schemeKind", ["mentoring"]);
 * ```
 */
export function otherwise<T extends z.ZodType>(base: T, property: string, values: readonly unknown[]): T {
  return base.refine((value) => !(isPlainObject(value) && Object.hasOwn(value, property) && values.includes(value[property])), {
    message: `Handled by the branch of ${property}`,
  }) as unknown as T;
}

/**
 * What @cohesion/schema's validators check of every document beyond its schema, which no schema
 * keyword can say: a schema version this package reads, and nesting within `MAX_DEPTH`.
 *
 * @example
 * ```ts
 * documentRules(z.strictObject({ schemaVersion: z.string() })).safeParse({ schemaVersion: "9.0" }).success; // false
 * ```
 */
export function documentRules<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((document, ctx) => {
    const version = isPlainObject(document) ? checkSchemaVersion(document) : undefined;
    if (version !== undefined) ctx.addIssue({ code: "custom", path: ["schemaVersion"], message: version.message, input: document });
    if (findTooDeep(document, MAX_DEPTH) !== undefined) ctx.addIssue({ code: "custom", message: `Nested deeper than ${MAX_DEPTH} levels`, input: document });
  }) as unknown as T;
}
