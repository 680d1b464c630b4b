// @ts-check
// The size-first backend: the same schema nodes as ./compile-schema.mjs (same names, same sharing),
// each written as a list of operations that src/compact-validators.ts interprets, instead of as a
// function. Every operation stands for one step of the code compile-schema.mjs writes, in the same
// order, so the interpreter appends the same errors in the same order; the property test in
// src/compact-validators.test.ts holds the two to that.
//
// An operation is an array: its name (mostly the keyword it checks) and its arguments. A reference to
// another node is `{ ref: name }`, written out as the node's constant (or, for a node written further
// down, an arrow returning it, which a $ref loop needs); a node's properties are `{ props }`, written
// as one object literal. What the compiled code keeps beside a node for error messages (its readerView)
// is not written apart: the interpreter rebuilds it from the operations, and codegen checks the rebuilt
// view equals readerView for every node.
import { COMPARISONS, GROUPS, SchemaCompiler, acceptsAll, allOfMembers, essential, holds, readerView, refuseUnknownKeywords } from "./compile-schema.mjs";
import { isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaNode} SchemaNode */
/** @typedef {{ ref: string } | { raw: string } | unknown} Arg */

/** @param {unknown} value */
const js = (value) => JSON.stringify(value);

/** The module's constants holding the depth limits (see depth.mjs): the recursion limit, and MAX_DEPTH. */
const LIMIT = { raw: "L" };

/**
 * The error view (what src/map-errors.ts reads of an error's parentSchema) the interpreter builds
 * from a node's operations; codegen checks it equals readerView of the node. Mirrors viewOf in
 * src/compact-validators.ts.
 * @param {Arg[][]} ops
 */
function viewOf(ops) {
  /** @type {Record<string, unknown>} */
  const view = {};
  for (const op of ops) {
    const [name, x] = op;
    if (name === "pattern" && op[2] !== undefined) view.description = op[2];
    if (name === "properties") {
      const entries = /** @type {{ props: [string, Arg[]][] }} */ (x).props;
      view.properties = Object.fromEntries(entries.map(([key, [, description, ...value]]) => [key, { ...(typeof description === "string" ? { description } : {}), ...(value.length > 0 ? { const: value[0] } : {}) }]));
    }
  }
  for (const [name, x] of ops) if (name === "view") Object.assign(view, x);
  return view;
}

/**
 * The operations few schemas use, written as the interpreter's function for them (src/compact-validators.ts
 * exports each), so a bundle carries one only when a node it keeps uses it; the others are names its
 * switch reads.
 */
export const STEP_FUNCTIONS = {
  any: "stepAny",
  $ref: "stepRef",
  if: "stepIf",
  walkItems: "stepWalkItems",
  walkRest: "stepWalkRest",
  view: "stepView",
  unevaluatedProperties: "stepUnevaluated",
  exclusiveMaximum: "stepExclusiveMaximum",
  exclusiveMinimum: "stepExclusiveMinimum",
};

export class CompactCompiler extends SchemaCompiler {
  /** @param {Map<string, SchemaNode>} registry */
  constructor(registry) {
    super(registry);
    /** @type {Set<string>} nodes already declared */
    this.written = new Set();
    /** @type {Set<string>} the step functions the nodes name */
    this.steps = new Set();
  }

