import { joinPointer } from "../pointer";

/** How much a schema change makes the package's version move, under semver. */
export type SchemaBump = "none" | "patch" | "minor" | "major";

/** A set of schema files, keyed by file name (`assessment.schema.json` → the schema). */
export type SchemaSet = Readonly<Record<string, unknown>>;

/** What kind of change a {@link SchemaChange} is; the bump follows from it. */
export type SchemaChangeKind =
  // patch: nothing a document or a validator notices
  | "annotation_changed"
  // minor: every document valid before stays valid
  | "schema_added"
  | "def_added"
  | "field_added"
  | "field_optional"
  | "enum_widened"
  | "type_widened"
  | "constraint_loosened"
  | "object_opened"
  // major: a document valid before may be refused, or a name others refer to is gone
  | "schema_removed"
  | "def_removed"
  | "field_removed"
  | "field_required"
  | "enum_narrowed"
  | "type_narrowed"
  | "constraint_tightened"
  | "object_closed"
  | "reference_changed"
  | "keyword_changed";

/** One difference between two schema sets, with where it is and why it needs its bump. */
export interface SchemaChange {
  readonly kind: SchemaChangeKind;
  readonly bump: Exclude<SchemaBump, "none">;
  /** The schema file, such as `assessment.schema.json`. */
  readonly file: string;
  /** RFC 6901 pointer into the schema (not into a document). */
  readonly pointer: string;
  /** What changed and what it means for documents, in words. */
  readonly reason: string;
}

/** The result of {@link diffSchemas}: every change, and the bump the whole change needs. */
export interface SchemaDiff {
  readonly bump: SchemaBump;
  readonly changes: readonly SchemaChange[];
}

const BUMP_ORDER: readonly SchemaBump[] = ["none", "patch", "minor", "major"];

/**
 * Orders bumps: negative when `a` is smaller than `b`.
 *
 * @example
 * compareBumps("minor", "major") < 0; // true
 */
export function compareBumps(a: SchemaBump, b: SchemaBump): number {
  return BUMP_ORDER.indexOf(a) - BUMP_ORDER.indexOf(b);
}

const BUMP_OF: Readonly<Record<SchemaChangeKind, Exclude<SchemaBump, "none">>> = {
  annotation_changed: "patch",
  schema_added: "minor",
  def_added: "minor",
  field_added: "minor",
  field_optional: "minor",
  enum_widened: "minor",
  type_widened: "minor",
  constraint_loosened: "minor",
  object_opened: "minor",
  schema_removed: "major",
  def_removed: "major",
  field_removed: "major",
  field_required: "major",
  enum_narrowed: "major",
  type_narrowed: "major",
  constraint_tightened: "major",
  object_closed: "major",
  reference_changed: "major",
  keyword_changed: "major",
};

// Keywords that describe without constraining; `$id` changes with every version by design.
const ANNOTATIONS = new Set(["title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly", "$schema", "$id"]);
// A larger value accepts less (lower bounds) or more (upper bounds).
const LOWER_BOUNDS = new Set(["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum", "minContains"]);
const UPPER_BOUNDS = new Set(["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum", "maxContains"]);
// Sub-schemas compared in place.
const SUBSCHEMAS = new Set(["items", "propertyNames", "contains", "then", "else", "additionalItems", "unevaluatedItems"]);
const HANDLED = new Set([
  "properties",
  "required",
  "additionalProperties",
  "unevaluatedProperties",
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "uniqueItems",
  "$ref",
  "$defs",
  "allOf",
  "anyOf",
  "oneOf",
  "prefixItems",
]);

