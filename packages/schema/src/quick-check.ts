import type { ValidationReport } from "./generated/types";
import { QUICK_CHECK_SCHEMAS } from "./generated/quick-check-schemas";
import type { DocumentKind } from "./kinds";
import { splitPointer } from "./pointer";
import { ANNOTATION_KEYWORDS } from "./schemas";
import { resolveUri, splitFragment } from "./uri";
import { equal, ucs2length } from "./validator-runtime";
import { isDate, isUri } from "./formats";
import { checkSchemaVersion, SCHEMA_ID_HOST, SCHEMA_VERSION } from "./versions";

// A fast, conservative pre-check for documents scored in bulk (assessments, benchmarks, scales,
// places). It is compiled from the schemas as codegen reduces them to what decides validity
// (QUICK_CHECK_SCHEMAS, generated from the same files as the full validator), so it follows every
// schema change, and it
// only ever answers "surely valid, with no problem at all" or "not sure". Whatever it is not sure
// of (a keyword or format it does not know, a deprecated field, any error) goes to the full
// validator, so reports of invalid or unusual documents are exactly the full validator's.

type Check = (data: unknown, depth: number) => boolean;

const NEVER: Check = () => false;
const ALWAYS: Check = () => true;
// Nesting the quick check follows before it hands over (the full validator refuses beyond 100).
const MAX_QUICK_DEPTH = 64;

