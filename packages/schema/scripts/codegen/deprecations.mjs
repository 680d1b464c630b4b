// @ts-check
// Generates src/generated/deprecations.ts: for each document kind, a function that finds the data
// present where the schema marks a field `deprecated: true`. It is straight code following only the
// paths that lead to a deprecated field, so checking a document resolves no `$ref` and builds no
// JSON Pointer unless it finds such a field.
import { DOCUMENT_KINDS, camel, isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaNode} SchemaNode */
/** @typedef {import("./source.mjs").SchemaFile} SchemaFile */

// What the check follows from a schema node to the data it describes (the same value: $ref and the
// applicators; a member: properties, additionalProperties, items).
const SAME_VALUE = ["then", "else"];
const SAME_VALUE_ARRAYS = ["allOf", "anyOf", "oneOf"];

/**
 * The nodes of the schemas that lead to a field marked `deprecated: true`.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 */
function schemaGraph(schemaFiles) {
  /** @type {Map<string, SchemaNode>} */
  const byId = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  /** @type {Map<SchemaNode, string>} every node the check can stand on, with the base its $refs resolve against */
  const nodes = new Map();
  /** @param {SchemaNode} node @param {string} base @returns {SchemaNode | undefined} */
  const refTarget = (node, base) => {
    if (typeof node.$ref !== "string") return undefined;
    const url = new URL(node.$ref, base);
    /** @type {unknown} */
    let target = byId.get(url.href.split("#")[0]);
    for (const segment of decodeURIComponent(url.hash.slice(1)).split("/").slice(1)) {
      target = isNode(target) ? target[segment.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
    }
    if (!isNode(target)) throw new Error(`codegen: ${node.$ref} (from ${base}) names no schema`);
    return target;
  };
  /** @param {SchemaNode} node @returns {{ same: SchemaNode[], members: SchemaNode[] }} */
  const children = (node) => {
    const base = /** @type {string} */ (nodes.get(node));
    const target = refTarget(node, base);
    const same = [...SAME_VALUE.map((k) => node[k]), ...SAME_VALUE_ARRAYS.flatMap((k) => (Array.isArray(node[k]) ? node[k] : [])), target].filter(isNode);
    const members = [...(isNode(node.properties) ? Object.values(node.properties) : []), node.additionalProperties, node.items].filter(isNode);
    return { same, members };
  };
  /** @param {SchemaNode} node @param {string} base */
  const visit = (node, base) => {
    if (nodes.has(node)) return;
    const here = typeof node.$id === "string" ? new URL(node.$id, base).href : base;
    nodes.set(node, here);
    const target = refTarget(node, here);
    if (target) visit(target, new URL(/** @type {string} */ (node.$ref), here).href.split("#")[0]);
    for (const child of [...SAME_VALUE.map((k) => node[k]), ...SAME_VALUE_ARRAYS.flatMap((k) => (Array.isArray(node[k]) ? node[k] : []))]) {
      if (isNode(child)) visit(child, here);
    }
    for (const child of [...(isNode(node.properties) ? Object.values(node.properties) : []), node.additionalProperties, node.items]) {
      if (isNode(child)) visit(child, here);
    }
  };
  for (const [id, schema] of byId) visit(schema, id);
  // The nodes that lead to a deprecated field, to a fixed point (refs may loop).
  const leads = new Set([...nodes.keys()].filter((n) => n.deprecated === true));
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of nodes.keys()) {
      if (leads.has(node)) continue;
      const { same, members } = children(node);
      if ([...same, ...members].some((c) => leads.has(c))) {
        leads.add(node);
        grew = true;
      }
    }
  }
  return { byId, leads, children, refTarget: (/** @type {SchemaNode} */ node) => refTarget(node, /** @type {string} */ (nodes.get(node))) };
}

/**
 * The generated module's text.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} base
 * @param {string} banner
 * @param {readonly string[]} [kinds] the kinds to write a check for (every document kind)
 * @returns {string}
 */
