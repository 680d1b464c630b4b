import type { ValidationProblem } from "@cohesion/schema";
import { joinPointer, truncate } from "@cohesion/schema";
import { roundScore } from "./exact";
import { engineProblem } from "../problems";

/**
 * A band of scores with a label; a score belongs to the last band whose `min` it reaches.
 *
 * @example
 * ```ts
 * const band: Band = { id: "advanced", label: "Advanced", min: 75 };
 * ```
 */
export interface Band {
  readonly id: string;
  readonly label: string;
  readonly min: number;
}

/**
 * The default bands of the built-in models: 0–24 Starting, 25–49 Developing, 50–74 Established, 75–100 Advanced.
 *
 * @example
 * ```ts
 * DEFAULT_BANDS.map((b) => b.label); // ["Starting", "Developing", "Established", "Advanced"]
 * ```
 */
export const DEFAULT_BANDS: readonly Band[] = [
  { id: "starting", label: "Starting", min: 0 },
  { id: "developing", label: "Developing", min: 25 },
  { id: "established", label: "Established", min: 50 },
  { id: "advanced", label: "Advanced", min: 75 },
];

/** A problem with a parameter value: where (keys and indices from the parameters object) and what is wrong. */
export interface ParameterIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * What a scoring model's `parameters` must be: anything with a zod-style `safeParse` that fills defaults
 * and rejects bad values. The built-in models use Cohesion's own parameter specs (`parameterObject`,
 * `numberParameter`, `bandsSchema`: small, no dependency); a third-party model may just as well pass a
 * zod schema (classic or mini) or any object of this shape.
 *
 * @example
 * ```ts
 * const mine: ParameterSchema<{ depth: number }> = parameterObject({ depth: numberParameter({ min: 1, max: 9, default: 3 }) });
 * ```
 */
export interface ParameterSchema<P> {
  safeParse(input: unknown):
    | { readonly success: true; readonly data: P }
    | { readonly success: false; readonly error: { readonly issues: readonly ParameterIssue[] } };
}

/**
 * The parameter values a schema yields (defaults filled in).
 *
 * @example
 * ```ts
 * type P = ParametersOf<typeof thresholdParameters>; // { threshold: number; coverageThreshold: number; parentAnswerWeight: number }
 * ```
 */
export type ParametersOf<S> = S extends ParameterSchema<infer P> ? P : never;

/**
 * A parameter spec made by `parameterObject`, `numberParameter` or `bandsSchema`: it parses (filling
 * defaults), describes itself as JSON Schema draft 2020-12 (`jsonSchema`, as `describeModel` shows it),
 * and implements Standard Schema (`~standard`, with `jsonSchema.input`/`output`) for tools that speak it.
 * Specs compose: a `parameterObject` takes other specs as its fields.
 *
 * @example
 * ```ts
 * coverageThresholdSchema.parse(undefined); // 0.5
 * ```
 */
export interface ParameterSpec<T> extends ParameterSchema<T> {
  parse(input: unknown): T;
  /** The accepted input as JSON Schema draft 2020-12 (fields with a default are optional). */
  readonly jsonSchema: Readonly<Record<string, unknown>>;
  /** Reads a value at `path`, adding what is wrong to `issues`; used by enclosing specs. */
  read(value: unknown, path: readonly PropertyKey[], issues: ParameterIssue[]): T;
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "cohesion";
    validate(value: unknown): { readonly value: T; readonly issues?: undefined } | { readonly issues: readonly ParameterIssue[] };
    readonly jsonSchema: {
      input(options: { readonly target: string }): Record<string, unknown>;
      output(options: { readonly target: string }): Record<string, unknown>;
    };
  };
}

const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