// Data the schema does not constrain must still be shallow enough for the full validator.
function shallow(data: unknown, depth: number): boolean {
  if (typeof data !== "object" || data === null) return true;
  if (depth > MAX_QUICK_DEPTH) return false;
  if (Array.isArray(data)) {
    for (const item of data) if (!shallow(item, depth + 1)) return false;
    return true;
  }
  for (const key in data) if (!shallow((data as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

// Keywords that say nothing about validity (ajv treats them as annotations).
const ANNOTATIONS = new Set<string>([
  "$schema",
  "$id",
  "$defs",
  "$comment",
  "title",
  "description",
  "examples",
  "default",
  "readOnly",
  "writeOnly",
  ...Object.keys(ANNOTATION_KEYWORDS),
]);

// Keywords the compiler below implements exactly as ajv does.
const KNOWN = new Set<string>([
  "type",
  "const",
  "enum",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "required",
  "properties",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "format",
  "$ref",
  "deprecated",
]);

type Node = Readonly<Record<string, unknown>>;

// A schema node, or data of JSON type "object".
function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}

function typeCheck(type: string): ((data: unknown) => boolean) | undefined {
  switch (type) {
    case "string":
      return (d) => typeof d === "string";
    case "number":
      return (d) => typeof d === "number" && Number.isFinite(d);
    case "integer":
      return (d) => typeof d === "number" && Number.isInteger(d);
    case "boolean":
      return (d) => typeof d === "boolean";
    case "null":
      return (d) => d === null;
    case "object":
      return isObject;
    case "array":
      return Array.isArray;
    default:
      return undefined;
  }
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

// Resolves a $ref against the base URI of the schema it stands in; undefined when it cannot (a
// percent-encoded fragment is left to the full validator).
function resolveRef(ref: string, base: string): { node: unknown; base: string } | undefined {
  const resolved = resolveUri(ref, base);
  if (resolved === undefined) return undefined;
  const { document, fragment } = splitFragment(resolved);
  if (fragment !== "" && (!fragment.startsWith("/") || fragment.includes("%"))) return undefined;
  let node: unknown = Object.hasOwn(QUICK_CHECK_SCHEMAS, document) ? QUICK_CHECK_SCHEMAS[document] : undefined;
  for (const key of splitPointer(fragment)) node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  return node === undefined ? undefined : { node, base: document };
}

// Every check passes. Two or three (most nodes) are called directly, not through a loop.
function allOf(checks: readonly Check[]): Check {
  const [a, b, c] = checks as [Check, Check, Check];
  switch (checks.length) {
    case 0:
      return ALWAYS;
    case 1:
      return a;
    case 2:
      return (d, depth) => a(d, depth) && b(d, depth);
    case 3:
      return (d, depth) => a(d, depth) && b(d, depth) && c(d, depth);
    default:
      return (d, depth) => {
        for (let i = 0; i < checks.length; i++) if (!(checks[i] as Check)(d, depth)) return false;
        return true;
      };
  }
}

class Compiler {
  private readonly compiled = new Map<unknown, Map<string, Check>>();

  /** `overrides`: schema nodes whose check the caller takes over. */
  constructor(private readonly overrides: ReadonlyMap<unknown, Check> = new Map()) {}

  compile(schema: unknown, base: string): Check {
    const override = this.overrides.get(schema);
    if (override) return override;
    if (schema === true) return shallow;
    if (!isObject(schema)) return NEVER;
    let byBase = this.compiled.get(schema);
    if (!byBase) this.compiled.set(schema, (byBase = new Map()));
    const found = byBase.get(base);
    if (found) return found;
    // Recursive schemas refer back to themselves: hand out a forwarder until the check is built.
    let built: Check = NEVER;
    const forward: Check = (data, depth) => built(data, depth);
    byBase.set(base, forward);
    built = this.build(schema, base);
    byBase.set(base, built);
    return built;
  }

  private build(node: Node, base: string): Check {
    for (const key of Object.keys(node)) if (!ANNOTATIONS.has(key) && !KNOWN.has(key)) return NEVER;
    if (node.deprecated === true) return NEVER; // the full validator warns about data found here
    if (typeof node.$id === "string" && node.$id !== base) return NEVER;
    const checks: Check[] = [];
    if (node.type !== undefined) {
      const types = (Array.isArray(node.type) ? node.type : [node.type]).map((t) => (typeof t === "string" ? typeCheck(t) : undefined));
      if (types.some((t) => t === undefined)) return NEVER;
      const all = types as ((d: unknown) => boolean)[];
      checks.push(all.length === 1 ? (all[0] as (d: unknown) => boolean) : (d) => all.some((t) => t(d)));
    }
    if (node.const !== undefined) {
      const value = node.const;
      if (!isPrimitive(value)) return NEVER;
      checks.push((d) => d === value);
    }
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum) || !node.enum.every(isPrimitive)) return NEVER;
      const values = new Set<unknown>(node.enum);
      checks.push((d) => values.has(d));
    }
    const strings = this.stringChecks(node);
    if (strings === undefined) return NEVER;
    if (strings.length > 0) {
      // Bulk documents repeat many strings (benchmark id, dates, methods): the last one passed is remembered.
      let last: string | undefined;
      const text = (d: string): boolean => {
        if (d === last) return true;
        for (let i = 0; i < strings.length; i++) if (!(strings[i] as (t: string) => boolean)(d)) return false;
        last = d;
        return true;
      };
      // A string-only node checks its type and its text in one call.
      if (node.type === "string" && checks.length === 1) checks[0] = (d) => typeof d === "string" && text(d);
      else checks.push((d) => typeof d !== "string" || text(d));
    }
    const numbers = this.numberChecks(node);
    if (numbers === undefined) return NEVER;
    if (numbers.length > 0) checks.push((d) => typeof d !== "number" || numbers.every((c) => c(d)));
    const object = this.objectCheck(node, base);
    if (object === undefined) return NEVER;
    if (object !== ALWAYS) checks.push((d, depth) => !isObject(d) || object(d, depth));
    const array = this.arrayCheck(node, base);
    if (array === undefined) return NEVER;
    if (array !== ALWAYS) checks.push((d, depth) => !Array.isArray(d) || array(d, depth));
    if (node.$ref !== undefined) {
      if (typeof node.$ref !== "string") return NEVER;
      const target = resolveRef(node.$ref, base);
      if (!target) return NEVER;
      checks.push(this.compile(target.node, target.base));
    } else if (object === ALWAYS || array === ALWAYS) {
      const objects = object === ALWAYS;
      const arrays = array === ALWAYS;
      checks.push((d, depth) => (Array.isArray(d) ? !arrays || shallow(d, depth) : !isObject(d) || !objects || shallow(d, depth)));
    }
    return allOf(checks);
  }

  private stringChecks(node: Node): ((text: string) => boolean)[] | undefined {
    const checks: ((text: string) => boolean)[] = [];
    if (node.pattern !== undefined) {
      if (typeof node.pattern !== "string") return undefined;
      let pattern: RegExp;
      try {
        pattern = new RegExp(node.pattern, "u");
      } catch {
        return undefined;
      }
      checks.push((t) => pattern.test(t));
    }
    if (node.maxLength !== undefined) {
      const max = node.maxLength;
      if (typeof max !== "number") return undefined;
      checks.push((t) => t.length <= max || ucs2length(t) <= max);
    }
    if (node.minLength !== undefined) {
      const min = node.minLength;
      if (typeof min !== "number") return undefined;
      checks.push((t) => t.length >= 2 * min || ucs2length(t) >= min);
    }
    if (node.format !== undefined) {
      if (node.format === "date") checks.push(isDate);
      else if (node.format === "uri") checks.push(isUri);
      else return undefined;
    }
    return checks;
  }

  private numberChecks(node: Node): ((value: number) => boolean)[] | undefined {
    const checks: ((value: number) => boolean)[] = [];
    const limit = (key: string, ok: (value: number, bound: number) => boolean): boolean => {
      const bound = node[key];
      if (bound === undefined) return true;
      if (typeof bound !== "number") return false;
      checks.push((v) => Number.isFinite(v) && ok(v, bound));
      return true;
    };
    const fine =
      limit("minimum", (v, b) => v >= b) &&
      limit("maximum", (v, b) => v <= b) &&
      limit("exclusiveMinimum", (v, b) => v > b) &&
      limit("exclusiveMaximum", (v, b) => v < b);
    return fine ? checks : undefined;
  }

  private objectCheck(node: Node, base: string): Check | undefined {
    const { required, properties, additionalProperties, propertyNames, minProperties, maxProperties } = node;
    if (required === undefined && properties === undefined && additionalProperties === undefined && propertyNames === undefined) {
      if (minProperties === undefined && maxProperties === undefined) return ALWAYS;
    }
    if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === "string"))) return undefined;
    if (properties !== undefined && !isObject(properties)) return undefined;
    if (minProperties !== undefined && typeof minProperties !== "number") return undefined;
    if (maxProperties !== undefined && typeof maxProperties !== "number") return undefined;
    // Properties the schema leaves open are not checked, but must still be shallow enough.
    const others: Check | false = additionalProperties === undefined ? shallow : additionalProperties === false ? false : this.compile(additionalProperties, base);
    // Each named or required key's check, and whether it is required: one look-up per key found.
    const named = new Map<string, { readonly check: Check | false; readonly required: boolean }>();
    for (const [key, sub] of Object.entries(properties ?? {})) named.set(key, { check: this.compile(sub, base), required: false });
    const needed = new Set((required ?? []) as string[]);
    for (const key of needed) named.set(key, { check: named.get(key)?.check ?? others, required: true });
    const names: Check | undefined = propertyNames === undefined ? undefined : this.compile(propertyNames, base);
    const min = minProperties as number | undefined;
    const max = maxProperties as number | undefined;
    return (data, depth) => {
      const object = data as Record<string, unknown>;
      if (depth > MAX_QUICK_DEPTH) return false;
      let count = 0;
      let found = 0;
      // Required keys are counted as they are enumerated (one not enumerable: not sure).
      for (const key in object) {
        const value = object[key];
        // A key holding undefined is not JSON: leave the judgement to the full validator.
        if (value === undefined) return false;
        count++;
        if (names !== undefined && !names(key, depth + 1)) return false;
        const entry = named.get(key);
        const check = entry === undefined ? others : entry.check;
        if (check === false || !check(value, depth + 1)) return false;
        if (entry !== undefined && entry.required) found++;
      }
      if (found !== needed.size) return false;
      if (min !== undefined && count < min) return false;
      if (max !== undefined && count > max) return false;
      return true;
    };
  }

  private arrayCheck(node: Node, base: string): Check | undefined {
    const { items, minItems, maxItems, uniqueItems } = node;
    if (items === undefined && minItems === undefined && maxItems === undefined && uniqueItems === undefined) return ALWAYS;
    if (minItems !== undefined && typeof minItems !== "number") return undefined;
    if (maxItems !== undefined && typeof maxItems !== "number") return undefined;
    if (uniqueItems !== undefined && typeof uniqueItems !== "boolean") return undefined;
    const unique = uniqueItems === true;
    const item = items === undefined ? shallow : this.compile(items, base);
    return (data, depth) => {
      const array = data as unknown[];
      if (depth > MAX_QUICK_DEPTH) return false;
      if (minItems !== undefined && array.length < minItems) return false;
      if (maxItems !== undefined && array.length > maxItems) return false;
      for (let i = 0; i < array.length; i++) if (!item(array[i], depth + 1)) return false;
      if (unique) for (let i = 1; i < array.length; i++) for (let j = 0; j < i; j++) if (equal(array[i], array[j])) return false;
      return true;
    };
  }
}

