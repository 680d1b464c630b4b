import type * as z from "zod";
import { joinPointer, type ValidationProblem } from "./report";
import { schemaProblem, type SchemaProblemCode } from "./schema-problems";

/**
 * Names a JSON value's type the way a person reads a report: "a string", "null", "an array"...
 *
 * @example
 * ```ts
 * describeType([1]); // "an array"
 * ```
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Shows a value inside a message, cut short so a long text does not drown the report.
 *
 * @example
 * ```ts
 * showValue("Aarhus"); // "\"Aarhus\""
 * ```
 */
export function showValue(value: unknown): string {
  let shown: string;
  try {
    shown = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = describeType(value);
  }
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

const EXPECTED_NAMES: Record<string, string> = {
  object: "an object",
  array: "an array",
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "null",
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

function problemFromCustom(issue: z.core.$ZodIssueCustom, pointer: string, value: unknown): ValidationProblem {
  const params = (issue.params ?? {}) as Record<string, unknown>;
  const code = typeof params["code"] === "string" ? (params["code"] as SchemaProblemCode) : "invalid_value";
  const { code: _code, ...rest } = params;
  if (code === "invalid_type") {
    const expected = String(rest["expected"] ?? "another type");
    return schemaProblem("invalid_type", pointer, {
      expected: EXPECTED_NAMES[expected] ?? expected,
      actual: describeType(value),
    });
  }
  if (code === "pattern_mismatch") {
    return schemaProblem("pattern_mismatch", pointer, { ...rest, actual: showValue(rest["propertyName"] ?? value) });
  }
  if (code === "too_long") return schemaProblem("too_long", pointer, rest);
  if (code === "too_few_properties") return schemaProblem("too_few_properties", pointer, rest);
  return schemaProblem("invalid_value", pointer, { ...rest, actual: showValue(value), allowed: rest["allowed"] ?? [] });
}

/**
 * Turns zod's issues into report problems with `@cohesion/schema`'s codes and RFC 6901 pointers.
 * `input` is the value that was parsed, so a missing field can be told from a field of the wrong type.
 *
 * @example
 * ```ts
 * const result = benchmarkSchema.safeParse(input);
 * if (!result.success) issuesToProblems(result.error.issues, input);
 * ```
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const issue of issues) {
    const pointer = toPointer(issue.path);
    const { found, value } = valueAt(input, issue.path);
    switch (issue.code) {
      case "invalid_type": {
        const parent = toPointer(issue.path.slice(0, -1));
        const field = issue.path.at(-1);
        if (!found && field !== undefined) {
          problems.push(
            schemaProblem("missing_required_field", pointer, {
              field: String(field),
              parent,
              where: parent === "" ? "The document" : `The object at ${parent}`,
            }),
          );
        } else if (issue.path.length === 0 && issue.expected === "object") {
          problems.push(schemaProblem("not_an_object", "", { actual: describeType(value) }));
        } else {
          const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
          problems.push(schemaProblem("invalid_type", pointer, { expected, actual: describeType(value) }));
        }
        break;
      }
      case "unrecognized_keys":
        for (const key of issue.keys) {
          problems.push(schemaProblem("unknown_field", joinPointer(pointer, key), { field: key }));
        }
        break;
      case "invalid_value":
        problems.push(
          schemaProblem("invalid_value", pointer, {
            actual: showValue(value),
            allowed: issue.values.map((allowed) => showValue(allowed)).join(", "),
            values: issue.values,
          }),
        );
        break;
      case "invalid_format":
        if (issue.format === "regex") {
          const pattern = issue.pattern ?? "";
          // zod shows the pattern as a literal (/.../u); the report gives the JSON Schema source.
          const literal = pattern.startsWith("/") ? pattern.slice(1, pattern.lastIndexOf("/")) : pattern;
          const source = literal.replace(/\\\//g, "/");
          problems.push(schemaProblem("pattern_mismatch", pointer, { actual: showValue(value), pattern: source }));
        } else {
          problems.push(schemaProblem("invalid_format", pointer, { actual: showValue(value), format: issue.format }));
        }
        break;
      case "too_big":
      case "too_small": {
        const big = issue.code === "too_big";
        const limit = Number(big ? issue.maximum : issue.minimum);
        if (issue.origin === "string") {
          problems.push(big ? schemaProblem("too_long", pointer, { maximum: limit }) : schemaProblem("too_short", pointer, { minimum: limit }));
        } else if (issue.origin === "array" || issue.origin === "set") {
          problems.push(
            big ? schemaProblem("too_many_items", pointer, { maximum: limit }) : schemaProblem("too_few_items", pointer, { minimum: limit }),
          );
        } else {
          problems.push(
            schemaProblem("out_of_range", pointer, {
              actual: showValue(value),
              range: big ? `at most ${limit}` : `at least ${limit}`,
              ...(big ? { maximum: limit } : { minimum: limit }),
            }),
          );
        }
        break;
      }
      case "custom":
        problems.push(problemFromCustom(issue, pointer, value));
        break;
      default:
        problems.push(schemaProblem("invalid_value", pointer, { actual: showValue(value), allowed: "a value the schema allows" }));
    }
  }
  return problems;
}
