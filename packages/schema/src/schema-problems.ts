import { defineProblems, type ProblemDefinition } from "./problems";

// The codes of checking a document against its kind's schema: all a page that validates a kind
// with validate<Kind>() carries.
const DOCUMENT_PROBLEMS = {
  not_an_object: {
    severity: "error",
    message: "the document must be a JSON object with a \"kind\", but it is {got}; wrap the data in an object such as {\"kind\": \"benchmark\", ...}",
  },
  unsupported_schema_version: {
    severity: "error",
    message: "schemaVersion {got} at {pointer} is not supported ({reason}): this package reads schema versions {supported}, the latest being {latest}; {fix}",
  },
  too_deep: {
    severity: "error",
    message: "the document nests deeper than {limit} levels at {pointer} (or refers to itself); no Cohesion document is that deep, so flatten or fix it",
  },
  missing_required_field: {
    severity: "error",
    message: "missing required field \"{field}\" at {pointer} — add it{hint}",
  },
  unknown_field: {
    severity: "error",
    message: "unknown field \"{field}\" at {pointer}{hint}",
  },
  invalid_type: {
    severity: "error",
    message: "{pointer} must be {expected}, but it is {got}; change its value",
  },
  invalid_value: {
    severity: "error",
    message: "{pointer} must be {allowed}, but it is {got}{hint}",
  },
  pattern_mismatch: {
    severity: "error",
    message: "{subject} must be {expectation}, but it is {got}",
  },
  too_long: {
    severity: "error",
    message: "{subject} is {actual} characters long, more than the {limit} allowed; shorten it",
  },
  too_short: {
    severity: "error",
    message: "{subject} has {actual} characters but needs at least {limit}; fill it in, or leave the field out if it is optional",
  },
  too_few_items: {
    severity: "error",
    message: "{pointer} has {actual} items but needs at least {limit}; add {missing} more",
  },
  too_many_items: {
    severity: "error",
    message: "{pointer} has {actual} items but allows at most {limit}; remove {extra}",
  },
  too_few_properties: {
    severity: "error",
    message: "{pointer} is empty; give at least {limit} of its fields ({fields}) or leave it out",
  },
  too_many_properties: {
    severity: "error",
    message: "{pointer} has {actual} fields but allows at most {limit}; remove {extra}",
  },
  out_of_range: {
    severity: "error",
    message: "{pointer} is {got}, but it must be {comparison} {limit}",
  },
  invalid_format: {
    severity: "error",
    message: "{pointer} must be {expectation}, but it is {got}",
  },
  duplicate_items: {
    severity: "error",
    message: "{pointer} lists the same value at positions {first} and {second}; remove one of them",
  },
  deprecated_field: {
    severity: "warning",
    message: "field \"{field}\" at {pointer} is deprecated{sinceText} and will go in a future major version{hint}",
  },
  schema_violation: {
    severity: "error",
    message: "{pointer} does not match the schema ({keyword}: {detail})",
  },
  internal_error: {
    severity: "error",
    message: "the document could not be read or checked ({detail}); pass plain JSON data, or report this",
  },
} as const satisfies Record<string, ProblemDefinition>;

/**
 * The factory of the codes of checking a document against its kind's schema: the problems
 * {@link schemaProblem} makes for the same codes.
 *
 * @example
 * documentProblem("too_deep", "/a/b", { limit: 100 });
 */
export const documentProblem = /* @__PURE__ */ defineProblems(DOCUMENT_PROBLEMS);

// The codes of validate(), which reads the kind of a document before checking it.
const KIND_PROBLEMS = {
  missing_kind: {
    severity: "error",
    message: "the document has no \"kind\", so it cannot be checked; add \"kind\" with one of {kinds}",
  },
  unknown_kind: {
    severity: "error",
    message: "\"kind\" at {pointer} is {got}, which is not a document kind{hint}",
  },
} as const satisfies Record<string, ProblemDefinition>;

/**
 * The problem codes of schema validation. Every message says what is wrong, where ({pointer}),
 * and how to fix it; the params carry the same facts for tools that build their own messages.
 *
 * @example
 * schemaProblem("missing_kind", "", { kinds: '"place", "practice"' });
 */
export const schemaProblem = /* @__PURE__ */ defineProblems(/* @__PURE__ */ Object.assign({}, KIND_PROBLEMS, DOCUMENT_PROBLEMS));

/** A problem code produced by schema validation. */
export type SchemaProblemCode = keyof typeof schemaProblem.definitions;
