import type * as z from "zod";
import { describePointer, describeValue, jsonTypeOf, listValues, previewValue, ucs2length, withArticle } from "@cohesion/schema";
import { didYouMean } from "./integrity/suggest";
import { joinPointer, schemaProblem, type ValidationProblem } from "./report";
import { declaredFieldsAt } from "./shape-at";

const SUPPORTED_SCHEMA_VERSION = "1.x";

const FORMAT_EXPECTATIONS: Record<string, string> = {
  date: 'a calendar date written YYYY-MM-DD that exists, for example "2024-03-15"',
  uri: 'an absolute URI such as "https://example.org/page"',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return { found: false, value: undefined };
    const key = typeof segment === "symbol" ? segment : String(segment);
    if (!Object.hasOwn(current, key)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

function toPointer(path: readonly PropertyKey[]): string {
  return joinPointer("", ...path.map((segment) => (typeof segment === "symbol" ? segment.toString() : String(segment))));
}

// Counted without spreading: a string of many megabytes must not become an array of characters.
function codePoints(text: string): number {
  return ucs2length(text);
}

function patternProblem(pointer: string, pattern: string, value: unknown, key: string | undefined, parent: string): ValidationProblem {
  if (key === undefined && pointer === "/schemaVersion") {
    return schemaProblem("unsupported_schema_version", pointer, { got: previewValue(value), supported: SUPPORTED_SCHEMA_VERSION });
  }
  return schemaProblem("pattern_mismatch", pointer, {
    subject: key !== undefined ? `the key ${previewValue(key)} in ${describePointer(parent)}` : describePointer(pointer),
    pattern,
    expectation: `text matching the pattern ${pattern}`,
    got: previewValue(key ?? value),
  });
}

function typeProblem(pointer: string, expected: string, value: unknown): ValidationProblem {
  return schemaProblem("invalid_type", pointer, {
    expected: withArticle(expected),
    expectedTypes: [expected],
    actualType: jsonTypeOf(value),
    got: describeValue(value),
  });
}

// Checks written out in ./schemas/defs (integers, property names, minProperties) say which code they mean.
function customProblem(issue: z.core.$ZodIssueCustom, path: readonly PropertyKey[], value: unknown): ValidationProblem {
  const params = (issue.params ?? {}) as Record<string, unknown>;
  const pointer = toPointer(path);
  switch (params["code"]) {
    case "invalid_type":
      return typeProblem(pointer, String(params["expected"]), value);
    case "pattern_mismatch":
      return patternProblem(pointer, String(params["pattern"]), value, String(params["propertyName"]), toPointer(path.slice(0, -1)));
    case "too_long": {
      const key = String(params["propertyName"]);
      return schemaProblem("too_long", pointer, {
        subject: `the key ${previewValue(key)} in ${describePointer(toPointer(path.slice(0, -1)))}`,
        limit: params["maximum"],
        actual: codePoints(key),
      });
    }
    case "too_few_properties":
      return schemaProblem("too_few_properties", pointer, {
        limit: params["minimum"],
        actual: 0,
        fields: listValues((params["fields"] as unknown[] | undefined) ?? [], "or"),
      });
    case "duplicate_items":
      return schemaProblem("duplicate_items", pointer, { first: params["first"], second: params["second"] });
    default:
      return schemaProblem("schema_violation", pointer, { keyword: "custom", detail: issue.message });
  }
}

function sizeProblem(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, pointer: string, value: unknown): ValidationProblem {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === "string") {
    const actual = typeof value === "string" ? codePoints(value) : 0;
    return schemaProblem(big ? "too_long" : "too_short", pointer, { subject: describePointer(pointer), limit, actual });
  }
  if (issue.origin === "array") {
    const actual = Array.isArray(value) ? value.length : 0;
    return big
      ? schemaProblem("too_many_items", pointer, { limit, actual, extra: actual - limit })
      : schemaProblem("too_few_items", pointer, { limit, actual, missing: limit - actual });
  }
  return schemaProblem("out_of_range", pointer, { got: previewValue(value), comparison: big ? "at most" : "at least", limit });
}

function unknownField(pointer: string, field: string, allowed: readonly string[]): ValidationProblem {
  const near = didYouMean(field, allowed);
  if (near !== undefined) return schemaProblem("unknown_field", pointer, { field, hint: ` — did you mean "${near}"?`, suggestion: near });
  const hint =
    allowed.length === 0
      ? " — remove it or check its spelling"
      : ` — remove it or check its spelling; the fields allowed here are ${listValues(allowed, "and", 40)}`;
  return schemaProblem("unknown_field", pointer, { field, hint });
}

function nearValue(value: unknown, allowed: readonly unknown[]): { hint: string; suggestion?: string } {
  const strings = allowed.filter((candidate): candidate is string => typeof candidate === "string");
  const near = typeof value === "string" ? didYouMean(value, strings) : undefined;
  return near === undefined ? { hint: "" } : { hint: ` — did you mean "${near}"?`, suggestion: near };
}

/**
 * Turns zod's issues into report problems with `@cohesion/schema`'s codes, pointers and params: a
 * missing or unknown field is reported at the object that holds it (as ajv does), a bad
 * `schemaVersion` as `unsupported_schema_version`. `input` is the value parsed, so a missing field
 * can be told from one of the wrong type.
 *
 * @example
 * ```ts
 * const result = benchmarkSchema.safeParse(input);
 * if (!result.success) issuesToProblems(result.error.issues, input);
 * ```
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown, schema?: z.ZodType): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  // zod runs length checks even on a value of the wrong type; JSON Schema only checks the type.
  const wrongType = new Set(issues.filter((issue) => issue.code === "invalid_type").map((issue) => toPointer(issue.path)));
  for (const issue of issues) {
    const pointer = toPointer(issue.path);
    if (wrongType.has(pointer) && (issue.code === "too_big" || issue.code === "too_small" || issue.code === "invalid_format")) continue;
    const { found, value } = valueAt(input, issue.path);
    const field = issue.path.at(-1);
    // zod reports a missing key as a wrong value (invalid_type; invalid_value for an enum; a custom type check).
    const typeCheck =
      issue.code === "invalid_type" ||
      issue.code === "invalid_value" ||
      (issue.code === "custom" && (issue.params as Record<string, unknown> | undefined)?.["code"] === "invalid_type");
    if (!found && field !== undefined && typeCheck) {
      problems.push(schemaProblem("missing_required_field", toPointer(issue.path.slice(0, -1)), { field: String(field), hint: "" }));
      continue;
    }
    switch (issue.code) {
      case "invalid_type":
        problems.push(typeProblem(pointer, issue.expected === "nan" ? "number" : issue.expected, value));
        break;
      case "unrecognized_keys":
        for (const field of issue.keys) problems.push(unknownField(pointer, field, schema ? declaredFieldsAt(schema, issue.path, input) : []));
        break;
      case "invalid_value":
        // A JSON Schema enum is declared with `type: "string"`, which fails on its own for a
        // non-string; a const (zod's single-value literal) has no type of its own.
        if (issue.values.length > 1 && issue.values.every((allowed) => typeof allowed === "string") && typeof value !== "string") {
          problems.push(typeProblem(pointer, "string", value));
        }
        problems.push(
          schemaProblem("invalid_value", pointer, {
            allowedValues: issue.values,
            allowed: issue.values.length === 1 ? listValues(issue.values) : `one of ${listValues(issue.values)}`,
            got: describeValue(value),
            ...nearValue(value, issue.values),
          }),
        );
        break;
      case "invalid_format":
        if (issue.format === "regex") {
          // zod shows the pattern as a literal (/.../u); the report gives the JSON Schema source.
          const literal = issue.pattern ?? "";
          const source = (literal.startsWith("/") ? literal.slice(1, literal.lastIndexOf("/")) : literal).replace(/\\\//g, "/");
          problems.push(patternProblem(pointer, source, value, undefined, ""));
        } else {
          problems.push(
            schemaProblem("invalid_format", pointer, {
              format: issue.format,
              expectation: FORMAT_EXPECTATIONS[issue.format] ?? `in the "${issue.format}" format`,
              got: previewValue(value),
            }),
          );
        }
        break;
      case "too_big":
      case "too_small":
        problems.push(sizeProblem(issue, pointer, value));
        break;
      case "custom":
        problems.push(customProblem(issue, issue.path, value));
        break;
      default:
        problems.push(schemaProblem("schema_violation", pointer, { keyword: issue.code, detail: issue.message }));
    }
  }
  return problems;
}