const compiler = new Compiler();

// The compact schema of a kind; undefined for a kind the quick check does not carry (it is then never sure).
function schemaOf(kind: DocumentKind): Node | undefined {
  const id = `${SCHEMA_ID_HOST}${SCHEMA_VERSION}/${kind}.schema.json`;
  return Object.hasOwn(QUICK_CHECK_SCHEMAS, id) ? QUICK_CHECK_SCHEMAS[id] : undefined;
}
const checks = new Map<DocumentKind, Check>();

function checkOf(kind: DocumentKind): Check {
  let check = checks.get(kind);
  if (!check) {
    const schema = schemaOf(kind);
    check = schema !== undefined && typeof schema.$id === "string" ? compiler.compile(schema, schema.$id) : NEVER;
    checks.set(kind, check);
  }
  return check;
}

// Schema versions found fine (there are a handful), so the version check runs once for each.
const readableVersions = new Set<unknown>();

function readableVersion(document: Record<string, unknown>): boolean {
  const version = document["schemaVersion"];
  if (readableVersions.has(version)) return true;
  if (checkSchemaVersion(document) !== undefined) return false;
  if (typeof version === "string" && readableVersions.size < 32) readableVersions.add(version);
  return true;
}

function surely(check: Check, document: unknown): boolean {
  try {
    return isObject(document) && readableVersion(document) && check(document, 0);
  } catch {
    return false; // a hostile object (throwing getter, Proxy): the full validator reports it
  }
}