type Node = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Key-order-independent JSON text, to compare values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isNode(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function show(value: unknown): string {
  const text = canonical(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith("x-");
}

function typesOf(value: unknown): Set<string> | undefined {
  if (typeof value === "string") return new Set([value]);
  if (Array.isArray(value)) return new Set(value.map(String));
  return undefined;
}

/** Whether every JSON value of types `inner` is also of types `outer` (an integer is a number). */
function typesWithin(inner: ReadonlySet<string>, outer: ReadonlySet<string>): boolean {
  return [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number")));
}

/** Whether an object schema refuses fields it does not declare. */
function closedBy(value: unknown): "closed" | "open" | "schema" {
  if (value === false) return "closed";
  if (value === undefined || value === true) return "open";
  return "schema";
}

class Differ {
  readonly changes: SchemaChange[] = [];

  constructor(private readonly file: string) {}

  add(kind: SchemaChangeKind, pointer: string, reason: string): void {
    this.changes.push({ kind, bump: BUMP_OF[kind], file: this.file, pointer, reason });
  }

  compare(before: unknown, after: unknown, pointer: string): void {
    if (same(before, after)) return;
    if (typeof before === "boolean" || typeof after === "boolean" || !isNode(before) || !isNode(after)) {
      if (after === true || (before === false && isNode(after))) this.add("constraint_loosened", pointer, `the schema now accepts more (${show(before)} → ${show(after)})`);
      else this.add("constraint_tightened", pointer, `the schema now accepts less (${show(before)} → ${show(after)})`);
      return;
    }
    this.properties(before, after, pointer);
    this.required(before, after, pointer);
    for (const keyword of ["additionalProperties", "unevaluatedProperties"]) this.closure(keyword, before[keyword], after[keyword], pointer);
    this.type(before.type, after.type, pointer);
    this.enumeration(before, after, pointer);
    this.exact("pattern", before.pattern, after.pattern, pointer, "text must now match", "a changed pattern may refuse text the old one accepted");
    this.exact("format", before.format, after.format, pointer, "values must now be in the format", "values must now be in another format");
    if (before.uniqueItems !== after.uniqueItems) {
      if (after.uniqueItems === true) this.add("constraint_tightened", joinPointer(pointer, "uniqueItems"), "items may no longer repeat");
      else this.add("constraint_loosened", joinPointer(pointer, "uniqueItems"), "items may repeat now");
    }
    if (before.$ref !== after.$ref) {
      this.add("reference_changed", joinPointer(pointer, "$ref"), `now refers to ${show(after.$ref)} instead of ${show(before.$ref)}, whose rules may differ`);
    }
    this.defs(before.$defs, after.$defs, pointer);
    for (const keyword of ["allOf", "anyOf", "oneOf", "prefixItems"]) this.list(keyword, before[keyword], after[keyword], pointer);
    const keywords = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const keyword of keywords) {
      if (HANDLED.has(keyword)) continue;
      const was = before[keyword];
      const now = after[keyword];
      if (same(was, now)) continue;
      const at = joinPointer(pointer, keyword);
      if (isAnnotation(keyword)) {
        const what = was === undefined ? "added" : now === undefined ? "removed" : "changed";
        if (keyword !== "$id") this.add("annotation_changed", at, `${keyword} ${what}; documents are checked as before`);
      } else if (LOWER_BOUNDS.has(keyword) || UPPER_BOUNDS.has(keyword)) {
        this.bound(keyword, was, now, at);
      } else if (SUBSCHEMAS.has(keyword)) {
        if (was === undefined) this.add("constraint_tightened", at, `new ${keyword} rule refuses values the schema accepted`);
        else if (now === undefined) this.add("constraint_loosened", at, `${keyword} rule removed`);
        else this.compare(was, now, at);
      } else {
        this.add("keyword_changed", at, `${keyword} changed (${show(was)} → ${show(now)}); a change to it cannot be shown to keep every document valid`);
      }
    }
  }

  private properties(before: Node, after: Node, pointer: string): void {
    const was = isNode(before.properties) ? before.properties : {};
    const now = isNode(after.properties) ? after.properties : {};
    const required = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
    for (const name of Object.keys(was)) {
      const at = joinPointer(pointer, "properties", name);
      if (!Object.hasOwn(now, name)) this.add("field_removed", at, `field "${name}" was removed; documents that have it are refused or lose it`);
      else this.compare(was[name], now[name], at);
    }
    for (const name of Object.keys(now)) {
      if (Object.hasOwn(was, name)) continue;
      const at = joinPointer(pointer, "properties", name);
      if (required.has(name)) this.add("field_required", at, `new field "${name}" is required; documents without it are refused`);
      else this.add("field_added", at, `new optional field "${name}"`);
    }
  }

  private required(before: Node, after: Node, pointer: string): void {
    const was = new Set(Array.isArray(before.required) ? before.required.map(String) : []);
    const now = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
    const declaredBefore = isNode(before.properties) ? before.properties : {};
    const at = joinPointer(pointer, "required");
    for (const name of now) {
      // A required field that is new altogether is reported with the field.
      if (!was.has(name) && Object.hasOwn(declaredBefore, name)) this.add("field_required", at, `field "${name}" is required now; documents without it are refused`);
      else if (!was.has(name) && !(isNode(after.properties) && Object.hasOwn(after.properties, name))) {
        this.add("field_required", at, `"${name}" is required now; documents without it are refused`);
      }
    }
    for (const name of was) if (!now.has(name)) this.add("field_optional", at, `field "${name}" is optional now`);
  }

  private closure(keyword: string, was: unknown, now: unknown, pointer: string): void {
    if (same(was, now)) return;
    const at = joinPointer(pointer, keyword);
    const from = closedBy(was);
    const to = closedBy(now);
    if (from === "schema" && to === "schema") this.compare(was, now, at);
    else if (to === "closed") this.add("object_closed", at, "the object no longer accepts fields it does not declare");
    else if (from === "closed") this.add("object_opened", at, "the object accepts fields it does not declare now");
    else if (to === "schema") this.add("constraint_tightened", at, "undeclared fields must now match a schema");
    else this.add("constraint_loosened", at, "undeclared fields may be anything now");
  }

  private type(was: unknown, now: unknown, pointer: string): void {
    if (same(was, now)) return;
    const at = joinPointer(pointer, "type");
    const from = typesOf(was);
    const to = typesOf(now);
    if (!to) return this.add("type_widened", at, `any type is accepted now (was ${show(was)})`);
    if (!from) return this.add("type_narrowed", at, `only ${show(now)} is accepted now`);
    if (typesWithin(from, to)) this.add("type_widened", at, `type widened from ${show(was)} to ${show(now)}`);
    else this.add("type_narrowed", at, `type narrowed from ${show(was)} to ${show(now)}; values of the other types are refused`);
  }

  private enumeration(before: Node, after: Node, pointer: string): void {
    if (!same(before.enum, after.enum)) {
      const at = joinPointer(pointer, "enum");
      const was = Array.isArray(before.enum) ? before.enum.map(canonical) : undefined;
      const now = Array.isArray(after.enum) ? after.enum.map(canonical) : undefined;
      if (!now) this.add("enum_widened", at, "any value is accepted now, not only the listed ones");
      else if (!was) this.add("enum_narrowed", at, `only ${now.join(", ")} are accepted now`);
      else {
        const removed = was.filter((v) => !now.includes(v));
        const added = now.filter((v) => !was.includes(v));
        if (removed.length > 0) this.add("enum_narrowed", at, `value(s) ${removed.join(", ")} removed; documents using them are refused`);
        if (added.length > 0) this.add("enum_widened", at, `value(s) ${added.join(", ")} added`);
      }
    }
    if (!same(before.const, after.const)) {
      const at = joinPointer(pointer, "const");
      if (after.const === undefined) this.add("enum_widened", at, `no longer fixed to ${show(before.const)}`);
      else this.add("enum_narrowed", at, `must now be ${show(after.const)}${before.const === undefined ? "" : `, not ${show(before.const)}`}`);
    }
  }

  private exact(keyword: string, was: unknown, now: unknown, pointer: string, added: string, changed: string): void {
    if (same(was, now)) return;
    const at = joinPointer(pointer, keyword);
    if (was === undefined) this.add("constraint_tightened", at, `${added} ${show(now)}`);
    else if (now === undefined) this.add("constraint_loosened", at, `${keyword} ${show(was)} removed`);
    else this.add("constraint_tightened", at, `${keyword} changed from ${show(was)} to ${show(now)}: ${changed}`);
  }

  private bound(keyword: string, was: unknown, now: unknown, at: string): void {
    const lower = LOWER_BOUNDS.has(keyword);
    if (typeof now !== "number") return this.add("constraint_loosened", at, `${keyword} ${show(was)} removed`);
    if (typeof was !== "number") return this.add("constraint_tightened", at, `new ${keyword} ${now}`);
    const tighter = lower ? now > was : now < was;
    this.add(tighter ? "constraint_tightened" : "constraint_loosened", at, `${keyword} ${tighter ? "tightened" : "loosened"} from ${was} to ${now}`);
  }

  private defs(was: unknown, now: unknown, pointer: string): void {
    const before = isNode(was) ? was : {};
    const after = isNode(now) ? now : {};
    for (const name of Object.keys(before)) {
      const at = joinPointer(pointer, "$defs", name);
      if (!Object.hasOwn(after, name)) this.add("def_removed", at, `definition "${name}" was removed; schemas that refer to it break`);
      else this.compare(before[name], after[name], at);
    }
    for (const name of Object.keys(after)) {
      if (!Object.hasOwn(before, name)) this.add("def_added", joinPointer(pointer, "$defs", name), `new definition "${name}"`);
    }
  }

  private list(keyword: string, was: unknown, now: unknown, pointer: string): void {
    if (same(was, now)) return;
    const at = joinPointer(pointer, keyword);
    const before = Array.isArray(was) ? was : [];
    const after = Array.isArray(now) ? now : [];
    for (let i = 0; i < Math.min(before.length, after.length); i++) this.compare(before[i], after[i], joinPointer(at, i));
    // More alternatives accept more; more conjuncts (or tuple places) accept less.
    const alternatives = keyword === "anyOf" || keyword === "oneOf";
    if (after.length > before.length) {
      const kind = alternatives ? "constraint_loosened" : "constraint_tightened";
      this.add(kind, at, `${after.length - before.length} ${keyword} member(s) added`);
    } else if (after.length < before.length) {
      const kind = alternatives ? "constraint_tightened" : "constraint_loosened";
      this.add(kind, at, `${before.length - after.length} ${keyword} member(s) removed`);
    }
  }
}

/**
 * Compares two sets of schema files and classifies every change by the semver bump it needs:
 * an added optional field, a widened enum or type, a loosened constraint or a new definition is
 * **minor** (every document valid before stays valid); a removed field, a new required field, a
 * narrowed type or enum, a tightened pattern, length or range, or a closed object is **major**; a
 * change to titles, descriptions or other annotations only is a **patch**. The `$id`s are left out,
 * since they name the version by design. Pure: it reads only its arguments.
 *
 * @example
 * const diff = diffSchemas({ "a.schema.json": before }, { "a.schema.json": after });
 * diff.bump; // "minor"
 * diff.changes[0]; // { kind: "field_added", bump: "minor", file: "a.schema.json", pointer: "/properties/x", reason: 'new optional field "x"' }
 */
export function diffSchemas(oldSchemaSet: SchemaSet, newSchemaSet: SchemaSet): SchemaDiff {
  const changes: SchemaChange[] = [];
  const files = [...new Set([...Object.keys(oldSchemaSet), ...Object.keys(newSchemaSet)])].sort();
  for (const file of files) {
    const differ = new Differ(file);
    if (!Object.hasOwn(newSchemaSet, file)) differ.add("schema_removed", "", `schema file ${file} was removed`);
    else if (!Object.hasOwn(oldSchemaSet, file)) differ.add("schema_added", "", `new schema file ${file}`);
    else differ.compare(oldSchemaSet[file], newSchemaSet[file], "");
    changes.push(...differ.changes);
  }
  const bump = changes.reduce<SchemaBump>((max, c) => (compareBumps(c.bump, max) > 0 ? c.bump : max), "none");
  return { bump, changes };
}
