import type { ErrorObject } from "ajv";
import type { ValidationProblem } from "./generated/types";
import { FORMAT_EXPECTATIONS } from "./format-expectations";
import { describeValue, jsonTypeOf, listValues, previewValue, withArticle } from "./format-value";
import { describePointer, joinPointer } from "./pointer";
import { documentProblem } from "./schema-problems";
import { ucs2length } from "./validator-runtime";
import { nearestName } from "./suggest";
import { SCHEMA_VERSION, supportedSchemaVersions } from "./versions";

type SchemaNode = Record<string, unknown>;

/** @internal */
export function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @internal */
export function ownProperties(node: unknown): SchemaNode {
  return isNode(node) && isNode(node.properties) ? node.properties : {};
}

// The schema nodes errors point at are the validators' own constants: what is worked out of one is kept.
const declaredCache = new WeakMap<object, string[]>();
const hintCache = new WeakMap<object, Map<string, Hint>>();

/**
 * Property names a schema declares, including in if/then branches and other applicators.
 *
 * @internal
 */
export function declaredNames(node: unknown): string[] {
  if (!isNode(node)) return [];
  let names = declaredCache.get(node);
  if (names === undefined) declaredCache.set(node, (names = collectNames(node, new Set())));
  return names;
}

function collectNames(node: unknown, seen: Set<unknown>): string[] {
  if (!isNode(node) || seen.has(node)) return [];
  seen.add(node);
  const names = Object.keys(ownProperties(node));
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const members = node[key];
    if (Array.isArray(members)) for (const m of members) names.push(...collectNames(m, seen));
  }
  for (const key of ["then", "else"]) names.push(...collectNames(node[key], seen));
  return [...new Set(names)];
}

function descriptionOf(node: unknown): string | undefined {
  return isNode(node) && typeof node.description === "string" ? node.description : undefined;
}

// The descriptions quoted are the schemas' own, a bounded set: each is turned into a phrase once.
const phrases = new Map<string, string>();

/** Turns "A kebab-case id, unique ... level)." into "a kebab-case id, unique ... level)". */
function asPhrase(description: string): string {
  let phrase = phrases.get(description);
  if (phrase === undefined) {
    phrase = toPhrase(description);
    if (phrases.size >= 1024) phrases.clear();
    phrases.set(description, phrase);
  }
  return phrase;
}

