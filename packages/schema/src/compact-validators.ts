// The interpreter of the compact validators (./generated/validators.compact.js), which the browser
// build uses in place of the precompiled functions of ./generated/validators.js: a schema node is a
// list of operations (scripts/codegen/compact-schema.mjs), each one step of the code the compiler
// writes for that node, run in the same order, so a document gets the same errors in the same order.
// Smaller in a bundle (data gzips better than code), slower (each step is looked up at run time).

import type { ErrorObject } from "ajv";
import type { PrecompiledValidator } from "./generated/validators";
import { equal, escapePointerSegment, isDate, isUri, ucs2length } from "./validator-runtime";

/**
 * One step: its name, then its arguments. The steps few schemas use are named by their function
 * (a {@link Step}) rather than a string, so a bundle carries one only when a schema it holds uses it.
 */
export type Operation = readonly [string | Step, ...unknown[]];
/** A schema node, or (for a node written further down in a $ref loop) a function returning it. */
export type CompactNode = readonly Operation[] | (() => readonly Operation[]);
type Errors = ErrorObject[] & { deep?: boolean };

/** What a number comparison keyword allows, as ajv reports it. */
const COMPARISON: Readonly<Record<string, string>> = { maximum: "<=", minimum: ">=" };

const patterns = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let regexp = patterns.get(source);
  if (regexp === undefined) {
    regexp = new RegExp(source, "u");
    patterns.set(source, regexp);
  }
  return regexp;
}

/** The data test of each JSON type, as ajv writes it with strictNumbers. */
function hasType(type: string, d: unknown): boolean {
  switch (type) {
    case "string":
      return typeof d === "string";
    case "number":
      return typeof d === "number" && isFinite(d);
    case "integer":
      return Number.isInteger(d);
    case "boolean":
      return typeof d === "boolean";
    case "null":
      return d === null;
    case "object":
      return typeof d === "object" && d !== null && !Array.isArray(d);
    default:
      return Array.isArray(d);
  }
}

function fail(e: Errors, p: string, y: string | number | undefined, keyword: string, params: Record<string, unknown>, parentSchema: unknown, d: unknown): void {
  e.push({ instancePath: y === undefined ? p : `${p}/${y}`, schemaPath: "", keyword, params, parentSchema, data: d } as ErrorObject);
}

/** Whether a value no schema constrains nests within the depth limit (objects and arrays deeper refused). */
function within(d: unknown, h: number, limit: number): boolean {
  if (typeof d !== "object" || d === null) return true;
  if (h > limit) return false;
  if (Array.isArray(d)) {
    for (let i = 0; i < d.length; i++) if (!within(d[i], h + 1, limit)) return false;
    return true;
  }
  for (const k in d) if (!within((d as Record<string, unknown>)[k], h + 1, limit)) return false;
  return true;
}

/**
 * A "properties" argument: each property's check (0: any value), whether it is required (its
 * description, or 1; 0 or absent: not required, or required fields listed apart) and its const.
 */
type Properties = Readonly<Record<string, readonly [CompactNode | 0, (string | 0 | 1)?, unknown?]>>;

const NONE: Properties = {};
const declaredNames = new WeakMap<readonly Operation[], Set<string>>();
const requiredNames = new WeakMap<readonly Operation[], string[]>();
const views = new WeakMap<readonly Operation[], Record<string, unknown>>();

function propertiesOf(ops: readonly Operation[]): Properties {
  return (ops.find(([name]) => name === "properties")?.[1] as Properties | undefined) ?? NONE;
}

/** The properties a node declares. */
function declared(ops: readonly Operation[]): Set<string> {
  let names = declaredNames.get(ops);
  if (names === undefined) {
    names = new Set(Object.keys(propertiesOf(ops)));
    declaredNames.set(ops, names);
  }
  return names;
}

