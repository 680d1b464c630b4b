// Generates src/generated/validators.js: ajv's standalone code for every schema, rewritten (see
// ./validators-rewrite.mjs) to import its run-time helpers as ESM and to carry only what the error
// mapping reads.
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { _ } from "ajv";
import { mapSchema } from "./schema-walk.mjs";
import { ANNOTATION_KEYWORDS, BANNER, camel, isNode } from "./source.mjs";

// ajv and ajv-formats are CommonJS with a `default` export.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** The ajv options shared by the precompiled validators and the run-time entry. */
export function createAjv(options = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    inlineRefs: false,
    ...options,
  });
  ajv.opts.code.formats = _`require("../validator-runtime").formats`;
  addFormats(ajv);
  for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
  return ajv;
}

// The only run-time helpers the generated code may use, and their ESM replacements.
const RUNTIME_REQUIRES = new Map([
  ['require("ajv/dist/runtime/ucs2length").default', "__runtime.ucs2length"],
  ['require("ajv/dist/runtime/equal").default', "__runtime.equal"],
  ['require("../validator-runtime").formats', "__runtime.formats"],
]);
// Helpers of src/validator-runtime.ts the post-processing of the generated code calls: pushError.


/**
 * A schema as the precompiled validators embed it: the validators are generated `verbose`, so each
 * error carries the schema node it failed against and the code holds the schema objects. Only what
 * the error mapping (src/map-errors.ts) reads of them is kept: the structure, and the description of
 * a node with a `pattern` (it explains the pattern) and of a required property (it says what is
 * missing). Titles, other descriptions and the annotation keywords are left out; they generate no
 * code, so what the validators accept and the errors they report are unchanged.
 */
function forValidators(schema) {
  return mapSchema(schema, (node, copy) => {
    delete copy.title;
    delete copy.$comment;
    delete copy.examples;
    delete copy.deprecated;
    for (const keyword of Object.keys(ANNOTATION_KEYWORDS)) delete copy[keyword];
    if (typeof node.pattern !== "string") delete copy.description;
    if (Array.isArray(node.required) && isNode(node.properties)) {
      for (const field of node.required) {
        const original = node.properties[field];
        if (isNode(original) && typeof original.description === "string" && isNode(copy.properties[field])) {
          copy.properties[field] = { ...copy.properties[field], description: original.description };
        }
      }
    }
    return copy;
  });
}

/**
 * The error keywords src/map-errors.ts turns into problems of their own; for any other keyword the
 * problem quotes ajv's message, so the validators are generated with messages only when the
 * schemas use such a keyword.
 */
const MAPPED_KEYWORDS = new Set([
  "if", "then", "else", "allOf", "propertyNames", "$ref", "$dynamicRef",
  "required", "additionalProperties", "unevaluatedProperties", "type", "enum", "const", "pattern",
  "maxLength", "minLength", "minItems", "maxItems", "minProperties", "maxProperties",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format", "uniqueItems",
]);

/** The formats src/validator-runtime.ts implements. */
const RUNTIME_FORMATS = new Set(["date", "uri"]);

function standaloneValidators(schemaFiles, exportsMap, messages) {
  const ajv = createAjv({ messages, code: { source: true, esm: true, lines: false } });
  for (const { schema } of schemaFiles) ajv.addSchema(forValidators(schema));
  return standaloneCode(ajv, exportsMap);
}

// What src/map-errors.ts reads of an error's parentSchema: its description, its properties (names, and
// each one's description and const), and the same through allOf/anyOf/oneOf/if/then/else.
function readerMask(node) {
  if (!isNode(node)) return true;
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
    if (Array.isArray(node[key])) mask[key] = Object.fromEntries(node[key].map((member, i) => [i, readerMask(member)]));
  }
  for (const key of ["if", "then", "else"]) if (key in node) mask[key] = readerMask(node[key]);
  return mask;
}

function mergeMasks(a, b) {
  if (a === true || b === true) return true;
  if (a === undefined) return b;
  const merged = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = mergeMasks(a[key], value);
  return merged;
}

