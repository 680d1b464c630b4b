// Generates src/generated/validators.js: ajv's standalone code for every schema, rewritten (see
// ./validators-rewrite.mjs) to import its run-time helpers as ESM and to carry only what the error
// mapping reads.
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { _ } from "ajv";
import { mapSchema } from "./schema-walk.mjs";
import { ANNOTATION_KEYWORDS, BANNER, camel, isNode } from "./source.mjs";
import { rewriteValidators } from "./validators-rewrite.mjs";

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

export function standaloneValidators(schemaFiles, exportsMap, messages) {
  const ajv = createAjv({ messages, code: { source: true, esm: true, lines: false } });
  for (const { schema } of schemaFiles) ajv.addSchema(forValidators(schema));
  return standaloneCode(ajv, exportsMap);
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
  code = rewriteValidators(code);
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