  /**
   * @param {string} name
   * @param {SchemaNode} node
   * @param {string} base
   * @param {ReadonlyMap<unknown, string> | undefined} overrides
   */
  body(name, node, base, overrides) {
    refuseUnknownKeywords(node, base);
    /** @type {Set<string>} */
    const calls = new Set();
    const ref = (/** @type {string} */ fn) => (calls.add(fn), { ref: fn });
    const child = (/** @type {unknown} */ sub) => ref(this.fn(sub, base, overrides && [...overrides.keys()].some((o) => holds(sub, o)) ? overrides : undefined));
    const list = (/** @type {unknown[]} */ values) => ({ raw: this.constant("a", js(values)) });
    const has = (/** @type {string[]} */ keys) => keys.some((k) => node[k] !== undefined);
    /** @type {Arg[][]} */
    const ops = [];

    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    const groupOf = ["number", "string", "array", "object"];
    const typeInGroup = types.length === 1 && groupOf.includes(types[0]) && has(GROUPS[/** @type {keyof GROUPS} */ (types[0])]);
    if (Object.keys(essential(node)).length === 0) ops.push(["any", LIMIT]);
    if (types.length > 0 && !typeInGroup) ops.push(["type", types]);

    if (typeof node.$ref === "string") {
      const target = this.resolve(node.$ref, base);
      ops.push(["$ref", ref(this.fn(target.node, target.base))]);
    }
    if (node.const !== undefined) ops.push(["const", node.const]);
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum) || !node.enum.every((v) => v === null || typeof v !== "object")) throw new Error(`codegen: enum of structured values (${base})`);
      ops.push(["enum", list(node.enum)]);
    }
    /** @type {{ ifProps: string[], thenProps: string[], condition: Arg }[]} */
    const branches = [];
    for (const { branch, member } of allOfMembers(node, base)) {
      if (branch) {
        const condition = child(branch.if);
        ops.push(["if", condition, child(branch.then)]);
        branches.push({ ...branch, condition });
      } else ops.push(["$ref", child(member)]);
    }

    // A group, named by its type: its operations run when the data has that type; a type error
    // otherwise when the node's single type is the group's (1). The count says how many operations to skip.
    const grouped = (/** @type {string} */ group, /** @type {Arg[][]} */ inside) => {
      if (inside.length === 0) return;
      ops.push([group, inside.length, ...(typeInGroup && types[0] === group ? [1] : [])], ...inside);
    };

    /** @type {Arg[][]} */
    const numbers = [];
    for (const keyword of GROUPS.number) {
      const limit = node[keyword];
      if (limit === undefined) continue;
      if (typeof limit !== "number" || !(keyword in COMPARISONS)) throw new Error(`codegen: ${keyword} must be a number (${base})`);
      numbers.push([keyword, limit]);
    }
    grouped("number", numbers);

    /** @type {Arg[][]} */
    const strings = [];
    if (node.maxLength !== undefined) strings.push(["maxLength", node.maxLength]);
    if (node.minLength !== undefined) strings.push(["minLength", node.minLength]);
    if (node.pattern !== undefined) strings.push(typeof node.description === "string" ? ["pattern", node.pattern, node.description] : ["pattern", node.pattern]);
    if (node.format !== undefined) {
      if (node.format !== "date" && node.format !== "uri") throw new Error(`codegen: src/formats.ts implements no format ${js(node.format)} (${base})`);
      strings.push(["format", node.format]);
    }
    grouped("string", strings);

    /** @type {Arg[][]} */
    const arrays = [];
    if (node.maxItems !== undefined) arrays.push(["maxItems", node.maxItems]);
    if (node.minItems !== undefined) arrays.push(["minItems", node.minItems]);
    if (node.uniqueItems === true) arrays.push(["uniqueItems"]);
    if (node.items === undefined || acceptsAll(node.items)) {
      if (types.includes("array")) arrays.push(["walkItems", LIMIT]);
    } else arrays.push(["items", child(node.items)]);
    grouped("array", arrays);

    /** @type {Arg[][]} */
    const objects = [];
    const properties = isNode(node.properties) ? node.properties : {};
    const names = Object.keys(properties);
    if (node.maxProperties !== undefined) objects.push(["maxProperties", node.maxProperties]);
    if (node.minProperties !== undefined) objects.push(["minProperties", node.minProperties]);
    const required = Array.isArray(node.required) ? node.required : [];
    // Required fields listed in the order of the properties are marked on the properties (not listed again).
    const marked = required.length > 0 && js(required) === js(names.filter((n) => required.includes(n)));
    if (required.length > 0) objects.push(marked ? ["required"] : ["required", list(required)]);
    if (node.propertyNames !== undefined && !acceptsAll(node.propertyNames)) objects.push(["propertyNames", child(node.propertyNames)]);
    // The declared names are not written again: the interpreter reads them off the "properties" operation.
    if (node.additionalProperties === false) objects.push(["closed"]);
    else if (node.additionalProperties !== undefined && !acceptsAll(node.additionalProperties)) objects.push(["additionalProperties", child(node.additionalProperties)]);
    else if (types.includes("object") && node.unevaluatedProperties === undefined) objects.push(["walkRest", LIMIT]);
    // Each property: its check (0: any value, only kept within the depth limit); whether it is required
    // (when marked: its description, or 1 without one; else 0) with what the node's error view
    // (readerView) says of it: its description when required, its const.
    /** @type {[string, Arg[]][]} */
    const entries = names.map((name) => {
      if (name === "__proto__") throw new Error(`codegen: a property named __proto__ (${base})`);
      const sub = properties[name];
      /** @type {Arg[]} */
      const entry = [acceptsAll(sub) ? 0 : child(sub)];
      const description = isNode(sub) && required.includes(name) && typeof sub.description === "string" ? sub.description : undefined;
      const mark = description ?? (marked && required.includes(name) ? 1 : 0);
      if (mark !== 0) entry.push(mark);
      if (isNode(sub) && "const" in sub) entry.push(...(entry.length === 1 ? [0] : []), sub.const);
      return [name, entry];
    });
    if (names.length > 0) objects.push(["properties", { props: entries }, ...(entries.some(([, [sub]]) => sub === 0) ? [LIMIT] : [])]);
    grouped("object", objects);

    if (node.unevaluatedProperties !== undefined) {
      if (node.unevaluatedProperties !== false) throw new Error(`codegen: unevaluatedProperties other than false (${base})`);
      if (node.additionalProperties !== undefined) throw new Error(`codegen: unevaluatedProperties beside additionalProperties (${base})`);
      const conditions = [...new Set(branches.flatMap((b) => b.ifProps))].filter((n) => !names.includes(n));
      // The then-node's names count when the data passes the if-node, which the interpreter checks again.
      const when = branches.flatMap((b) => (b.thenProps.length > 0 ? [[b.condition, b.thenProps]] : []));
      ops.push(["unevaluatedProperties", list(conditions), when]);
    }
    // What the error view holds beyond a pattern's description and the properties (allOf, if, then…).
    const view = readerView(node);
    const rest = Object.fromEntries(Object.entries(/** @type {object} */ (view)).filter(([k]) => k !== "description" && (k !== "properties" || names.length === 0)));
    if (Object.keys(rest).length > 0) ops.unshift(["view", rest]);
    const rebuilt = js(viewOf(ops));
    if (rebuilt !== js(view)) throw new Error(`codegen: the compact error view of a node differs from its readerView (${base}): ${rebuilt}`);
    return { name, calls, code: ops };
  }

  /**
   * The node declarations, in the order compiled (children first), a recursive node guarded by the
   * depth limits as compile-schema.mjs guards its function.
   * @returns {string[]}
   */
  nodes() {
    const recursive = this.recursive();
    return this.compiled.map(({ name, code }) => {
      const ops = /** @type {Arg[][]} */ (/** @type {unknown} */ (code));
      const text = (recursive.has(name) ? [["guard", LIMIT, { raw: "M" }], ...ops] : ops).map((op) => this.argText(this.named(op))).join(",");
      this.written.add(name);
      return `const ${name} = [${text}];`;
    });
  }

  /**
   * An operation with its name as the interpreter's function when it has one (STEP_FUNCTIONS).
   * @param {Arg[]} op
   * @returns {Arg[]}
   */
  named(op) {
    const [name, ...args] = op;
    const step = typeof name === "string" && Object.hasOwn(STEP_FUNCTIONS, name) ? STEP_FUNCTIONS[/** @type {keyof typeof STEP_FUNCTIONS} */ (name)] : undefined;
    if (step === undefined) return op;
    this.steps.add(step);
    return [{ raw: step }, ...args];
  }

  /**
   * An argument as code: a reference to a node written further down (a $ref loop) as an arrow
   * returning it, since the module is read top to bottom.
   * @param {Arg} value
   * @returns {string}
   */
  argText(value) {
    if (Array.isArray(value)) return `[${value.map((v) => this.argText(v)).join(",")}]`;
    if (isNode(value) && typeof value.ref === "string") return value.ref === "isObject" || this.written.has(value.ref) ? value.ref : `()=>${value.ref}`;
    if (isNode(value) && Array.isArray(value.props)) return `{${value.props.map(([name, entry]) => `${js(name)}:${this.argText(entry)}`).join(",")}}`;
    if (isNode(value) && typeof value.raw === "string") return value.raw;
    return js(value);
  }
}