function parameterSpec<T>(
  jsonSchema: Record<string, unknown>,
  read: (value: unknown, path: readonly PropertyKey[], issues: ParameterIssue[]) => T,
): ParameterSpec<T> {
  const safeParse = (input: unknown) => {
    const issues: ParameterIssue[] = [];
    const data = read(input, [], issues);
    return issues.length === 0 ? ({ success: true, data } as const) : ({ success: false, error: { issues } } as const);
  };
  const toJsonSchema = (options: { readonly target: string }): Record<string, unknown> => {
    if (options.target !== "draft-2020-12") throw new Error(`parameter specs describe themselves in JSON Schema draft-2020-12, not ${options.target}`);
    return { $schema: JSON_SCHEMA_DIALECT, ...structuredClone(jsonSchema) };
  };
  return {
    jsonSchema,
    read,
    safeParse,
    parse(input) {
      const parsed = safeParse(input);
      if (parsed.success) return parsed.data;
      throw new TypeError(parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; "));
    },
    "~standard": {
      version: 1,
      vendor: "cohesion",
      validate(value) {
        const parsed = safeParse(value);
        return parsed.success ? { value: parsed.data } : { issues: parsed.error.issues };
      },
      jsonSchema: { input: toJsonSchema, output: toJsonSchema },
    },
  };
}

function describeGot(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(truncate(value, 41));
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * A number parameter between `min` and `max` (inclusive), with a default used when it is not given.
 *
 * @example
 * ```ts
 * numberParameter({ min: 0, max: 100, default: 50 }).parse(undefined); // 50
 * ```
 */
export function numberParameter(options: { readonly min: number; readonly max: number; readonly default?: number }): ParameterSpec<number> {
  const { min, max } = options;
  const fallback = options.default;
  const json: Record<string, unknown> = { ...(fallback !== undefined ? { default: fallback } : {}), type: "number", minimum: min, maximum: max };
  return parameterSpec(json, (value, path, issues) => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push({ path, message: `expected a number from ${min} to ${max}, got ${value === undefined ? "nothing" : describeGot(value)}` });
    } else if (value < min || value > max) {
      issues.push({ path, message: `must be from ${min} to ${max}, got ${value}` });
    }
    return value as number;
  });
}

/**
 * An object of named parameters; a field it does not name is refused, so a typo is not silently ignored.
 * The fields are specs themselves; a field with a default may be left out.
 *
 * @example
 * ```ts
 * const spec = parameterObject({ threshold: numberParameter({ min: 0, max: 100, default: 50 }) });
 * spec.parse({}); // { threshold: 50 }
 * ```
 */
export function parameterObject<F extends Record<string, ParameterSpec<unknown>>>(
  fields: F,
): ParameterSpec<{ -readonly [K in keyof F]: F[K] extends ParameterSpec<infer T> ? T : never }> {
  type Out = { -readonly [K in keyof F]: F[K] extends ParameterSpec<infer T> ? T : never };
  const names = Object.keys(fields);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const name of names) {
    const field = (fields as Record<string, ParameterSpec<unknown>>)[name] as ParameterSpec<unknown>;
    properties[name] = field.jsonSchema;
    if (!("default" in field.jsonSchema)) required.push(name);
  }
  const json = { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  return parameterSpec(json, (value, path, issues) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push({ path, message: `expected an object, got ${describeGot(value)}` });
      return value as Out;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const field = (fields as Record<string, ParameterSpec<unknown>>)[name] as ParameterSpec<unknown>;
      out[name] = field.read(Object.hasOwn(input, name) ? input[name] : undefined, [...path, name], issues);
    }
    const unknown = Object.keys(input).filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0) {
      issues.push({ path, message: `unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; use ${names.map((k) => JSON.stringify(k)).join(", ")}` });
    }
    return out as Out;
  });
}

const BAND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parameter spec for a list of bands: the first starts at 0, `min` strictly increases, ids are unique
 * kebab-case, labels 1–500 characters. Defaults to a copy of `DEFAULT_BANDS` when not given.
 * Third-party models can reuse it in their own `parameterObject`.
 *
 * @example
 * ```ts
 * bandsSchema.safeParse([{ id: "low", label: "Low", min: 0 }, { id: "high", label: "High", min: 60 }]).success; // true
 * ```
 */
