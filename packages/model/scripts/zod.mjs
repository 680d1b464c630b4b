// @ts-check
// Generates the zod schemas of @cohesion/model (src/generated/zod.ts) from the JSON Schemas, so they
// give the verdict of @cohesion/schema's validators on every input. No library translates draft
// 2020-12 as our schemas use it (if/then variants closed by unevaluatedProperties, lengths in code
// points, formats as ajv-formats checks them, records whose keys are checked by propertyNames), so
// this is a generator of our own; the keywords it does not know stop it rather than pass unchecked.

/** @typedef {Record<string, any>} SchemaNode */
/** @typedef {{ file: string, schema: SchemaNode }} SchemaFile */

/** Keywords that never decide validity. */
const ANNOTATIONS = new Set([
  "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated",
  "readOnly", "writeOnly", "x-enumDescriptions", "x-deprecatedSince", "x-replacement",
]);

/** Keywords the generator translates. */
const TRANSLATED = new Set([
  "type", "const", "enum", "pattern", "minLength", "maxLength", "format", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "properties", "required", "additionalProperties", "propertyNames",
  "minProperties", "maxProperties", "unevaluatedProperties", "allOf", "items", "minItems", "maxItems", "uniqueItems", "$ref",
]);

const FORMATS = { date: "isDate", uri: "isUri" };
/** The building blocks of src/zod-json.ts. */
const HELPERS = ["documentRules", "anyObject", "jsonNumber", "jsonRecord", "jsonString", "otherwise", "propertyCount", "uniqueItems"];

/** @param {string} value */
const camel = (value) => value.replace(/[-.]([a-z])/g, (_m, c) => c.toUpperCase());

/**
 * The generated module's text.
 *
 * @param {readonly SchemaFile[]} schemaFiles every schema of the current version
 * @param {string} base the URL their `$id`s start with (https://schemas.cohesion.dev/<version>/)
 * @param {readonly string[]} kinds the document kinds, in the order of the domain model
 * @param {string} banner the DO NOT EDIT line
 * @returns {string}
 */
