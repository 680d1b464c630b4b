#!/usr/bin/env node
// Generates the TypeScript types, the precompiled validators and the packaged schema copies
// from the JSON Schemas in the repository's schemas/ folder.
//
//   node scripts/codegen.mjs            write the generated files
//   node scripts/codegen.mjs --check    exit 1, naming each stale file, when the committed
//                                      output differs from what the schemas produce
//   --schemas <dir>  --package <dir>    read and write elsewhere (used by the stale-check test)
//
// The schemas in schemas/ are the current version (their $ids name it). Each released version is
// frozen in schemas/releases/<version>/; the package ships every one of them as
// schemas/<version>/<name>.schema.json, the current one too, and the current files again as
// schemas/<name>.schema.json.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { _ } from "ajv";
import { compile } from "json-schema-to-typescript";

// ajv and ajv-formats are CommonJS with a `default` export.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

export const BANNER = "// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs";
export const SCHEMA_HOST = "https://schemas.cohesion.dev/";
export const DOCUMENT_KINDS = [
  "framework",
  "scale",
  "benchmark",
  "practice",
  "place",
  "scheme",
  "assessment",
  "score-report",
  "plugin-manifest",
];
/**
 * Custom annotation keywords our schemas use besides the 2020-12 vocabularies, with the JSON type
 * of their value: x-enumDescriptions (a description per enum value), x-deprecatedSince (the schema
 * version that deprecated a field) and x-replacement (the field to use instead).
 */
export const ANNOTATION_KEYWORDS = {
  "x-enumDescriptions": "object",
  "x-deprecatedSince": "string",
  "x-replacement": "string",
};
const VERSION_PATTERN = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

const scriptDir = dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    schemas: { type: "string" },
    package: { type: "string" },
  },
});
const packageDir = resolve(args.package ?? join(scriptDir, ".."));
const schemasDir = resolve(args.schemas ?? join(scriptDir, "../../../schemas"));
const releasesDir = join(schemasDir, "releases");

function camel(kind) {
  return kind.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
}
function pascal(value) {
  const c = camel(value);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

function readSchemas(dir = schemasDir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    return { file, text, schema: JSON.parse(text) };
  });
}

/** The version every $id of a schema set names (https://schemas.cohesion.dev/<version>/<file>). */
function versionOf(schemaFiles, where) {
  const versions = new Set();
  for (const { file, schema } of schemaFiles) {
    const id = String(schema.$id ?? "");
    const version = id.startsWith(SCHEMA_HOST) ? id.slice(SCHEMA_HOST.length).split("/")[0] : "";
    if (!VERSION_PATTERN.test(version) || id !== `${SCHEMA_HOST}${version}/${file}`) {
      throw new Error(`${where}/${file}: $id must be ${SCHEMA_HOST}<major>.<minor>/${file}, but it is "${id}"`);
    }
    versions.add(version);
  }
  if (versions.size !== 1) throw new Error(`${where}: every $id must name the same version, but they name ${[...versions].join(", ")}`);
  return [...versions][0];
}

function compareVersions(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Every released version frozen in schemas/releases/, each checked to carry its own $ids. */
function readReleases() {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((name) => statSync(join(releasesDir, name)).isDirectory())
    .sort(compareVersions)
    .map((version) => {
      const files = readSchemas(join(releasesDir, version));
      const declared = versionOf(files, `schemas/releases/${version}`);
      if (declared !== version) throw new Error(`schemas/releases/${version}: its $ids name version ${declared}`);
      return { version, files };
    });
}

// ---------------------------------------------------------------- types

/**
 * Prepares a schema for json-schema-to-typescript:
 * - titles are kept only on roots and named $defs, so properties do not become named aliases;
 * - a $ref with sibling keywords becomes allOf:[{$ref}], so the referenced type keeps its one
 *   name instead of being copied under a numbered one (Text1, Text2...) while the property keeps
 *   its own description;
 * - the if/then discriminator pattern (scheme) becomes a union of named variants, because the
 *   generator does not understand if/then.
 */
function prepareForTypes(node, place = "node") {
  if (Array.isArray(node)) return node.map((n) => prepareForTypes(n));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "title" && place === "node") continue;
    if (Object.hasOwn(ANNOTATION_KEYWORDS, key)) continue;
    if (key === "$defs") {
      out.$defs = Object.fromEntries(
        Object.entries(value).map(([name, def]) => [name, prepareForTypes(def, "def")]),
      );
    } else if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, prop]) => [name, prepareForTypes(prop)]),
      );
    } else if (key === "allOf" && discriminator(value)) {
      // handled below
    } else {
      out[key] = prepareForTypes(value);
    }
  }
  // Enum value descriptions become part of the TSDoc, since TypeScript has no place for them.
  const valueDescriptions = node["x-enumDescriptions"];
  if (Array.isArray(node.enum) && valueDescriptions && typeof valueDescriptions === "object") {
    const lines = node.enum.map((value) => `- \`${JSON.stringify(value)}\`: ${valueDescriptions[value] ?? ""}`);
    out.description = [out.description ?? "", ...lines].join("\n").trim();
  }
  // An object the schema leaves open by design (parameters, params) is a record, not {}.
  if (out.type === "object" && !out.properties && !("additionalProperties" in out) && !out.anyOf) {
    out.additionalProperties = true;
  }
  if (typeof out.$ref === "string" && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    Object.assign(rest, { allOf: [{ $ref }] });
    return rest;
  }
  const variants = Array.isArray(node.allOf) ? discriminator(node.allOf) : undefined;
  if (variants) {
    out.anyOf = variants.map(({ property, value, then }) =>
      prepareForTypes(
        {
          title: `${pascal(value)} ${node.title ?? ""}`.trim(),
          type: "object",
          properties: { [property]: { const: value }, ...(then.properties ?? {}) },
          required: [property, ...(then.required ?? [])],
        },
        "def",
      ),
    );
    delete out.unevaluatedProperties;
  }
  return out;
}