/** The required fields marked on a node's properties, in their order. */
function marked(ops: readonly Operation[]): string[] {
  let names = requiredNames.get(ops);
  if (names === undefined) {
    names = Object.entries(propertiesOf(ops))
      .filter(([, [, mark]]) => mark !== undefined && mark !== 0)
      .map(([name]) => name);
    requiredNames.set(ops, names);
  }
  return names;
}

/**
 * What src/map-errors.ts reads of an error's parentSchema, built once per node from its operations
 * as the compiled validators hold it (readerView in scripts/codegen/compile-schema.mjs): a pattern's
 * description, the properties with a required one's description and a const, then anything else.
 */
function viewOf(ops: readonly Operation[]): Record<string, unknown> {
  let view = views.get(ops);
  if (view === undefined) {
    view = {};
    for (const [name, x, z] of ops) {
      if (name === "pattern" && z !== undefined) view.description = z;
      if (name === "properties") {
        view.properties = Object.fromEntries(
          Object.entries(x as Properties).map(([key, [, description, ...value]]) => [key, { ...(typeof description === "string" ? { description } : {}), ...(value.length > 0 ? { const: value[0] } : {}) }]),
        );
      }
    }
    for (const [name, x] of ops) if (name === stepView) Object.assign(view, x);
    views.set(ops, view);
  }
  return view;
}

/**
 * Checks `d` against `node`, as the compiled function of that node does: `p` and `y` its pointer (the
 * parent's, and the escaped key or undefined), `e` null for the fast check (false at the first
 * failure) or the list the full pass appends to, `h` how deep `d` lies.
 */