export function generateZod(schemaFiles, base, kinds, banner) {
  /** @type {Map<string, SchemaNode>} */
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  /** Every named schema (a root or a `$defs` entry) by its absolute URL, with its constant's name. */
  /** @type {Map<string, { name: string, node: SchemaNode, document: string, deps: Set<string> }>} */
  const named = new Map();
  for (const [id, schema] of byId) {
    const file = id.slice(base.length).replace(".schema.json", "");
    if (file === "defs" || file === "validation-report") {
      // shared definitions only; the report envelope is an output, not a document
    } else named.set(id, { name: `${camel(file)}Schema`, node: schema, document: id, deps: new Set() });
    for (const [def, node] of Object.entries(schema.$defs ?? {})) {
      const name = `${camel(def)}Schema`;
      if ([...named.values()].some((n) => n.name === name)) throw new Error(`codegen: two schemas would be named ${name}`);
      if (file !== "validation-report") named.set(`${id}#/$defs/${def}`, { name, node, document: id, deps: new Set() });
    }
  }

  /**
   * @param {string} ref
   * @param {string} document
   */
  const resolve = (ref, document) => {
    const url = new URL(ref, document).href;
    const target = named.get(url);
    if (!target) throw new Error(`codegen: ${ref} in ${document} names no root or $defs entry`);
    return { url, target };
  };

  /** @type {string | undefined} */
  let current;
  /** @type {Set<string>} names whose constant is declared after the one being written, or itself */
  let lazy = new Set();

  /**
   * The zod expression of a schema node.
   *
   * @param {SchemaNode | boolean} node
   * @param {string} document
   * @param {string} where a JSON Pointer for error messages
   * @returns {string}
   */
  const expr = (node, document, where) => {
    if (node === true) return "z.unknown()";
    if (typeof node !== "object" || node === null) throw new Error(`codegen: ${where} is not a schema`);
    for (const key of Object.keys(node)) {
      if (!ANNOTATIONS.has(key) && !TRANSLATED.has(key)) throw new Error(`codegen: zod cannot express "${key}" at ${where}`);
    }
    if (typeof node.$ref === "string") {
      const rest = Object.keys(node).filter((k) => !ANNOTATIONS.has(k) && k !== "$ref");
      if (rest.length > 0) throw new Error(`codegen: ${where} has $ref beside ${rest.join(", ")}`);
      const { url, target } = resolve(node.$ref, document);
      if (current) named.get(current)?.deps.add(url);
      return lazy.has(target.name) ? `z.lazy(() => ${target.name})` : target.name;
    }
    if ("const" in node) return literal([node.const], node, where);
    if (Array.isArray(node.enum)) return literal(node.enum, node, where);
    if (Array.isArray(node.allOf)) return variants(node, document, where);
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes(undefined)) {
      if (Object.keys(node).every((k) => ANNOTATIONS.has(k))) return "z.unknown()";
      throw new Error(`codegen: ${where} has no type`);
    }
    const members = types.map((type) => typed(type, node, document, where));
    return members.length === 1 ? members[0] : `z.union([${members.join(", ")}])`;
  };

  /**
   * @param {readonly unknown[]} values
   * @param {SchemaNode} node
   * @param {string} where
   */
  const literal = (values, node, where) => {
    const others = Object.keys(node).filter((k) => !ANNOTATIONS.has(k) && !["const", "enum", "type"].includes(k));
    if (others.length > 0) throw new Error(`codegen: ${where} has ${others.join(", ")} beside const or enum`);
    if (values.some((v) => v !== null && typeof v === "object")) throw new Error(`codegen: ${where} lists an object or array value`);
    if (values.length === 1) return `z.literal(${JSON.stringify(values[0])})`;
    if (values.every((v) => typeof v === "string")) return `z.enum(${JSON.stringify(values)})`;
    return `z.union([${values.map((v) => `z.literal(${JSON.stringify(v)})`).join(", ")}])`;
  };

  /**
   * @param {string} type
   * @param {SchemaNode} node
   * @param {string} document
   * @param {string} where
   */
  const typed = (type, node, document, where) => {
    switch (type) {
      case "null":
        return "z.null()";
      case "boolean":
        return "z.boolean()";
      case "string":
        return stringExpr(node, where);
      case "number":
      case "integer":
        return numberExpr(node, type === "integer");
      case "array":
        return arrayExpr(node, document, where);
      case "object":
        return objectExpr(node, document, where);
      default:
        throw new Error(`codegen: ${where} has type ${type}`);
    }
  };

  /**
   * @param {SchemaNode} node
   * @param {string} where
   */
  const stringExpr = (node, where) => {
    const rules = [];
    if (typeof node.pattern === "string") rules.push(`pattern: new RegExp(${JSON.stringify(node.pattern)}, "u")`);
    if (typeof node.minLength === "number") rules.push(`minLength: ${node.minLength}`);
    if (typeof node.maxLength === "number") rules.push(`maxLength: ${node.maxLength}`);
    if (typeof node.format === "string") {
      const check = FORMATS[/** @type {keyof typeof FORMATS} */ (node.format)];
      if (!check) throw new Error(`codegen: ${where} uses format ${node.format}, which @cohesion/schema does not check`);
      rules.push(`format: ${JSON.stringify(node.format)}`);
    }
    return rules.length === 0 ? "z.string()" : `jsonString({ ${rules.join(", ")} })`;
  };

  /**
   * @param {SchemaNode} node
   * @param {boolean} integer
   */
  const numberExpr = (node, integer) => {
    const rules = integer ? ["integer: true"] : [];
    for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
      if (typeof node[key] === "number") rules.push(`${key}: ${node[key]}`);
    }
    return rules.length === 0 ? "z.number()" : `jsonNumber({ ${rules.join(", ")} })`;
  };

  /**
   * @param {SchemaNode} node
   * @param {string} document
   * @param {string} where
   */
  const arrayExpr = (node, document, where) => {
    const items = node.items === undefined ? "z.unknown()" : expr(node.items, document, `${where}/items`);
    let out = `z.array(${items})`;
    if (typeof node.minItems === "number") out += `.min(${node.minItems})`;
    if (typeof node.maxItems === "number") out += `.max(${node.maxItems})`;
    if (node.uniqueItems === true) out = `uniqueItems(${out})`;
    return out;
  };

  /**
   * @param {SchemaNode} node
   * @param {string} document
   * @param {string} where
   * @param {Record<string, SchemaNode>} [extra] properties an if/then branch adds
   * @param {readonly string[]} [extraRequired]
   */
  const objectExpr = (node, document, where, extra = {}, extraRequired = []) => {
    const properties = { ...(node.properties ?? {}), ...extra };
    const required = new Set([...(node.required ?? []), ...extraRequired]);
    const closed = node.additionalProperties === false || node.unevaluatedProperties === false;
    const names = Object.keys(properties);
    const bounds = [];
    if (typeof node.minProperties === "number") bounds.push(`minProperties: ${node.minProperties}`);
    if (typeof node.maxProperties === "number") bounds.push(`maxProperties: ${node.maxProperties}`);
    let out;
    if (names.length === 0 && !closed) {
      // A map: the values of additionalProperties, the keys of propertyNames.
      const values = node.additionalProperties === undefined || node.additionalProperties === true ? undefined : expr(node.additionalProperties, document, `${where}/additionalProperties`);
      const keys = node.propertyNames === undefined ? undefined : expr(node.propertyNames, document, `${where}/propertyNames`);
      if (values === undefined && keys === undefined) out = "anyObject()";
      else out = `jsonRecord(${keys ?? "undefined"}, ${values ?? "z.unknown()"})`;
    } else {
      if (!closed) throw new Error(`codegen: ${where} declares properties but is not closed (additionalProperties: false)`);
      if (node.propertyNames !== undefined) throw new Error(`codegen: ${where} has propertyNames on a closed object`);
      for (const name of required) if (!(name in properties)) throw new Error(`codegen: ${where} requires ${name}, which it does not declare`);
      const fields = names.map((name) => {
        const value = expr(properties[name], document, `${where}/properties/${name}`);
        return `${JSON.stringify(name)}: ${value}${required.has(name) ? "" : ".exactOptional()"}`;
      });
      out = `z.strictObject({ ${fields.join(", ")} })`;
    }
    return bounds.length === 0 ? out : `propertyCount(${out}, { ${bounds.join(", ")} })`;
  };

  /**
   * The if/then pattern: `allOf` of `{ if: { properties: { X: { const: v } }, required: [X] }, then }`
   * over a base closed by `unevaluatedProperties: false`. Each branch is the base with the branch's
   * fields and X fixed to v; when X is optional, a document without it is checked against the base alone.
   *
   * @param {SchemaNode} node
   * @param {string} document
   * @param {string} where
   */
  const variants = (node, document, where) => {
    if (node.unevaluatedProperties !== false || node.type !== "object") throw new Error(`codegen: ${where} uses allOf other than as closed if/then variants`);
    const branches = node.allOf.map((/** @type {SchemaNode} */ member, /** @type {number} */ i) => {
      const condition = member?.if;
      const names = Object.keys(condition?.properties ?? {});
      const then = member?.then;
      const extra = Object.keys(member ?? {}).filter((k) => k !== "if" && k !== "then");
      if (names.length !== 1 || !("const" in condition.properties[names[0]]) || JSON.stringify(condition.required) !== JSON.stringify(names) || !then || extra.length > 0) {
        throw new Error(`codegen: ${where}/allOf/${i} is not an if (one const property, required) / then`);
      }
      const thenKeys = Object.keys(then).filter((k) => !ANNOTATIONS.has(k) && k !== "properties" && k !== "required");
      if (thenKeys.length > 0) throw new Error(`codegen: ${where}/allOf/${i}/then has ${thenKeys.join(", ")}`);
      return { property: names[0], value: condition.properties[names[0]].const, then };
    });
    const property = branches[0].property;
    if (branches.some((/** @type {{ property: string }} */ b) => b.property !== property)) throw new Error(`codegen: ${where} switches on more than one property`);
    const { allOf: _allOf, ...baseNode } = node;
    const options = branches.map((/** @type {{ value: unknown, then: SchemaNode }} */ { value, then }) =>
      objectExpr(baseNode, document, where, { ...then.properties, [property]: { const: value } }, then.required ?? []),
    );
    const values = JSON.stringify(branches.map((/** @type {{ value: unknown }} */ b) => b.value));
    // When the switch property is required, every valid document takes a branch.
    if ((node.required ?? []).includes(property)) return `z.union([${options.join(", ")}])`;
    const fallback = `otherwise(${objectExpr(baseNode, document, where)}, ${JSON.stringify(property)}, ${values})`;
    return `z.union([${[...options, fallback].join(", ")}])`;
  };

  // Declared in dependency order; a constant used before its declaration (a cycle) is read lazily.
  /** @type {string[]} */
  const order = [];
  /** @type {Map<string, string>} */
  const bodies = new Map();
  const pending = [...named.keys()];
  // First pass: find what each refers to.
  for (const url of pending) {
    current = url;
    const entry = /** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(url));
    expr(entry.node, entry.document, url.replace(base, ""));
  }
  /** @type {Set<string>} */
  const placed = new Set();
  /** @type {Set<string>} */
  const visiting = new Set();
  /** @param {string} url */
  const place = (url) => {
    if (placed.has(url) || visiting.has(url)) return;
    visiting.add(url);
    for (const dep of /** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(url)).deps) place(dep);
    visiting.delete(url);
    placed.add(url);
    order.push(url);
  };
  for (const url of named.keys()) place(url);
  /** @type {Set<string>} */
  const recursive = new Set();
  for (const [i, url] of order.entries()) {
    const entry = /** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(url));
    current = url;
    lazy = new Set(order.slice(i).map((u) => /** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(u)).name));
    let body = expr(entry.node, entry.document, url.replace(base, ""));
    if (url === entry.document && entry.node.properties?.kind?.const !== undefined) body = `documentRules(${body})`;
    if (body.includes("z.lazy(")) recursive.add(url);
    bodies.set(url, body);
  }

  /** @type {Set<string>} */
  const typeImports = new Set();
  /**
   * The name json-schema-to-typescript gives a titled schema (its title in PascalCase); the type
   * check of the generated file fails if it names no generated type.
   * @param {SchemaNode} node
   * @param {string} name
   */
  const typeName = (node, name) => {
    if (typeof node.title !== "string") throw new Error(`codegen: ${name} refers to itself but has no title to name its type`);
    const type = node.title.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, c) => c.toUpperCase());
    typeImports.add(type);
    return type;
  };
  for (const url of recursive) typeName(/** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(url)).node, url);
  const lines = [
    banner,
    "/* eslint-disable */",
    "// The zod schemas of every document kind and shared definition, one constant per root or $defs",
    "// entry of the JSON Schemas. Each gives the verdict of @cohesion/schema's validator on every input.",
    ...(typeImports.size > 0 ? [`import type { ${[...typeImports].sort().join(", ")} } from "@cohesion/schema";`] : []),
    'import * as z from "zod";',
    `import { ${HELPERS.filter((h) => [...bodies.values()].some((b) => b.includes(`${h}(`))).join(", ")} } from "../zod-json";`,
    "",
  ];
  for (const url of order) {
    const entry = /** @type {NonNullable<ReturnType<typeof named.get>>} */ (named.get(url));
    const title = typeof entry.node.title === "string" ? entry.node.title : entry.name;
    lines.push(`/** ${title}: \`${url.replace(base, "")}\`. */`);
    // A schema that refers to itself cannot infer its own type.
    const annotation = recursive.has(url) ? `: z.ZodType<${typeName(entry.node, entry.name)}>` : "";
    lines.push(`export const ${entry.name}${annotation} = ${bodies.get(url)};`, "");
  }
  lines.push(
    "/** The zod schema of each document kind. */",
    "export const documentSchemas = {",
    ...kinds.map((kind) => `  ${JSON.stringify(kind)}: ${camel(kind)}Schema,`),
    "} as const;",
    "",
  );
  return lines.join("\n");
}