export const bandsSchema: ParameterSpec<Band[]> = /* @__PURE__ */ parameterSpec(
  {
    default: DEFAULT_BANDS,
    minItems: 1,
    type: "array",
    items: {
      type: "object",
      properties: {
        id: { type: "string", pattern: BAND_ID.source },
        label: { type: "string", minLength: 1, maxLength: 500 },
        min: { type: "number", minimum: 0, maximum: 100 },
      },
      required: ["id", "label", "min"],
      additionalProperties: false,
    },
  },
  (value, path, issues) => {
    if (value === undefined) return DEFAULT_BANDS.map((b) => ({ ...b }));
    if (!Array.isArray(value)) {
      issues.push({ path, message: `expected a list of bands, got ${describeGot(value)}` });
      return value as Band[];
    }
    if (value.length === 0) issues.push({ path, message: "at least one band is needed" });
    const before = issues.length;
    const bands = value.map((band: unknown, index): Band => {
      const at = [...path, index];
      if (typeof band !== "object" || band === null || Array.isArray(band)) {
        issues.push({ path: at, message: `expected a band { id, label, min }, got ${describeGot(band)}` });
        return band as Band;
      }
      const b = band as Record<string, unknown>;
      const { id, label, min } = b;
      if (typeof id !== "string" || !BAND_ID.test(id)) issues.push({ path: [...at, "id"], message: `expected a kebab-case id such as "established", got ${id === undefined ? "nothing" : describeGot(id)}` });
      if (typeof label !== "string" || label.length < 1 || label.length > 500) issues.push({ path: [...at, "label"], message: "expected a label of 1 to 500 characters" });
      if (typeof min !== "number" || !Number.isFinite(min) || min < 0 || min > 100) issues.push({ path: [...at, "min"], message: `expected a number from 0 to 100, got ${min === undefined ? "nothing" : describeGot(min)}` });
      const extra = Object.keys(b).filter((key) => key !== "id" && key !== "label" && key !== "min");
      if (extra.length > 0) issues.push({ path: at, message: `unknown band field${extra.length > 1 ? "s" : ""} ${extra.map((k) => JSON.stringify(k)).join(", ")}; a band has id, label and min` });
      return { id, label, min } as Band;
    });
    if (issues.length > before) return bands;
    const ids = new Set<string>();
    bands.forEach((band, index) => {
      if (index === 0 && band.min !== 0) issues.push({ path: [...path, 0, "min"], message: "the first band must start at 0 so every score has a band" });
      if (ids.has(band.id)) issues.push({ path: [...path, index, "id"], message: `band id "${band.id}" is used twice` });
      ids.add(band.id);
      const previous = bands[index - 1];
      if (previous !== undefined && !(band.min > previous.min)) issues.push({ path: [...path, index, "min"], message: "band minimums must increase from one band to the next" });
    });
    return bands;
  },
);

/**
 * Parameter spec for the coverage threshold: below it a node is "insufficient-evidence". Default 0.5.
 *
 * @example
 * ```ts
 * coverageThresholdSchema.parse(undefined); // 0.5
 * ```
 */
export const coverageThresholdSchema: ParameterSpec<number> = /* @__PURE__ */ numberParameter({ min: 0, max: 1, default: 0.5 });

/**
 * Reads the band a score falls in: the last band whose lower bound, rounded to SCORE_DECIMALS, the
 * score (rounded likewise) reaches.
 *
 * @example
 * ```ts
 * bandFor(DEFAULT_BANDS, 60); // { id: "established", label: "Established", min: 50 }
 * ```
 */
export function bandFor(bands: readonly Band[], value: number): Band | undefined {
  const score = roundScore(value);
  let found: Band | undefined;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    if (score >= roundScore(band.min)) found = band;
    else break;
  }
  return found;
}

/**
 * Validates a model's parameters with its parameter schema (a Cohesion spec or zod), filling defaults. Bad parameters come back as
 * `invalid_parameters` problems pointing at the parameter (`/coverageThreshold`, `/bands/1/min`).
 *
 * @example
 * ```ts
 * const { value, problems } = parseParameters(weightedMean.parameters, { coverageThreshold: 2 }, "cohesion.weighted-mean");
 * problems[0]?.pointer; // "/coverageThreshold"
 * ```
 */
export function parseParameters<P>(
  schema: ParameterSchema<P>,
  input: unknown,
  modelId: string,
): { value: P | undefined; problems: ValidationProblem[] } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { value: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) =>
    engineProblem("invalid_parameters", joinPointer("", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))), {
      model: modelId,
      detail: issue.message,
    }),
  );
  return { value: undefined, problems };
}