export function generateDeprecations(schemaFiles, base, banner, kinds = DOCUMENT_KINDS) {
  const { byId, leads, refTarget } = schemaGraph(schemaFiles);
  /** @type {Map<SchemaNode, string>} */
  const names = new Map();
  /** @type {string[]} */
  const functions = [];
  /** @type {{ since?: string, replacement?: string, description?: string }[]} */
  const deprecations = [];
  let counter = 0;
  /** @type {Set<SchemaNode>} nodes being written, to refuse a loop that never reaches a member */
  const writing = new Set();

  /** @param {SchemaNode} node @returns {string} the name of the function that checks a value against `node` */
  const fn = (node) => {
    const known = names.get(node);
    if (known) return known;
    if (writing.has(node)) throw new Error("codegen: a $ref or applicator loop leads to a deprecated field without descending into the data");
    const name = `check${counter++}`;
    names.set(node, name);
    writing.add(node);
    /** @type {string[]} */
    const body = [];
    const target = refTarget(node);
    for (const same of [target, ...SAME_VALUE.map((k) => node[k]), ...SAME_VALUE_ARRAYS.flatMap((k) => (Array.isArray(node[k]) ? node[k] : []))]) {
      if (isNode(same) && leads.has(same)) body.push(`  ${fn(same)}(value, path, found);`);
    }
    writing.delete(node);
    const properties = isNode(node.properties) ? node.properties : {};
    const additional = isNode(node.additionalProperties) && leads.has(node.additionalProperties) ? node.additionalProperties : undefined;
    /** @param {SchemaNode} member @param {string} key an expression */
    const visitMember = (member, key) => {
      const lines = [];
      if (member.deprecated === true) {
        // The warning quotes the description only of a field with no replacement to name: only then is it written.
        const replacement = typeof member["x-replacement"] === "string" ? member["x-replacement"] : undefined;
        const deprecation = {
          ...(typeof member["x-deprecatedSince"] === "string" ? { since: member["x-deprecatedSince"] } : {}),
          ...(replacement !== undefined ? { replacement } : typeof member.description === "string" ? { description: member.description } : {}),
        };
        // Fields deprecated alike (the same words in several places) share one entry.
        let index = deprecations.findIndex((d) => JSON.stringify(d) === JSON.stringify(deprecation));
        if (index < 0) index = deprecations.push(deprecation) - 1;
        lines.push(`found(path, ${key}, ${index});`);
      }
      if (leadsFrom(member).length > 0) lines.push(`path.push(${key}); ${fn(member)}(value[${key}], path, found); path.pop();`);
      return lines.join(" ");
    };
    /** @param {SchemaNode} member */
    const leadsFrom = (member) => {
      const out = [];
      const t = refTarget(member);
      for (const c of [t, ...SAME_VALUE.map((k) => member[k]), ...SAME_VALUE_ARRAYS.flatMap((k) => (Array.isArray(member[k]) ? member[k] : [])), ...(isNode(member.properties) ? Object.values(member.properties) : []), member.additionalProperties, member.items]) {
        if (isNode(c) && leads.has(c)) out.push(c);
      }
      return out;
    };
    const declared = Object.entries(properties).filter(([, sub]) => isNode(sub) && leads.has(sub));
    if (additional) {
      // Every key: a declared one is checked against its own schema, any other against additionalProperties.
      const cases = declared.map(([key, sub]) => `      case ${JSON.stringify(key)}: ${visitMember(sub, "key")} break;`);
      const otherNames = Object.keys(properties).filter((k) => !declared.some(([d]) => d === k));
      body.push(
        "  if (isObject(value)) {",
        "    for (const key in value) {",
        "      if (!hasOwn.call(value, key)) continue;",
        ...(cases.length > 0 || otherNames.length > 0 ? ["      switch (key) {", ...cases, ...otherNames.map((k) => `      case ${JSON.stringify(k)}: break;`), `      default: ${visitMember(additional, "key")}`, "      }"] : [`      ${visitMember(additional, "key")}`]),
        "    }",
        "  }",
      );
    } else if (declared.length > 0) {
      body.push("  if (isObject(value)) {");
      for (const [key, sub] of declared) body.push(`    if (hasOwn.call(value, ${JSON.stringify(key)})) { ${visitMember(sub, JSON.stringify(key))} }`);
      body.push("  }");
    }
    if (isNode(node.items) && leads.has(node.items)) {
      body.push("  if (Array.isArray(value)) {", `    for (let index = 0; index < value.length; index++) { ${visitMember(node.items, "index")} }`, "  }");
    }
    // A node that only passes the value on (a $ref) is its target's check.
    const passOn = body.length === 1 ? /^ {2}(check\d+)\(value, path, found\);$/.exec(body[0]) : null;
    if (passOn) {
      names.set(node, passOn[1]);
      return passOn[1];
    }
    functions.push(`function ${name}(value: any, path: (string | number)[], found: Found): void {`, ...body, "}", "");
    return name;
  };

  const checks = kinds.map((kind) => {
    const schema = byId.get(`${base}${kind}.schema.json`);
    if (!schema) throw new Error(`codegen: no schema has $id ${base}${kind}.schema.json`);
    return { kind, check: leads.has(schema) ? fn(schema) : undefined };
  });

  const lines = [
    banner,
    "// For each document kind, the data present where its schema marks a field `deprecated: true`: code",
    "// that follows only the paths leading to such a field, building a pointer only for what it finds.",
    'import { collectDeprecated, NO_DEPRECATIONS, type Deprecation, type DeprecationCheck, type Found } from "../deprecated";',
    "",
    "const hasOwn = Object.prototype.hasOwnProperty;",
    "const isObject = (value: unknown): value is Record<string, unknown> => typeof value === \"object\" && value !== null && !Array.isArray(value);",
    "",
    "/** The deprecated fields, as their schemas describe them. */",
    `const DEPRECATIONS: readonly Deprecation[] = ${JSON.stringify(deprecations, null, 2)};`,
    "",
    ...functions,
  ];
  for (const { kind, check } of checks) {
    lines.push(
      `/** The deprecated fields of a ${kind} document${check ? "" : " (its schema has none)"}. */`,
      check
        ? `export const ${camel(kind)}: DeprecationCheck = (document, declaredVersion) => collectDeprecated(DEPRECATIONS, ${check}, document, declaredVersion);`
        : `export const ${camel(kind)}: DeprecationCheck = NO_DEPRECATIONS;`,
      "",
    );
  }
  return lines.join("\n");
}