/**
 * True only when `document` surely passes the full validator of `kind` with no problem at all (no
 * error, no warning such as a deprecated field). False means "not sure": run the full validator.
 * Built from the same schemas, for bulk input where nearly every document is valid.
 */
function surelyValid(kind: DocumentKind, document: unknown): boolean {
  return surely(checkOf(kind), document);
}

/**
 * The checks of one answer of an assessment, taken from the live schema, for a scorer that reads the
 * answers itself: whether a question id is a valid answer key, a level a valid level, notes valid notes.
 * An answer surely passes the schema when its id passes `name` and it is an object with only `level`
 * (passing `level`) and `notes` (passing `notes`).
 */
export interface AnswerChecks {
  name(id: string): boolean;
  level(level: string): boolean;
  notes(notes: unknown): boolean;
}

const ANSWERS_KEYWORDS = new Set(["type", "propertyNames", "additionalProperties"]);
const ANSWER_KEYWORDS = new Set(["type", "properties", "required", "additionalProperties"]);

function only(node: Node, keywords: ReadonlySet<string>): boolean {
  return Object.keys(node).every((key) => ANNOTATIONS.has(key) || keywords.has(key));
}

// The answers and the schema of one answer, when the schema still has the shape the split relies on.
function answerSchemas(): { answers: Node; answer: Node; base: string } | undefined {
  const schema = schemaOf("assessment");
  if (schema === undefined) return undefined;
  const base = schema.$id;
  const answers = isObject(schema.properties) ? schema.properties["answers"] : undefined;
  if (typeof base !== "string" || !isObject(answers) || !only(answers, ANSWERS_KEYWORDS) || answers.type !== "object") return undefined;
  const item = answers.additionalProperties;
  if (!isObject(item) || !only(item, new Set(["$ref"])) || typeof item.$ref !== "string" || !isObject(answers.propertyNames)) return undefined;
  const target = resolveRef(item.$ref, base);
  const answer = target?.node;
  if (!target || !isObject(answer) || !only(answer, ANSWER_KEYWORDS) || answer.type !== "object" || answer.additionalProperties !== false) return undefined;
  if (answer.required !== undefined && !(Array.isArray(answer.required) && answer.required.length === 0)) return undefined;
  const properties = answer.properties;
  if (!isObject(properties) || !isObject(properties["level"]) || !isObject(properties["notes"])) return undefined;
  return { answers, answer, base: target.base };
}