function check(node: CompactNode, d: unknown, p: string, y: string | number | undefined, e: Errors | null, h: number): boolean {
  const ops = typeof node === "function" ? node() : node;
  const q = e ? (y === undefined ? p : `${p}/${y}`) : p;
  const o = d as Record<string, unknown>;
  const a = d as unknown[];
  let names: Set<string> | undefined;
  for (let at = 0; at < ops.length; at++) {
    const op = ops[at] as readonly [string | Step, any, any, any];
    const [name, x, z] = op;
    switch (name) {
      case "guard":
        if (h > x) {
          if (!e) return false;
          if (h >= z && typeof d === "object" && d !== null) {
            e.deep = true;
            return true;
          }
        }
        break;
      case "type":
        if (!(x as string[]).some((t) => hasType(t, d))) {
          if (!e) return false;
          fail(e, p, y, "type", { type: (x as string[]).join(",") }, undefined, d);
        }
        break;
      case "const":
        if (!(typeof x === "object" && x !== null ? equal(d, x) : d === x)) {
          if (!e) return false;
          fail(e, p, y, "const", { allowedValue: x }, undefined, d);
        }
        break;
      case "enum":
        if (!(x as unknown[]).includes(d)) {
          if (!e) return false;
          fail(e, p, y, "enum", { allowedValues: x }, undefined, d);
        }
        break;
      // A group: its operations apply to data of its type.
      case "number":
      case "string":
      case "array":
      case "object":
        if (!hasType(name, d)) {
          at += x;
          if (z === 1) {
            if (!e) return false;
            fail(e, p, y, "type", { type: name }, undefined, d);
          }
        }
        break;
      case "maximum":
      case "minimum": {
        const n = d as number;
        const failing = name === "maximum" ? n > x : n < x;
        if (failing) {
          if (!e) return false;
          fail(e, p, y, name, { comparison: COMPARISON[name], limit: x }, undefined, d);
        }
        break;
      }
      case "maxLength":
        if ((d as string).length > x && ucs2length(d as string) > x) {
          if (!e) return false;
          fail(e, p, y, name, { limit: x }, undefined, d);
        }
        break;
      case "minLength":
        if ((d as string).length < 2 * x && ucs2length(d as string) < x) {
          if (!e) return false;
          fail(e, p, y, name, { limit: x }, undefined, d);
        }
        break;
      case "pattern":
        if (!pattern(x).test(d as string)) {
          if (!e) return false;
          fail(e, p, y, name, { pattern: x }, viewOf(ops), d);
        }
        break;
      case "format":
        if (!(x === "date" ? isDate : isUri)(d as string)) {
          if (!e) return false;
          fail(e, p, y, name, { format: x }, undefined, d);
        }
        break;
      case "maxItems":
      case "minItems":
        if (name === "maxItems" ? a.length > x : a.length < x) {
          if (!e) return false;
          fail(e, p, y, name, { limit: x }, undefined, d);
        }
        break;
      case "uniqueItems":
        // ajv's order: from the end, each item against the ones before it; the first pair found is reported.
        outer: for (let i = a.length; i-- > 1; ) {
          for (let j = i; j--; ) {
            if (equal(a[i], a[j])) {
              if (!e) return false;
              fail(e, p, y, name, { i, j }, undefined, d);
              break outer;
            }
          }
        }
        break;
      case "items":
        for (let i = 0; i < a.length; i++) if (!check(x, a[i], q, i, e, h + 1) && !e) return false;
        break;
      case "maxProperties":
      case "minProperties": {
        const count = Object.keys(o).length;
        if (name === "maxProperties" ? count > x : count < x) {
          if (!e) return false;
          fail(e, p, y, name, { limit: x }, name === "minProperties" ? viewOf(ops) : undefined, d);
        }
        break;
      }
      case "required":
        for (const field of (x as string[] | undefined) ?? marked(ops)) {
          if (o[field] === undefined) {
            if (!e) return false;
            fail(e, p, y, name, { missingProperty: field }, viewOf(ops), d);
          }
        }
        break;
      case "propertyNames":
        for (const k in o) {
          if (!e) {
            if (!check(x, k, p, y, null, h)) return false;
          } else {
            const first = e.length;
            check(x, k, p, y, e, h);
            for (let i = first; i < e.length; i++) (e[i] as ErrorObject & { propertyName?: string }).propertyName = k;
          }
        }
        break;
      case "closed":
        for (const k in o) {
          if (!(names ??= declared(ops)).has(k)) {
            if (!e) return false;
            fail(e, p, y, "additionalProperties", { additionalProperty: k }, viewOf(ops), d);
          }
        }
        break;
      case "additionalProperties":
        for (const k in o) {
          if ((names ??= declared(ops)).has(k)) continue;
          if (!check(x, o[k], q, e ? escapePointerSegment(k) : undefined, e, h + 1) && !e) return false;
        }
        break;
      case "properties":
        for (const k in x as Properties) {
          const sub = (x as Properties)[k]![0];
          const value = o[k];
          if (sub === 0) {
            if (!within(value, h + 1, z)) {
              if (!e) return false;
              e.deep = true;
            }
          } else if (value !== undefined && !check(sub, value, q, e ? escapePointerSegment(k) : k, e, h + 1) && !e) return false;
        }
        break;
      default:
        if (typeof name !== "function") throw new Error(`compact validators: unknown operation ${name}`);
        if (!name(d, p, y, e, h, op as Parameters<Step>[5], ops) && !e) return false;
    }
  }
  return true;
}

/**
 * A step kept out of {@link check}'s switch, with the arguments `check` has (and the operation and its
 * node): false when the data fails it, which stops the fast check; the full pass goes on (the step has
 * appended its errors, or marked the list `deep`).
 */
export type Step = (d: unknown, p: string, y: string | number | undefined, e: Errors | null, h: number, op: readonly [Step, any, any, any], ops: readonly Operation[]) => boolean;

/** Data no schema constrains: within the depth limit `x`. */
export const stepAny: Step = (d, _p, _y, e, h, [, x]) => deepWithin(e, within(d, h, x));

/** A $ref beside other keywords: the node `x` it names. */
export const stepRef: Step = (d, p, y, e, h, [, x]) => check(x, d, p, y, e, h);

