// @ts-check
// How deep the data a schema accepts can nest: a number when the schema bounds it, Infinity when it
// does not (a $ref loop, an open object or array). A validator of a bounded schema only ever descends
// as far as the schema does, so it needs no depth guard before it runs, and a document it accepts
// cannot be too deep.
import { DOCUMENT_KINDS, camel, isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaNode} SchemaNode */
/** @typedef {import("./source.mjs").SchemaFile} SchemaFile */

/**
 * The nesting bound of each schema, by `$id`. With `unbounded` 0, what a $ref loop or an open part adds
 * is not counted: the depth the schema allows outside the places the validators guard themselves.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 * @returns {Map<string, number>}
 */
export function depthBounds(schemaFiles, unbounded = Infinity) {
  /** @type {Map<string, SchemaNode>} */
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  /** @param {string} ref @param {string} base @returns {{ node: SchemaNode, base: string }} */
  const resolve = (ref, base) => {
    const url = new URL(ref, base);
    const document = url.href.split("#")[0];
    /** @type {unknown} */
    let node = byId.get(document);
    for (const segment of decodeURIComponent(url.hash.slice(1)).split("/").slice(1)) node = isNode(node) ? node[segment] : undefined;
    if (!isNode(node)) throw new Error(`codegen: ${ref} (from ${base}) names no schema`);
    return { node, base: document };
  };
  /** @param {unknown} value @returns {number} */
  const valueDepth = (value) =>
    typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(valueDepth)) : 0;
  /**
   * @param {unknown} node
   * @param {string} base
   * @param {Set<unknown>} active
   * @returns {number}
   */
  const depth = (node, base, active) => {
    if (node === false) return 0;
    if (!isNode(node)) return unbounded; // `true` accepts anything
    if (active.has(node)) return unbounded;
    active.add(node);
    try {
      const same = [];
      if (typeof node.$ref === "string") {
        const target = resolve(node.$ref, base);
        same.push(depth(target.node, target.base, active));
      }
      for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(node[key])) for (const m of node[key]) same.push(depth(m, base, active));
      for (const key of ["then", "else"]) if (key in node) same.push(depth(node[key], base, active));
      // What the node itself lets through. Taking the largest of it and its applicators over-estimates
      // the bound (they all constrain the same data), which only ever leaves the depth guard in place.
      let own = 0;
      const children = () => [...(isNode(node.properties) ? Object.values(node.properties) : []), ...(isNode(node.additionalProperties) ? [node.additionalProperties] : [])];
      if ("const" in node) own = valueDepth(node.const);
      else if (Array.isArray(node.enum)) own = Math.max(0, ...node.enum.map(valueDepth));
      else {
        const types = Array.isArray(node.type) ? node.type : typeof node.type === "string" ? [node.type] : undefined;
        if (types === undefined) {
          if (isNode(node.properties) || isNode(node.additionalProperties)) own = 1 + Math.max(0, ...children().map((m) => depth(m, base, active)));
          else if (node.items !== undefined) own = 1 + depth(node.items, base, active);
          else if (same.length === 0) own = unbounded; // nothing narrows it: any JSON value
        }
        if (types?.includes("object")) {
          const closed = node.additionalProperties === false || node.unevaluatedProperties === false;
          own = Math.max(own, 1 + Math.max(closed || isNode(node.additionalProperties) ? 0 : unbounded, ...children().map((m) => depth(m, base, active))));
        }
        if (types?.includes("array")) own = Math.max(own, 1 + (node.items === undefined ? unbounded : depth(node.items, base, active)));
      }
      return Math.max(own, ...same);
    } finally {
      active.delete(node);
    }
  };
  return new Map([...byId].map(([id, schema]) => [id, depth(schema, id, new Set())]));
}

/** How deep a document may nest, as src/depth.ts's MAX_DEPTH (src/depth.test.ts holds them equal). */
export const MAX_DEPTH = 100;

/**
 * The data depth beyond which a recursive function of the generated validators refuses a document in
 * its fast check: low enough that, with the deepest nesting any schema allows outside its $ref loops
 * below it, nothing the fast check accepts reaches MAX_DEPTH.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 */
export function recursionLimit(schemaFiles) {
  const deepest = Math.max(0, ...depthBounds(schemaFiles, 0).values());
  if (deepest >= MAX_DEPTH / 2) throw new Error("codegen: a schema nests too deeply outside its $ref loops for the validators' depth limit");
  return MAX_DEPTH - 1 - deepest;
}

/**
 * src/generated/nesting.ts: for each document kind, how deep a document its validator accepts can nest.
 * A kind unbounded only through $ref loops is bounded by the validator's own limit there.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} base
 * @param {string} banner
 * @returns {string}
 */
export function generateNesting(schemaFiles, base, banner) {
  const bounds = depthBounds(schemaFiles);
  const loopFree = depthBounds(schemaFiles, 0);
  const limit = recursionLimit(schemaFiles);
  const lines = [
    banner,
    "// For each document kind, how deep the data its validator accepts can nest. Within MAX_DEPTH, the",
    "// validator needs no depth guard before it runs. A kind nesting without bound through $ref loops or",
    "// open objects is bounded by the validators' own limit there.",
    "",
  ];
  for (const kind of DOCUMENT_KINDS) {
    const id = `${base}${kind}.schema.json`;
    const bound = bounds.get(id);
    const withoutLoops = loopFree.get(id);
    if (bound === undefined || withoutLoops === undefined) throw new Error(`codegen: no schema has $id ${id}`);
    const value = Number.isFinite(bound) ? bound : Number.isFinite(withoutLoops) ? limit + withoutLoops : Infinity;
    lines.push(`export const ${camel(kind)} = ${Number.isFinite(value) ? value : "Infinity"};`);
  }
  return `${lines.join("\n")}\n`;
}