let split: { frame: Check; answers: AnswerChecks } | null | undefined;

function splitChecks(): { frame: Check; answers: AnswerChecks } | null {
  if (split !== undefined) return split;
  const found = answerSchemas();
  if (!found) return (split = null);
  const schema = schemaOf("assessment") as Node;
  const base = schema.$id as string;
  // The frame: the whole assessment schema, with the answers only required to be an object.
  const frame = new Compiler(new Map([[found.answers, (data: unknown) => isObject(data)]])).compile(schema, base);
  const properties = found.answer.properties as Node;
  const name = compiler.compile(found.answers.propertyNames, base);
  const level = compiler.compile(properties["level"], found.base);
  const notes = compiler.compile(properties["notes"], found.base);
  const guarded = (check: Check) => (value: unknown) => {
    try {
      return check(value, 3);
    } catch {
      return false;
    }
  };
  split = { frame, answers: { name: guarded(name), level: guarded(level), notes: guarded(notes) } };
  return split;
}

/**
 * The quick check of an assessment split in two for a scorer that reads every answer anyway: the
 * frame (everything but the answers' contents) and the checks of one answer. Null when the live
 * schema no longer has the shape this split relies on; then use {@link surelyValid} whole.
 */
function assessmentChecks(): { frame(document: unknown): boolean; answers: AnswerChecks } | null {
  const found = splitChecks();
  if (!found) return null;
  return { frame: (document) => surely(found.frame, document), answers: found.answers };
}

const VALID: ValidationReport = Object.freeze({ valid: true, errors: Object.freeze([]) as unknown as ValidationReport["errors"] });

/**
 * The full validator's report on `document`, computed quickly when the document is surely valid.
 * Identical to `full(document)` for every input, where `full` is the kind's full validator
 * (`validateAssessment`, ...: passed in, so a bundle carries only the validators it uses).
 */
function validateQuickly(kind: DocumentKind, document: unknown, full: (document: unknown) => ValidationReport): ValidationReport {
  return surelyValid(kind, document) ? VALID : full(document);
}

/** The kinds {@link quickCheck} knows: the ones scored in bulk. */
export type QuickCheckKind = "assessment" | "benchmark" | "scale" | "place" | "practice";

/** The quick pre-check of one document kind; see {@link quickCheck}. */
export interface QuickCheck {
  /**
   * True only when the document surely passes the kind's full validator with no problem at all (no
   * error, no warning such as a deprecated field). False means "not sure": run the full validator.
   */
  surelyValid(document: unknown): boolean;
  /**
   * The full validator's report, computed quickly when the document is surely valid: identical to
   * `full(document)` for every input (`full` is passed in, so a bundle carries only the validators it uses).
   */
  validate(document: unknown, full: (document: unknown) => ValidationReport): ValidationReport;
  /**
   * For assessments, the check split in two for a scorer that reads every answer anyway: the frame
   * (everything but the answers' contents) and the checks of one answer. Null for the other kinds,
   * and when the schema no longer has the shape the split relies on; then use `surelyValid` whole.
   */
  readonly split: { frame(document: unknown): boolean; answers: AnswerChecks } | null;
}

const quickChecks = new Map<QuickCheckKind, QuickCheck>();

/**
 * The quick pre-check of a kind scored in bulk: built from the same schemas as the full validator,
 * it answers only "surely valid, with no problem at all" or "not sure", for input where nearly
 * every document is valid. Whatever it is not sure of goes to the full validator, so reports of
 * invalid or unusual documents are exactly the full validator's.
 *
 * @example
 * const places = quickCheck("place");
 * const report = places.validate(document, validatePlace); // same as validatePlace(document)
 */
export function quickCheck(kind: QuickCheckKind): QuickCheck {
  let check = quickChecks.get(kind);
  if (check === undefined) {
    check = {
      surelyValid: (document) => surelyValid(kind, document),
      validate: (document, full) => validateQuickly(kind, document, full),
      split: kind === "assessment" ? assessmentChecks() : null,
    };
    quickChecks.set(kind, check);
  }
  return check;
}