/** Recognises allOf: [{ if: { properties: { X: { const: v } }, required: [X] }, then }...]. */
function discriminator(allOf) {
  const variants = [];
  for (const member of allOf) {
    const cond = member?.if?.properties;
    if (!cond || !member.then || member.else) return undefined;
    const names = Object.keys(cond);
    if (names.length !== 1) return undefined;
    const property = names[0];
    if (!("const" in cond[property])) return undefined;
    variants.push({ property, value: cond[property].const, then: member.then });
  }
  return variants.length > 0 ? variants : undefined;
}

async function generateTypes(schemaFiles, schemaBase) {
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, prepareForTypes(schema, "root")]));
  const root = {
    $id: `${schemaBase}cohesion.schema.json`,
    title: "CohesionDocument",
    description: "Any Cohesion document; `kind` tells which.",
    anyOf: DOCUMENT_KINDS.map((kind) => ({ $ref: `${schemaBase}${kind}.schema.json` })),
  };
  // The validation report is an output envelope, not a document: compiled on its own (it
  // references nothing shared), then checked below for clashing names.
  const reportSchema = byId.get(`${schemaBase}validation-report.schema.json`);
  const documentsTs = await compile(root, "CohesionDocument", compileOptions(byId, schemaBase));
  const reportTs = await compile(reportSchema, "ValidationReport", compileOptions(byId, schemaBase));
  const ts = `${documentsTs}\n${reportTs}`;
  const names = [...ts.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
  const duplicates = names.filter((n, i) => names.indexOf(n) !== i || /\d$/.test(n));
  if (duplicates.length > 0) {
    throw new Error(`codegen: duplicate or numbered type names: ${[...new Set(duplicates)].join(", ")}`);
  }
  return `${BANNER}\n/* eslint-disable */\n\n${ts}`;
}

function compileOptions(byId, schemaBase) {
  return {
    bannerComment: "",
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: false,
    format: true,
    declareExternallyReferenced: true,
    $refOptions: {
      // Our $ids are https URLs that need not exist: resolve them from the local files only.
      resolve: {
        http: false,
        file: false,
        cohesion: {
          order: 1,
          canRead: (file) => file.url.startsWith(schemaBase),
          read: (file) => {
            const schema = byId.get(file.url.split("#")[0]);
            if (!schema) throw new Error(`codegen: no local schema has $id ${file.url}`);
            return JSON.stringify(schema);
          },
        },
      },
    },
  };
}

// ---------------------------------------------------------------- validators

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
// Helpers of src/validator-runtime.ts the post-processing of the generated code calls: pushError, appendErrors.

// ---------------------------------------------------------------- schema walking

// Keywords whose value is a schema, an array of schemas, or a map of names to schemas.
const SUBSCHEMA = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "contains", "not", "if", "then", "else"];
const SUBSCHEMA_ARRAYS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];

function isNode(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema node copied with `edit(node, copy)` applied to it and to each of its subschemas. */
function mapSchema(node, edit) {
  if (!isNode(node)) return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (SUBSCHEMA.includes(key)) copy[key] = mapSchema(value, edit);
    else if (SUBSCHEMA_ARRAYS.includes(key) && Array.isArray(value)) copy[key] = value.map((v) => mapSchema(v, edit));
    else if (SUBSCHEMA_MAPS.includes(key) && isNode(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, mapSchema(sub, edit)]));
    } else copy[key] = value;
  }
  return edit(node, copy);
}

