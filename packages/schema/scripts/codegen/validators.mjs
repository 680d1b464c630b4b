// @ts-check
// Generates src/generated/validators.js: the precompiled validator of every schema, compiled by
// ./compile-schema.mjs, and the quick checks the scorer runs on documents scored in bulk.
//
// Why a compiler of our own rather than ajv's standalone code: the schemas use a small, fixed part of
// draft 2020-12, and code written for exactly that part is a fraction of ajv's in a browser bundle
// (no evaluated-property bookkeeping, no error objects built on the path of a valid document, the
// shared $defs compiled once for every kind), while the full pass still reports what ajv reports.
import { SchemaCompiler } from "./compile-schema.mjs";
import { BANNER, camel, isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaFile} SchemaFile */

/** The kinds the scorer checks in bulk with a quick check (see src/quick-check.ts). */
export const QUICK_CHECK_KINDS = ["assessment", "benchmark", "scale", "place", "practice"];

const RUNTIME = `import { equal, escapePointerSegment as esc, isDate, isUri, ucs2length } from "../validator-runtime";

// Appends an error in the shape of ajv's verbose errors, which src/map-errors.ts reads. The pointer is
// the parent's \`p\` and the key \`y\` (undefined: the data is at \`p\` itself).
function E(e, p, y, k, q, s, d) {
  const at = y === undefined ? p : p + "/" + y;
  e.push({ instancePath: at, schemaPath: "", keyword: k, params: q, parentSchema: s === 0 ? undefined : s, data: d });
}

// A type error: false in the fast check (stop), true once appended in the full pass (go on).
function T(e, p, y, t, d) {
  if (!e) return false;
  E(e, p, y, "type", { type: t }, 0, d);
  return true;
}

// The required fields: false in the fast check when one is missing; in the full pass, an error for each.
function R(d, r, p, y, e, s) {
  if (!e) return false;
  for (const f of r) if (d[f] === undefined) E(e, p, y, "required", { missingProperty: f }, s, d);
  return true;
}

// Whether a value no schema constrains nests within the depth limit (objects and arrays deeper refused).
function W(d, h) {
  if (typeof d !== "object" || d === null) return true;
  if (h > LIMIT) return false;
  if (Array.isArray(d)) {
    for (let i = 0; i < d.length; i++) if (!W(d[i], h + 1)) return false;
    return true;
  }
  for (const k in d) if (!W(d[k], h + 1)) return false;
  return true;
}

// The fast check, and the full pass that collects every error of a document the fast check refused
// (marked \`deep\` when it met data nested too deep to follow).
function validator(check) {
  const v = (d) => check(d, "", undefined, null, 0);
  v.collect = (d) => {
    const e = [];
    check(d, "", undefined, e, 0);
    return e;
  };
  return v;
}`;

/**
 * The split quick check of an assessment (see src/quick-check.ts): the frame, with the answers only
 * required to be an object, and the checks of an answer's key, level and notes. Undefined when the
 * schema no longer has the shape the split relies on.
 * @param {SchemaCompiler} compiler
 * @param {import("./source.mjs").SchemaNode} schema
 */
export function assessmentSplit(compiler, schema) {
  const answers = schema.properties?.answers;
  const only = (/** @type {any} */ node, /** @type {string[]} */ keys) => isNode(node) && Object.keys(node).every((k) => keys.includes(k) || k === "title" || k === "description");
  if (!only(answers, ["type", "propertyNames", "additionalProperties"]) || answers.type !== "object" || !isNode(answers.propertyNames)) return undefined;
  const item = answers.additionalProperties;
  if (!only(item, ["$ref"]) || typeof item.$ref !== "string") return undefined;
  const answer = compiler.resolve(item.$ref, schema.$id);
  const node = answer.node;
  if (node.type !== "object" || node.additionalProperties !== false || (node.required !== undefined && node.required.length !== 0)) return undefined;
  if (!isNode(node.properties) || !isNode(node.properties.level) || !isNode(node.properties.notes)) return undefined;
  if (Object.values(node.properties).some((p) => isNode(p) && p.deprecated === true && (p === node.properties.level || p === node.properties.notes))) return undefined;
  return {
    frame: compiler.fn(schema, schema.$id, new Map([[answers, "isObject"]])),
    name: compiler.fn(answers.propertyNames, schema.$id),
    level: compiler.fn(node.properties.level, answer.base),
    notes: compiler.fn(node.properties.notes, answer.base),
  };
}

