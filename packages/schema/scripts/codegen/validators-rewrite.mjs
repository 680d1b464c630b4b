// @ts-check
// The rewrites of ajv's standalone code (one function each). Each checks that ajv's output still
// has the shape it rewrites and throws, naming the rewrite, when it has not: a new ajv release that
// emits something else stops codegen instead of producing validators that silently differ.
// src/codegen-rewrites.test.ts feeds each one the present shape and a changed one.
import { isNode } from "./source.mjs";

// The only run-time helpers the generated code may use, and their ESM replacements.
export const RUNTIME_REQUIRES = new Map([
  ['require("ajv/dist/runtime/ucs2length").default', "__runtime.ucs2length"],
  ['require("ajv/dist/runtime/equal").default', "__runtime.equal"],
  ['require("../validator-runtime").formats', "__runtime.formats"],
]);
// Helpers of src/validator-runtime.ts the post-processing of the generated code calls: pushError.

/**
 * Verbose errors carry the failing keyword's value (`schema`) beside its schema node (`parentSchema`)
 * and the data; the error mapping never reads `schema`, so it is left out.
 * @param {string} code
 */
export function dropKeywordValues(code) {
  const sites = code.split(",parentSchema:").length - 1;
  const out = code.replace(/,schema:(?:(?!,parentSchema:).)*,parentSchema:/g, ",parentSchema:");
  if (sites === 0 || /[{,]schema:/.test(out) || out.split(",parentSchema:").length - 1 !== sites) {
    throw new Error("codegen: the verbose errors of the generated validators are not in the expected shape");
  }
  return out;
}

/**
 * A schema constant whose $defs are compiled into validators of their own carries them a second
 * time; nothing reads them through the constant, so they are left out of it.
 * @param {string} code
 */
export function dropCompiledDefs(code) {
  return code.replace(/const (schema\d+) = (\{.*?\});(?=const |function |export )/g, (all, name, json) => {
    const schema = JSON.parse(json);
    if (!isNode(schema.$defs) || new RegExp(`\\b${name}(?:\\.\\$defs|\\["\\$defs"\\])`).test(code)) return all;
    delete schema.$defs;
    return `const ${name} = ${JSON.stringify(schema)};`;
  });
}

/** @typedef {true | { [key: string]: Mask }} Mask what is read of a value: all of it, or these members */

/**
 * What src/map-errors.ts reads of an error's parentSchema: its description, its properties (names, and
 * each one's description and const), and the same through allOf/anyOf/oneOf/if/then/else.
 * @param {unknown} node
 * @returns {Mask}
 */
function readerMask(node) {
  if (!isNode(node)) return true;
  /** @type {{ [key: string]: any }} */
  const mask = {};
  if (typeof node.description === "string") mask.description = true;
  if (isNode(node.properties)) {
    mask.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      if (!isNode(child)) mask.properties[name] = true;
      else mask.properties[name] = Object.fromEntries(["description", "const"].filter((k) => k in child).map((k) => [k, true]));
    }
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    if (Array.isArray(node[key])) mask[key] = Object.fromEntries(node[key].map((/** @type {unknown} */ member, /** @type {number} */ i) => [i, readerMask(member)]));
  }
  for (const key of ["if", "then", "else"]) if (key in node) mask[key] = readerMask(node[key]);
  return mask;
}

/**
 * @param {Mask | undefined} a
 * @param {Mask} b
 * @returns {Mask}
 */
function mergeMasks(a, b) {
  if (a === true || b === true) return true;
  if (a === undefined) return b;
  const merged = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = mergeMasks(a[key], value);
  return merged;
}

/**
 * The constant reduced to what the mask keeps, in the original key order; array members not kept become {}.
 * @param {unknown} value
 * @param {Mask} mask
 * @returns {unknown}
 */
function project(value, mask) {
  if (mask === true || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((member, i) => (mask[i] === undefined ? {} : project(member, mask[i])));
  /** @type {{ [key: string]: unknown }} */
  const copy = {};
  for (const [key, member] of Object.entries(value)) if (mask[key] !== undefined) copy[key] = project(member, mask[key]);
  return copy;
}

/**
 * The schema constants of the generated code reduced to what is read of them: whatever the code reads
 * by path (`schema19.properties` for own-property tests, `....enum` for allowed values) in full, and of
 * each verbose error's `parentSchema` only what src/map-errors.ts reads (see readerMask). The code is
 * unchanged, so what the validators accept and the problems reported are the same.
 * @param {string} code
 */
export function pruneSchemaConstants(code) {
  // `func1.call(schema19.properties, key0)`: an own-property test (func1 is hasOwnProperty) reads the names only.
  const ownTest = /\bconst (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(code)?.[1];
  const reference = /(,parentSchema:|\b[\w$]+\.call\()?\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\]|\[\d+\])*)/g;
  const masks = new Map();
  const constants = new Map();
  const declaration = /const (schema\d+) = (\{.*?\});(?=const |function |export )/g;
  for (const match of code.matchAll(declaration)) constants.set(match[1], JSON.parse(match[2]));
  const body = code.replace(declaration, "");
  for (const [, before, name, pathText] of body.matchAll(reference)) {
    const schema = constants.get(name);
    if (schema === undefined) throw new Error(`codegen: ${name} is used but not declared as a schema constant`);
    const path = [...pathText.matchAll(/\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/g)].map((m) => m[1] ?? (m[2] !== undefined ? JSON.parse(`"${m[2]}"`) : Number(m[3])));
    let target = schema;
    for (const key of path) {
      if (typeof target !== "object" || target === null || !(key in target)) throw new Error(`codegen: ${name}${pathText} does not exist in its schema constant`);
      target = target[key];
    }
    /** @type {Mask} */
    let mask = true;
    if (before === ",parentSchema:") mask = readerMask(target);
    else if (before !== undefined && ownTest !== undefined && before === `${ownTest}.call(` && isNode(target)) {
      mask = Object.fromEntries(Object.keys(target).map((key) => [key, {}]));
    }
    for (const key of [...path].reverse()) mask = { [key]: mask };
    masks.set(name, mergeMasks(masks.get(name), mask));
  }
  return code.replace(declaration, (all, name) => {
    const mask = masks.get(name);
    if (mask === undefined) throw new Error(`codegen: schema constant ${name} is never used`);
    return `const ${name} = ${JSON.stringify(project(constants.get(name), mask))};`;
  });
}