/** An if/then member of allOf: when the data passes `x` (no errors kept), the then-node `z` applies. */
export const stepIf: Step = (d, p, y, e, h, [, x, z]) => !check(x, d, p, y, null, h) || check(z, d, p, y, e, h);

/** The items of an array no schema constrains: within the depth limit `x`. */
export const stepWalkItems: Step = (d, _p, _y, e, h, [, x]) => deepWithin(e, (d as unknown[]).every((item) => within(item, h + 1, x)));

/** The values of undeclared properties of an open object: within the depth limit `x`. */
export const stepWalkRest: Step = (d, _p, _y, e, h, [, x], ops) => {
  const o = d as Record<string, unknown>;
  const names = declared(ops);
  for (const k in o) if (!names.has(k) && !within(o[k], h + 1, x)) return deepWithin(e, false);
  return true;
};

/** A failed step's answer: the error appended in the full pass; false. */
function refuse(e: Errors | null, p: string, y: string | number | undefined, keyword: string, params: Record<string, unknown>, d: unknown): false {
  if (e) fail(e, p, y, keyword, params, undefined, d);
  return false;
}

/** exclusiveMaximum `x` (a number, in a number group). */
export const stepExclusiveMaximum: Step = (d, p, y, e, _h, [, x]) => (d as number) < x || refuse(e, p, y, "exclusiveMaximum", { comparison: "<", limit: x }, d);

/** exclusiveMinimum `x` (a number, in a number group). */
export const stepExclusiveMinimum: Step = (d, p, y, e, _h, [, x]) => (d as number) > x || refuse(e, p, y, "exclusiveMinimum", { comparison: ">", limit: x }, d);

/** What the node's error view holds beyond its patterns and properties (read by viewOf); checks nothing. */
export const stepView: Step = () => true;

/**
 * unevaluatedProperties false: a key is evaluated when the node declares it, when it is one of the
 * names `x` (the if-conditions' own), or when it is declared by the then-node of a member whose
 * condition (`z`: pairs of the if-node and the then-node's names) the data passes.
 */
export const stepUnevaluated: Step = (d, p, y, e, h, [, x, z], ops) => {
  if (!hasType("object", d)) return true;
  const o = d as Record<string, unknown>;
  const names = declared(ops);
  let passed = true;
  for (const k in o) {
    if (names.has(k) || (x as string[]).includes(k) || (z as [CompactNode, string[]][]).some(([condition, fields]) => fields.includes(k) && check(condition, d, p, y, null, h))) continue;
    if (!e) return false;
    fail(e, p, y, "unevaluatedProperties", { unevaluatedProperty: k }, viewOf(ops), d);
    passed = false;
  }
  return passed;
};

/** Whether the data is an object, and nothing more (the split assessment's frame reads no answer). */
export const stepIsObject: Step = (d) => hasType("object", d);

/** A depth walk's answer: in the full pass, data too deep marks the list and the check goes on. */
function deepWithin(e: Errors | null, ok: boolean): boolean {
  if (!ok && e) e.deep = true;
  return ok;
}

/**
 * The validator of a document schema: the fast check, and `collect`, which lists every error of a
 * document the fast check refused (marked `deep` when it met data nested too deep to follow).
 */
export function validator(root: CompactNode): PrecompiledValidator {
  const v = (d: unknown) => check(root, d, "", undefined, null, 0);
  v.collect = (d: unknown) => {
    const e: Errors = [];
    check(root, d, "", undefined, e, 0);
    return e;
  };
  return v;
}

/** The fast check of a schema node for data lying `depth` levels deep. */
export function passes(node: CompactNode, depth = 0): (d: unknown) => boolean {
  return (d) => check(node, d, "", undefined, null, depth);
}

/** A node checking only that the data is an object (the split assessment's frame reads no answer). */
export const isObject: CompactNode = [[stepIsObject]];