/**
 * The check of every document schema (by the kind's export name, sorted), of the quick-checked kinds,
 * and the assessment's split, compiled by `compiler` (either backend).
 * @param {SchemaCompiler} compiler
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} schemaBase
 */
export function compileRoots(compiler, schemaFiles, schemaBase) {
  /** @type {[string, string][]} */
  const roots = [];
  /** @type {ReturnType<typeof assessmentSplit>} */
  let split;
  for (const { schema } of schemaFiles) {
    if (schema.$id === `${schemaBase}defs.schema.json`) continue;
    const name = camel(schema.$id.slice(schemaBase.length).replace(".schema.json", ""));
    roots.push([name, compiler.fn(schema, schema.$id)]);
    // The split frame, a near copy of the assessment's check, is written right after it: a copy
    // close by costs a gzipped bundle next to nothing.
    if (name === "assessment") split = assessmentSplit(compiler, schema);
  }
  roots.sort(([a], [b]) => (a < b ? -1 : 1));
  const quick = QUICK_CHECK_KINDS.map((kind) => [camel(kind), /** @type {string} */ (roots.find(([n]) => n === camel(kind))?.[1])]);
  return { roots, quick, split };
}

/**
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} schemaBase
 * @param {number} recursionLimit the data depth beyond which recursive checks refuse (see depth.mjs)
 * @param {number} maxDepth how deep a document may nest (MAX_DEPTH)
 */
export function generateValidators(schemaFiles, schemaBase, recursionLimit, maxDepth) {
  const registry = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  const compiler = new SchemaCompiler(registry);
  const { roots, quick, split } = compileRoots(compiler, schemaFiles, schemaBase);

  const lines = [
    BANNER,
    "// Precompiled validators: each function checks data against one schema node; with `e` null it",
    "// stops at the first failure, with a list it collects every error (see scripts/codegen/compile-schema.mjs).",
    "/* eslint-disable */",
    RUNTIME.replace("LIMIT", String(recursionLimit)),
    "",
    "const isObject = (d) => typeof d === \"object\" && d !== null && !Array.isArray(d);",
    ...compiler.constantDeclarations.map((c) => c.replace(/ = new /, " = /* @__PURE__ */ new ")),
    ...compiler.functions(recursionLimit, maxDepth),
    "",
    ...roots.map(([name, fn]) => `export const ${name} = /* @__PURE__ */ validator(${fn});`),
    "",
    "/** Fast checks, true only when a document passes its schema (no error list is built). */",
    ...quick.map(([name, fn]) => `export const ${name}Passes = (d) => ${fn}(d, "", undefined, null, 0);`),
    split
      ? `export const assessmentSplit = { frame: (d) => ${split.frame}(d, "", undefined, null, 0), name: (d) => ${split.name}(d, "", undefined, null, 1), level: (d) => ${split.level}(d, "", undefined, null, 2), notes: (d) => ${split.notes}(d, "", undefined, null, 2) };`
      : "export const assessmentSplit = null;",
    "",
  ];
  const js = lines.join("\n");
  const names = roots.map(([n]) => n);
  const dts = [
    BANNER,
    'import type { ErrorObject } from "ajv";',
    "",
    "/** A precompiled validator: true when valid; `collect` lists the errors of an invalid document, in ajv's shape. */",
    "export interface PrecompiledValidator {",
    "  (data: unknown): boolean;",
    "  /** Every error of a document the check refused; `deep` when it met data nested too deep to follow. */",
    "  collect(data: unknown): ErrorObject[] & { deep?: boolean };",
    "}",
    "",
    ...names.map((n) => `export declare const ${n}: PrecompiledValidator;`),
    "",
    ...quick.map(([name]) => `export declare const ${name}Passes: (data: unknown) => boolean;`),
    "/** The quick check of an assessment split for a scorer that reads every answer (null: the schema has another shape). */",
    "export declare const assessmentSplit: {",
    "  frame(data: unknown): boolean;",
    "  name(data: unknown): boolean;",
    "  level(data: unknown): boolean;",
    "  notes(data: unknown): boolean;",
    "} | null;",
    "",
  ].join("\n");
  return { js, dts };
}