/**
 * src/map-errors.ts reads an error's schemaPath only to see whether it failed inside an if/then
 * branch (`/allOf/<i>/then/`); the other paths are left empty.
 * @param {string} code
 */
export function emptySchemaPaths(code) {
  const out = code.replace(/schemaPath:"([^"\\]*)"/g, (all, path) => (/\/allOf\/\d+\/then\//.test(path) ? all : 'schemaPath:""'));
  if (/schemaPath:(?!")/.test(out)) throw new Error("codegen: a schemaPath of the generated validators is not a string literal");
  return out;
}

/**
 * Every error site builds a verbose error and appends it; one run-time call (pushError) does both.
 * (Errors of an `if` condition, which are discarded, are empty objects: `const err0 = {};`; they stay.)
 * @param {string} code
 */
export function callPushError(code) {
  const errorSites = code.split("= {instancePath").length - 1;
  const errorSite =
    /const (err\d+) = \{instancePath(:.*?)?,schemaPath:("[^"]*"),keyword:("[^"]*"),params:(.*?),parentSchema:([\w$.[\]"]+),data(:[^}]*)?\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g;
  const out = code.replace(errorSite, (all, err, path, schemaPath, keyword, params, parentSchema, data) => {
    const args = [path ? path.slice(1) : "instancePath", keyword, params, parentSchema, data ? data.slice(1) : "data"];
    if (schemaPath !== '""') args.push(schemaPath);
    return `vErrors = __runtime.pushError(vErrors, ${args.join(", ")});errors++;`;
  });
  if (/const err\d+ = \{(?!\};)/.test(out) || out.split("__runtime.pushError(").length - 1 !== errorSites) {
    throw new Error("codegen: an error site of the generated validators is not in the expected shape");
  }
  return out;
}

/**
 * parentData, parentDataProperty, rootData and dynamicAnchors are handed from validator to validator
 * but never read (no $data, $dynamicRef, defaults or coercion): they are left out.
 * @param {string} code
 */
export function dropUnreadArguments(code) {
  let out = code.replace(/,parentData:[\w$]+,parentDataProperty:(?:"(?:[^"\\]|\\.)*"|[\w$]+),rootData,dynamicAnchors\}/g, "}");
  out = out.replace(/, parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)/g, "}={})");
  if (/\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(out)) {
    throw new Error("codegen: the generated validators read parentData, rootData or dynamicAnchors");
  }
  return out;
}

/**
 * Own-property tests for evaluated properties, as src/evaluated-props.ts does for run-time validators:
 * otherwise a key such as "constructor" passes unevaluatedProperties: false.
 * @param {string} code
 */
export function ownPropertyLookups(code) {
  const out = code.replace(/!(props\d+)\[(key\d+)\]/g, "!Object.prototype.hasOwnProperty.call($1, $2)");
  if (/props\d+\[key\d+\]/.test(out)) throw new Error("codegen: an evaluated-properties lookup is not in the expected shape");
  return out;
}

/**
 * ajv sets what each validator evaluated as a property of the function, a top-level statement a
 * bundler must keep (and with it every validator); as a constant of its own, a bundle keeps only the
 * validators it reaches.
 * @param {string} code
 */
export function evaluatedAsConstants(code) {
  const assignments = code.split(".evaluated = ").length - 1;
  let out = code.replace(/\}(validate\d+)\.evaluated = (\{[^{}]*\});/g, "}const $1_evaluated = $2;");
  out = out.replace(/= (validate\d+)\.evaluated;/g, "= $1_evaluated;");
  if (/\.evaluated\b/.test(out) || out.split("_evaluated = {").length - 1 !== assignments) {
    throw new Error("codegen: the evaluated annotations of the generated validators are not in the expected shape");
  }
  return out;
}

/**
 * The run-time helpers ajv requires (CommonJS) become the ESM module beside the validators; nothing
 * else may be required, and nothing may generate code at run time.
 * @param {string} code
 */
export function esmRuntime(code) {
  let out = code;
  for (const [from, to] of RUNTIME_REQUIRES) out = out.split(from).join(to);
  out = out.replace(/^"use strict";/, "");
  const leftover = out.match(/require\([^)]*\)/);
  if (leftover) throw new Error(`codegen: generated validators still use ${leftover[0]}`);
  if (/new Function|\beval\(|\bFunction\(/.test(out)) throw new Error("codegen: generated validators would generate code at run time");
  return out;
}

/** Every rewrite, in the order they apply. */
export const REWRITES = [dropKeywordValues, dropCompiledDefs, pruneSchemaConstants, emptySchemaPaths, callPushError, dropUnreadArguments, ownPropertyLookups, evaluatedAsConstants, esmRuntime];

/**
 * ajv's standalone code rewritten by every rewrite.
 * @param {string} code
 */
export function rewriteValidators(code) {
  return REWRITES.reduce((out, rewrite) => rewrite(out), code);
}