// The constant reduced to what the mask keeps, in the original key order; array members not kept become {}.
function project(value, mask) {
  if (mask === true || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((member, i) => (mask[i] === undefined ? {} : project(member, mask[i])));
  const copy = {};
  for (const [key, member] of Object.entries(value)) if (mask[key] !== undefined) copy[key] = project(member, mask[key]);
  return copy;
}

/**
 * The schema constants of the generated code reduced to what is read of them: whatever the code reads
 * by path (`schema19.properties` for own-property tests, `....enum` for allowed values) in full, and of
 * each verbose error's `parentSchema` only what src/map-errors.ts reads (see readerMask). The code is
 * unchanged, so what the validators accept and the problems reported are the same.
 */
function pruneSchemaConstants(code) {
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

export function generateValidators(schemaFiles, schemaBase) {
  const exportsMap = {};
  for (const { schema } of schemaFiles) {
    if (schema.$id === `${schemaBase}defs.schema.json`) continue;
    const name = schema.$id.slice(schemaBase.length).replace(".schema.json", "");
    exportsMap[camel(name)] = schema.$id;
  }
  let code = standaloneValidators(schemaFiles, exportsMap, false);
  const keywords = new Set([...code.matchAll(/keyword:"([^"]+)"/g)].map((m) => m[1]));
  if ([...keywords].some((k) => !MAPPED_KEYWORDS.has(k))) code = standaloneValidators(schemaFiles, exportsMap, true);
  const formats = [...code.matchAll(/require\("\.\.\/validator-runtime"\)\.formats\.([\w$]+)/g)].map((m) => m[1]);
  const missing = formats.filter((f) => !RUNTIME_FORMATS.has(f));
  if (missing.length > 0) throw new Error(`codegen: src/validator-runtime.ts implements no format ${missing.join(", ")}`);
  // verbose errors carry the failing keyword's value (`schema`) beside its schema node
  // (`parentSchema`) and the data; the error mapping never reads `schema`, so it is left out.
  const sites = code.split(",parentSchema:").length - 1;
  code = code.replace(/,schema:(?:(?!,parentSchema:).)*,parentSchema:/g, ",parentSchema:");
  if (/[{,]schema:/.test(code) || code.split(",parentSchema:").length - 1 !== sites) {
    throw new Error("codegen: the verbose errors of the generated validators are not in the expected shape");
  }
  // A schema constant whose $defs are compiled into validators of their own carries them a second
  // time; nothing reads them through the constant, so they are left out of it.
  code = code.replace(/const (schema\d+) = (\{.*?\});(?=const |function |export )/g, (all, name, json) => {
    const schema = JSON.parse(json);
    if (!isNode(schema.$defs) || new RegExp(`\\b${name}(?:\\.\\$defs|\\["\\$defs"\\])`).test(code)) return all;
    delete schema.$defs;
    return `const ${name} = ${JSON.stringify(schema)};`;
  });
  code = pruneSchemaConstants(code);
  // src/map-errors.ts reads an error's schemaPath only to see whether it failed inside an if/then
  // branch (`/allOf/<i>/then/`); the other paths are left empty.
  code = code.replace(/schemaPath:"([^"\\]*)"/g, (all, path) => (/\/allOf\/\d+\/then\//.test(path) ? all : 'schemaPath:""'));
  if (/schemaPath:(?!")/.test(code)) throw new Error("codegen: a schemaPath of the generated validators is not a string literal");
  // Every error site builds a verbose error and appends it; one run-time call (pushError) does both.
  // (Errors of an `if` condition, which are discarded, are empty objects: `const err0 = {};`; they stay.)
  const errorSites = code.split("= {instancePath").length - 1;
  const errorSite =
    /const (err\d+) = \{instancePath(:.*?)?,schemaPath:("[^"]*"),keyword:("[^"]*"),params:(.*?),parentSchema:([\w$.[\]"]+),data(:[^}]*)?\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g;
  code = code.replace(errorSite, (all, err, path, schemaPath, keyword, params, parentSchema, data) => {
    const args = [path ? path.slice(1) : "instancePath", keyword, params, parentSchema, data ? data.slice(1) : "data"];
    if (schemaPath !== '""') args.push(schemaPath);
    return `vErrors = __runtime.pushError(vErrors, ${args.join(", ")});errors++;`;
  });
  if (/const err\d+ = \{(?!\};)/.test(code) || code.split("__runtime.pushError(").length - 1 !== errorSites) {
    throw new Error("codegen: an error site of the generated validators is not in the expected shape");
  }
  // parentData, parentDataProperty, rootData and dynamicAnchors are handed from validator to validator
  // but never read (no $data, $dynamicRef, defaults or coercion): they are left out.
  code = code.replace(/,parentData:[\w$]+,parentDataProperty:(?:"(?:[^"\\]|\\.)*"|[\w$]+),rootData,dynamicAnchors\}/g, "}");
  code = code.replace(/, parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)/g, "}={})");
  if (/\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(code)) {
    throw new Error("codegen: the generated validators read parentData, rootData or dynamicAnchors");
  }
  // Own-property tests for evaluated properties, as src/evaluated-props.ts does for run-time validators:
  // otherwise a key such as "constructor" passes unevaluatedProperties: false.
  const lookups = /!(props\d+)\[(key\d+)\]/g;
  code = code.replace(lookups, "!Object.prototype.hasOwnProperty.call($1, $2)");
  if (/props\d+\[key\d+\]/.test(code)) throw new Error("codegen: an evaluated-properties lookup is not in the expected shape");
  // ajv sets what each validator evaluated as a property of the function, a top-level statement
  // a bundler must keep (and with it every validator); as a constant of its own, a bundle keeps
  // only the validators it reaches.
  const assignments = code.split(".evaluated = ").length - 1;
  code = code.replace(/\}(validate\d+)\.evaluated = (\{[^{}]*\});/g, "}const $1_evaluated = $2;");
  code = code.replace(/= (validate\d+)\.evaluated;/g, "= $1_evaluated;");
  if (/\.evaluated\b/.test(code) || code.split("_evaluated = {").length - 1 !== assignments) {
    throw new Error("codegen: the evaluated annotations of the generated validators are not in the expected shape");
  }
  for (const [from, to] of RUNTIME_REQUIRES) code = code.split(from).join(to);
  code = code.replace(/^"use strict";/, "");
  const leftover = code.match(/require\([^)]*\)/);
  if (leftover) throw new Error(`codegen: generated validators still use ${leftover[0]}`);
  if (/new Function|\beval\(|\bFunction\(/.test(code)) {
    throw new Error("codegen: generated validators would generate code at run time");
  }
  const js = `${BANNER}\n/* eslint-disable */\nimport * as __runtime from "../validator-runtime";\n${code}\n`;
  const names = Object.keys(exportsMap).sort();
  const dts = [
    BANNER,
    'import type { ErrorObject } from "ajv";',
    "",
    "/** A precompiled validator: true when valid; otherwise `errors` holds what ajv found. */",
    "export interface PrecompiledValidator {",
    "  (data: unknown): boolean;",
    "  errors?: ErrorObject[] | null;",
    "}",
    "",
    ...names.map((n) => `export declare const ${n}: PrecompiledValidator;`),
    "",
  ].join("\n");
  return { js, dts };
}