// ---------------------------------------------------------------- validators

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

function generateValidators(schemaFiles, schemaBase) {
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
  // ajv joins a sub-validator's errors with concat, which copies the whole list each time: an array of a
  // million bad items would take hours. One run-time call appends in place instead.
  const joins = code.split("vErrors.concat(").length - 1;
  code = code.replace(/vErrors = vErrors === null \? ([\w$.]+)\.errors : vErrors\.concat\(\1\.errors\);/g, "vErrors = __runtime.appendErrors(vErrors, $1.errors);");
  if (code.split("__runtime.appendErrors(").length - 1 !== joins || code.includes("vErrors.concat(")) {
    throw new Error("codegen: a join of errors in the generated validators is not in the expected shape");
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

// ---------------------------------------------------------------- deprecations

// What src/deprecated.ts follows from a schema node to the data it describes.
const WALKED = ["items", "additionalProperties", "then", "else"];
const WALKED_ARRAYS = ["allOf", "anyOf", "oneOf"];

/**
 * The schemas cut down to what the deprecated-field walk (src/deprecated.ts) needs: only the
 * nodes from which it can reach a field marked `deprecated: true` (through properties, items,
 * additionalProperties, $ref and the applicators it follows), with only the keywords it reads. The
 * walk gives the same warnings on them as on the full schemas, so validate() need not carry the
 * full schemas (descriptions and all) to find deprecated fields. Keyed by `$id`; a schema with no
 * way to a deprecated field is left out.
 */
function deprecationSchemas(schemaFiles) {
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  // Every node the walk can stand on, with the base its relative $refs resolve against.
  const nodes = new Map();
  const visit = (node, base) => {
    if (!isNode(node) || nodes.has(node)) return;
    const here = typeof node.$id === "string" ? new URL(node.$id, base).href : base;
    nodes.set(node, here);
    for (const key of WALKED) visit(node[key], here);
    for (const key of WALKED_ARRAYS) if (Array.isArray(node[key])) for (const m of node[key]) visit(m, here);
    if (isNode(node.properties)) for (const sub of Object.values(node.properties)) visit(sub, here);
    const target = refTarget(node, here);
    if (target) visit(target.node, target.document);
  };
  const refTarget = (node, base) => {
    if (typeof node.$ref !== "string") return undefined;
    const url = new URL(node.$ref, base);
    const document = url.href.split("#")[0];
    let target = byId.get(document);
    const path = decodeURIComponent(url.hash.slice(1)).split("/").slice(1);
    for (const segment of path) target = isNode(target) ? target[segment.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
    return isNode(target) ? { node: target, document, path } : undefined;
  };
  for (const [id, schema] of byId) visit(schema, id);

  // The nodes that lead to a deprecated field, found by iterating to a fixed point (refs may loop).
  const leads = new Set([...nodes.keys()].filter((n) => n.deprecated === true));
  const children = (node) => [
    ...WALKED.map((k) => node[k]),
    ...WALKED_ARRAYS.flatMap((k) => (Array.isArray(node[k]) ? node[k] : [])),
    ...(isNode(node.properties) ? Object.values(node.properties) : []),
    refTarget(node, nodes.get(node))?.node,
  ];
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of nodes.keys()) {
      if (!leads.has(node) && children(node).some((c) => leads.has(c))) {
        leads.add(node);
        grew = true;
      }
    }
  }

  const prune = (node) => {
    const out = {};
    if (typeof node.$id === "string") out.$id = node.$id;
    if (typeof node.$ref === "string" && leads.has(refTarget(node, nodes.get(node))?.node)) out.$ref = node.$ref;
    if (node.deprecated === true) {
      out.deprecated = true;
      for (const key of ["x-deprecatedSince", "x-replacement", "description"]) if (key in node) out[key] = node[key];
    }
    for (const key of WALKED_ARRAYS) {
      const members = Array.isArray(node[key]) ? node[key].filter((m) => leads.has(m)) : [];
      if (members.length > 0) out[key] = members.map(prune);
    }
    for (const key of ["then", "else", "items"]) if (leads.has(node[key])) out[key] = prune(node[key]);
    const open = leads.has(node.additionalProperties);
    if (isNode(node.properties)) {
      // Beside a walked additionalProperties every declared name must stay, or its data would be
      // walked as an additional property.
      const kept = Object.entries(node.properties).filter(([, sub]) => open || leads.has(sub));
      if (kept.length > 0) out.properties = Object.fromEntries(kept.map(([name, sub]) => [name, leads.has(sub) ? prune(sub) : {}]));
    }
    if (open) out.additionalProperties = prune(node.additionalProperties);
    return out;
  };

  const result = {};
  for (const [id, schema] of byId) if (leads.has(schema)) result[id] = prune(schema);
  // Put each $ref target where its pointer finds it.
  for (const node of leads) {
    const target = refTarget(node, nodes.get(node));
    if (!target || !leads.has(target.node) || target.path.length === 0) continue;
    let parent = (result[target.document] ??= { $id: target.document });
    for (const segment of target.path.slice(0, -1)) parent = parent[segment] ??= {};
    parent[target.path[target.path.length - 1]] ??= prune(target.node);
  }
  return result;
}

function generateDeprecations(schemaFiles) {
  return [
    BANNER,
    "",
    "/**",
    " * The schemas, by `$id`, cut down to the paths that lead to a field marked `deprecated: true`: all",
    " * the deprecated-field check of `validate` needs, so the full schemas stay out of its bundle. A",
    " * schema with no way to a deprecated field is not listed.",
    " */",
    `export const DEPRECATION_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = ${JSON.stringify(deprecationSchemas(schemaFiles), null, 2)};`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------- per-kind validate functions

/** `validateAssessment`, `validateScoreReport`, ...: one function per document kind. */
function generateValidateKinds() {
  const lines = [
    BANNER,
    "// One validate function per document kind: each reaches only its own precompiled validator (and",
    "// the ones its schema refers to), so a bundle that validates two kinds leaves the others out.",
    'import type { ValidationReport } from "./types";',
    'import * as validators from "./validators";',
    'import { validateKind } from "../validate";',
  ];
  for (const kind of DOCUMENT_KINDS) {
    lines.push(
      "",
      "/**",
      ` * Checks a document against the ${kind} schema: the report of \`validateAs("${kind}", document)\`,`,
      " * without bundling the validators of the other kinds. Never throws.",
      " *",
      " * @example",
      ` * const report = validate${pascal(kind)}(JSON.parse(text));`,
      " */",
      `export function validate${pascal(kind)}(document: unknown): ValidationReport {`,
      `  return validateKind("${kind}", validators.${camel(kind)}, document);`,
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------- quick-check schemas

/** The document kinds whose schemas `QUICK_CHECK_SCHEMAS` carries: the ones scored in bulk. */
const QUICK_CHECK_KINDS = ["assessment", "benchmark", "scale", "place"];

/** Keywords that never decide validity and that no quick check reads; `deprecated` stays (it makes a warning). */
const QUICK_CHECK_DROPPED = ["title", "description", "$comment", "examples", "default", "readOnly", "writeOnly", ...Object.keys(ANNOTATION_KEYWORDS)];

/**
 * The schemas of QUICK_CHECK_KINDS reduced to what decides validity (and `deprecated`), with the
 * shared definitions cut down to the ones they refer to, transitively. Keyed by `$id`.
 */
function quickCheckSchemas(schemaFiles, base) {
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  const defsId = `${base}defs.schema.json`;
  const defs = byId.get(defsId);
  const used = new Set();
  const strip = (schema) =>
    mapSchema(schema, (_node, copy) => {
      for (const keyword of QUICK_CHECK_DROPPED) delete copy[keyword];
      return copy;
    });
  const follow = (node, documentId) => {
    if (Array.isArray(node)) return node.forEach((item) => follow(item, documentId));
    if (!isNode(node)) return;
    if (typeof node.$ref === "string") {
      const [address, fragment = ""] = node.$ref.split("#");
      const target = address === "" ? documentId : new URL(address, documentId).href;
      const name = /^\/\$defs\/([^/]+)$/.exec(fragment)?.[1];
      if (target === defsId && name !== undefined) {
        if (!used.has(name)) {
          if (!isNode(defs.$defs?.[name])) throw new Error(`codegen: ${node.$ref} names no shared definition`);
          used.add(name);
          follow(defs.$defs[name], defsId);
        }
      } else if (target !== documentId) throw new Error(`codegen: the quick-check schemas cannot follow ${node.$ref} from ${documentId}`);
    }
    for (const value of Object.values(node)) follow(value, documentId);
  };
  const out = {};
  for (const kind of QUICK_CHECK_KINDS) {
    const id = `${base}${kind}.schema.json`;
    const schema = byId.get(id);
    if (!schema) throw new Error(`codegen: no schema has $id ${id}`);
    follow(schema, id);
    out[id] = strip(schema);
  }
  const names = Object.keys(defs.$defs).filter((name) => used.has(name));
  out[defsId] = strip({ ...defs, $defs: Object.fromEntries(names.map((name) => [name, defs.$defs[name]])) });
  return out;
}

function generateQuickCheckSchemas(schemaFiles, base) {
  return [
    BANNER,
    "",
    "/**",
    ` * The schemas of the kinds scored in bulk (${QUICK_CHECK_KINDS.join(", ")}) and the shared definitions they`,
    " * use, by `$id`, reduced to the keywords that decide validity (and `deprecated`): what a quick",
    " * pre-check compiled from the schemas (@cohesion/scoring's) needs, without titles, descriptions,",
    " * examples or annotations, so the full schemas stay out of its bundle.",
    " */",
    `export const QUICK_CHECK_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = ${JSON.stringify(quickCheckSchemas(schemaFiles, base))};`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------- main

function generateVersions(current, released) {
  const versions = [...new Set([...released, current])].sort(compareVersions);
  return [
    BANNER,
    "",
    "/** The schema version of the schemas this package validates against (the latest). */",
    `export const SCHEMA_VERSION = ${JSON.stringify(current)};`,
    "",
    "/** Every schema version the package ships, oldest first; each as schemas/<version>/<name>.schema.json. */",
    `export const SCHEMA_VERSIONS = [${versions.map((v) => JSON.stringify(v)).join(", ")}] as const;`,
    "",
  ].join("\n");
}

async function expectedFiles() {
  const schemaFiles = readSchemas();
  const current = versionOf(schemaFiles, "schemas");
  const base = `${SCHEMA_HOST}${current}/`;
  const releases = readReleases();
  const files = new Map();
  files.set("src/generated/types.ts", await generateTypes(schemaFiles, base));
  const { js, dts } = generateValidators(schemaFiles, base);
  files.set("src/generated/validators.js", js);
  files.set("src/generated/validators.d.ts", dts);
  files.set("src/generated/deprecations.ts", generateDeprecations(schemaFiles));
  files.set("src/generated/validate-kinds.ts", generateValidateKinds());
  files.set("src/generated/quick-check-schemas.ts", generateQuickCheckSchemas(schemaFiles, base));
  files.set("src/generated/versions.ts", generateVersions(current, releases.map((r) => r.version)));
  for (const { version, files: released } of releases) {
    for (const { file, text } of released) {
      // A released version is frozen: the current schemas may not change under its $ids.
      const now = version === current ? schemaFiles.find((s) => s.file === file) : undefined;
      if (version === current && now?.text !== text) {
        throw new Error(
          `schemas/${file} differs from schemas/releases/${version}/${file} but still carries version ${version} in its $id; give the changed schemas a new version (every $id)`,
        );
      }
      files.set(`schemas/${version}/${file}`, text);
    }
  }
  for (const { file, text } of schemaFiles) {
    files.set(`schemas/${file}`, text);
    files.set(`schemas/${current}/${file}`, text);
  }
  return files;
}

/** Every file under a package folder, as package-relative paths. */
function listed(dir) {
  const full = join(packageDir, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((f) => (statSync(join(full, f)).isDirectory() ? listed(`${dir}/${f}`) : [`${dir}/${f}`]));
}

async function main() {
  const files = await expectedFiles();
  const generatedDirs = ["src/generated", "schemas"];
  const strays = generatedDirs.flatMap(listed).filter((f) => !files.has(f));
  if (args.check) {
    const stale = [];
    for (const [path, content] of files) {
      const full = join(packageDir, path);
      if (!existsSync(full) || readFileSync(full, "utf8") !== content) stale.push(path);
    }
    stale.push(...strays);
    if (stale.length > 0) {
      for (const path of stale) {
        console.error(`stale: ${relative(process.cwd(), join(packageDir, path)) || path}`);
      }
      console.error(
        `codegen:check: ${stale.length} generated file(s) differ from what the schemas produce; run "npm run codegen -w @cohesion/schema" and commit the result.`,
      );
      process.exitCode = 1;
      return;
    }
    console.log("codegen:check: generated files are up to date.");
    return;
  }
  for (const [path, content] of files) {
    const full = join(packageDir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (!existsSync(full) || readFileSync(full, "utf8") !== content) writeFileSync(full, content);
  }
  for (const path of strays) rmSync(join(packageDir, path));
  console.log(`codegen: wrote ${files.size} files into ${relative(process.cwd(), packageDir) || "."}.`);
}

main().catch((error) => {
  console.error(`codegen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
