import { defineProblems } from "./report";

/**
 * The problems a parser reports, with the codes `@cohesion/schema`'s `validate` uses for the same
 * faults, so a tool can switch between the two without changing how it reads a report.
 *
 * @example
 * ```ts
 * schemaProblem("missing_required_field", "/title", { field: "title", parent: "" }).message;
 * ```
 */
export const schemaProblem = defineProblems({
  not_an_object: {
    severity: "error",
    message: "The document must be a JSON object, but it is {actual}. Give an object with \"kind\" and \"schemaVersion\".",
  },
  missing_kind: {
    severity: "error",
    message: "The document has no \"kind\", so its schema is unknown. Add \"kind\" with one of: {allowed}.",
  },
  unknown_kind: {
    severity: "error",
    message: "\"kind\" is {actual}, which is not a Cohesion document kind. Use one of: {allowed}.",
  },
  unsupported_schema_version: {
    severity: "error",
    message: "\"schemaVersion\" is {actual}, but this version of Cohesion reads schema version 1.x. Migrate the document or use a matching release.",
  },
  too_deep: {
    severity: "error",
    message: "The document nests deeper than {maxDepth} levels at {pointer}. Flatten it; no Cohesion document needs that depth.",
  },
  invalid_input: {
    severity: "error",
    message: "The input could not be read as JSON data ({reason}). Pass plain JSON values.",
  },
  missing_required_field: {
    severity: "error",
    message: "{where} lacks the required field \"{field}\". Add it.",
  },
  unknown_field: {
    severity: "error",
    message: "{pointer}: \"{field}\" is not a field of this object. Remove it or check its spelling.",
  },
  invalid_type: {
    severity: "error",
    message: "{pointer} must be {expected}, but it is {actual}.",
  },
  invalid_value: {
    severity: "error",
    message: "{pointer} is {actual}, which is not allowed. Use one of: {allowed}.",
  },
  pattern_mismatch: {
    severity: "error",
    message: "{pointer} is {actual}, which does not match the pattern {pattern}.",
  },
  too_long: {
    severity: "error",
    message: "{pointer} is too long: shorten it to at most {maximum} characters.",
  },
  too_short: {
    severity: "error",
    message: "{pointer} is too short: give at least {minimum} character(s).",
  },
  too_few_items: {
    severity: "error",
    message: "{pointer} must hold at least {minimum} item(s). Add the missing ones.",
  },
  too_many_items: {
    severity: "error",
    message: "{pointer} may hold at most {maximum} items. Remove the extra items.",
  },
  too_few_properties: {
    severity: "error",
    message: "{pointer} must have at least {minimum} field. Fill one in or remove the object.",
  },
  out_of_range: {
    severity: "error",
    message: "{pointer} is {actual}, outside the allowed range {range}.",
  },
  invalid_format: {
    severity: "error",
    message: "{pointer} is {actual}, which is not a valid {format}.",
  },
});

/** Codes the parsers report; the same codes `@cohesion/schema`'s `validate` reports. */
export type SchemaProblemCode = Parameters<typeof schemaProblem>[0];