function toPhrase(description: string): string {
  const trimmed = description.trim().replace(/\.$/, "");
  // Keep acronyms ("ISO 3166-1 ...") as written.
  if (/^[A-Z][A-Z0-9]/.test(trimmed)) return trimmed;
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** A hint for an unknown field and the name it suggests. @internal */
export interface Hint {
  readonly hint: string;
  readonly suggestion: string | undefined;
}

/**
 * What a hint says of a field that is not allowed where it stands but is declared elsewhere in the
 * object's schema (the unevaluatedProperties keyword), given by the mapping of that keyword.
 *
 * @internal
 */
export interface Elsewhere {
  readonly names: readonly string[];
  readonly explain: (field: string, parentSchema: unknown) => string;
  /** The hints worked out with these names counted, per schema node. */
  readonly cache: WeakMap<object, Map<string, Hint>>;
}

/** {@link unknownFieldHint} and the name it suggests, remembered per schema node for the last names asked about. */
function cachedHint(field: string, parentSchema: unknown, elsewhere: Elsewhere | undefined): Hint {
  if (!isNode(parentSchema)) return withSuggestion(unknownFieldHint(field, parentSchema, elsewhere));
  // Hints differ with whether the names declared elsewhere count (unevaluatedProperties) or not.
  const cache = elsewhere?.cache ?? hintCache;
  let hints = cache.get(parentSchema);
  if (hints === undefined) cache.set(parentSchema, (hints = new Map()));
  let hint = hints.get(field);
  if (hint === undefined) {
    hint = withSuggestion(unknownFieldHint(field, parentSchema, elsewhere));
    // A document with thousands of distinct unknown names must not grow the cache without end.
    if (hints.size >= 256) hints.clear();
    hints.set(field, hint);
  }
  return hint;
}

function withSuggestion(hint: string): Hint {
  return { hint, suggestion: /did you mean "(.*)"\?$/.exec(hint)?.[1] };
}

function unknownFieldHint(field: string, parentSchema: unknown, elsewhere: Elsewhere | undefined): string {
  const allowed = Object.keys(ownProperties(parentSchema));
  const candidates = [...new Set([...allowed, ...(elsewhere?.names ?? [])])];
  const near = nearestName(field, candidates);
  if (near !== undefined) return ` — did you mean "${near}"?`;
  if (elsewhere?.names.includes(field)) return elsewhere.explain(field, parentSchema);
  if (candidates.length === 0) return " — remove it: this object takes no fields";
  return ` — remove it or check its spelling; the fields allowed here are ${listValues(candidates, "and", 40)}`;
}

/**
 * The unknown_field problem of a field the schema at `pointer` does not allow.
 *
 * @internal
 */
export function unknownField(field: string, pointer: string, parentSchema: unknown, elsewhere?: Elsewhere): ValidationProblem {
  const { hint, suggestion } = cachedHint(field, parentSchema, elsewhere);
  return documentProblem("unknown_field", pointer, { field, hint, ...(suggestion !== undefined ? { suggestion } : {}) });
}

/** What the mapping of one error may read besides it: every error of the document. @internal */
export interface Context {
  readonly errors: readonly ErrorObject[];
}

/**
 * Maps the errors of the unevaluatedProperties keyword (an unknown field, or none when the field is
 * only unevaluated because another error failed its branch). A separate step, given only by the
 * validators whose schemas use that keyword, so a bundle of the other kinds leaves it out.
 *
 * @internal
 */
export type UnevaluatedMapping = (error: ErrorObject, pointer: string, ctx: Context) => ValidationProblem | undefined;

function mapOne(error: ErrorObject, ctx: Context, unevaluated: UnevaluatedMapping | undefined): ValidationProblem | undefined {
  const params = error.params as Record<string, unknown>;
  const base = error.instancePath;
  const data: unknown = error.data;
  const parentSchema: unknown = error.parentSchema;
  // Errors about an object's key (propertyNames) point at the key itself.
  const keyName = typeof error.propertyName === "string" ? error.propertyName : undefined;
  const pointer = keyName !== undefined ? joinPointer(base, keyName) : base;
  const subject = () => (keyName !== undefined ? `the key ${previewValue(keyName)} in ${describePointer(base)}` : describePointer(pointer));

  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      const about = descriptionOf(ownProperties(parentSchema)[field]);
      return documentProblem("missing_required_field", pointer, {
        field,
        hint: about ? ` (${asPhrase(about)})` : "",
      });
    }
    case "additionalProperties":
      return unknownField(String(params.additionalProperty), pointer, parentSchema);
    case "unevaluatedProperties":
      if (unevaluated) return unevaluated(error, pointer, ctx);
      break;
    case "type": {
      const expectedTypes = String(params.type).split(",");
      return documentProblem("invalid_type", pointer, {
        expected: expectedTypes.map(withArticle).join(" or "),
        expectedTypes,
        actualType: jsonTypeOf(data),
        got: describeValue(data),
      });
    }
    case "enum":
    case "const": {
      const allowedValues = error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const near = typeof data === "string" ? nearestName(data, allowedValues.filter((v): v is string => typeof v === "string")) : undefined;
      return documentProblem("invalid_value", pointer, {
        allowedValues,
        allowed: allowedValues.length === 1 ? listValues(allowedValues) : `one of ${listValues(allowedValues)}`,
        got: describeValue(data),
        hint: near !== undefined ? ` — did you mean "${near}"?` : "",
      });
    }
    case "pattern": {
      if (keyName === undefined && pointer === "/schemaVersion") {
        return documentProblem("unsupported_schema_version", pointer, {
          got: previewValue(data),
          version: data,
          supported: supportedSchemaVersions,
          latest: SCHEMA_VERSION,
          reason: `it is not a MAJOR.MINOR version this package reads`,
          fix: `write the version the document was written for, such as "${SCHEMA_VERSION}", or run \`cohesion migrate <file> --to ${SCHEMA_VERSION}\``,
        });
      }
      const about = descriptionOf(parentSchema);
      return documentProblem("pattern_mismatch", pointer, {
        subject: subject(),
        pattern: params.pattern,
        expectation: about ? asPhrase(about) : `text matching the pattern ${String(params.pattern)}`,
        got: previewValue(keyName ?? data),
      });
    }
    case "maxLength":
    case "minLength": {
      const text = keyName ?? (typeof data === "string" ? data : "");
      // Counted without spreading: a string of many megabytes must not become an array of characters.
      const actual = ucs2length(text);
      return documentProblem(error.keyword === "maxLength" ? "too_long" : "too_short", pointer, { subject: subject(), limit: params.limit, actual });
    }
    case "minItems":
    case "maxItems": {
      const actual = Array.isArray(data) ? data.length : 0;
      const limit = Number(params.limit);
      return error.keyword === "minItems"
        ? documentProblem("too_few_items", pointer, { limit, actual, missing: limit - actual })
        : documentProblem("too_many_items", pointer, { limit, actual, extra: actual - limit });
    }
    case "minProperties":
    case "maxProperties": {
      const actual = isNode(data) ? Object.keys(data).length : 0;
      const limit = Number(params.limit);
      return error.keyword === "minProperties"
        ? documentProblem("too_few_properties", pointer, { limit, actual, fields: listValues(declaredNames(parentSchema), "or") })
        : documentProblem("too_many_properties", pointer, { limit, actual, extra: actual - limit });
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const comparison = {
        minimum: "at least",
        maximum: "at most",
        exclusiveMinimum: "greater than",
        exclusiveMaximum: "less than",
      }[error.keyword];
      return documentProblem("out_of_range", pointer, { got: previewValue(data), comparison, limit: params.limit });
    }
    case "format": {
      const format = String(params.format);
      return documentProblem("invalid_format", pointer, {
        format,
        expectation: FORMAT_EXPECTATIONS[format] ?? `in the "${format}" format`,
        got: previewValue(data),
      });
    }
    case "uniqueItems":
      return documentProblem("duplicate_items", pointer, { first: params.j, second: params.i });
  }
  return documentProblem("schema_violation", pointer, { keyword: error.keyword, detail: error.message ?? "invalid" });
}

/**
 * Turns validator errors into Cohesion problems: stable codes, RFC 6901 pointers, messages that say
 * how to fix the data. The errors are ajv's verbose errors as the precompiled validators give them:
 * leaf errors only (no wrapper such as if/then, $ref or propertyNames), an error about an object's key
 * naming it in `propertyName` (runtime.ts brings ajv's own errors into that shape). Fields that are only
 * "unevaluated" because a sibling error failed their branch are left out, so only the real leaf
 * problems remain. Errors of unevaluatedProperties are mapped by `unevaluated` (see
 * ./unevaluated-errors.ts), which only validators of schemas using that keyword need.
 *
 * @example
 * mapAjvErrors(validate.collect(document), mapUnevaluated);
 */
export function mapAjvErrors(errors: readonly ErrorObject[], unevaluated?: UnevaluatedMapping): ValidationProblem[] {
  const ctx: Context = { errors };
  const problems: ValidationProblem[] = [];
  for (const error of errors) {
    const problem = mapOne(error, ctx, unevaluated);
    if (problem) problems.push(problem);
  }
  return problems;
}
