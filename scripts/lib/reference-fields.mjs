// The fields of a schema, flattened for the reference pages: one row per field, with its path in a
// document, type, constraints, description, enum meanings and deprecation, following $refs within the
// set (a recursive definition is shown once and then named).

const CONSTRAINTS = [
  ["pattern", (v) => `pattern \`${v}\``],
  ["format", (v) => `format ${v}`],
  ["minLength", (v) => `at least ${v} characters`],
  ["maxLength", (v) => `at most ${v} characters`],
  ["minimum", (v) => `≥ ${v}`],
  ["exclusiveMinimum", (v) => `> ${v}`],
  ["maximum", (v) => `≤ ${v}`],
  ["exclusiveMaximum", (v) => `< ${v}`],
  ["minItems", (v) => `at least ${v} item(s)`],
  ["maxItems", (v) => `at most ${v} item(s)`],
  ["uniqueItems", (v) => (v ? "items unique" : "")],
  ["minProperties", (v) => `at least ${v} entr${v === 1 ? "y" : "ies"}`],
];

/** Resolves a `$ref` against the set: `defs.schema.json#/$defs/x` or `#/$defs/y` within `file`. */
function resolve(ref, file, set) {
  const [target, fragment = ""] = ref.split("#");
  const targetFile = target === "" ? file : target;
  let node = set[targetFile];
  for (const part of fragment.split("/").slice(1)) node = node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node === undefined ? undefined : { node, file: targetFile, key: `${targetFile}#${fragment}` };
}

/** A node with its `$ref` (and `allOf` of one `$ref`) merged in: the ref's keywords under the node's own. */
function flatten(node, file, set, seen) {
  let current = node;
  let at = file;
  let refKey;
  for (let hops = 0; hops < 10; hops += 1) {
    const ref = typeof current.$ref === "string" ? current.$ref : Array.isArray(current.allOf) && current.allOf.length === 1 && typeof current.allOf[0]?.$ref === "string" ? current.allOf[0].$ref : undefined;
    if (ref === undefined) break;
    const target = resolve(ref, at, set);
    if (target === undefined) break;
    refKey ??= target.key;
    if (seen.has(target.key)) return { node: { ...current, $ref: undefined, allOf: undefined }, file: at, recursive: target.key };
    const { $ref: _ref, allOf: _allOf, ...own } = current;
    current = { ...target.node, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
    at = target.file;
    seen = new Set([...seen, target.key]);
  }
  return { node: current, file: at, refKey, seen };
}

function typeOf(node) {
  if (node.const !== undefined) return `const ${JSON.stringify(node.const)}`;
  if (Array.isArray(node.enum)) return `${node.type ?? "value"}, one of ${node.enum.length}`;
  if (node.type === "array") return "array";
  if (Array.isArray(node.type)) return node.type.join(" | ");
  if (node.type !== undefined) return node.type;
  if (node.properties !== undefined) return "object";
  return "any";
}

function constraintsOf(node) {
  const out = [];
  for (const [key, say] of CONSTRAINTS) if (node[key] !== undefined) out.push(say(node[key]));
  if (node.additionalProperties === false) out.push("no other fields");
  return out.filter(Boolean);
}

/**
 * Every field of `file`'s schema, depth first, as rows:
 * `{ path, title, description, type, constraints, required, enum, deprecated, condition, provenance }`, where
 * `provenance` is the path of the mark that says whose words a prose field holds (schema 1.2), if it has one.
 */
export function fieldsOf(file, set) {
  const rows = [];
  const visit = (raw, at, path, required, condition, seen, depth, branch = false, provenance = undefined) => {
    const { node, file: nodeFile, recursive, seen: nextSeen = seen } = flatten(raw, at, set, seen);
    if (path !== "" && !branch) {
      rows.push({
        path,
        title: node.title ?? "",
        description: node.description ?? "",
        type: recursive ? `${typeOf(node)}, as ${recursive.split("/").pop()} above` : typeOf(node),
        constraints: constraintsOf(node),
        required,
        enum: Array.isArray(node.enum) ? node.enum.map((value) => ({ value, meaning: node["x-enumDescriptions"]?.[value] ?? "" })) : [],
        deprecated: node.deprecated === true ? { since: node["x-deprecatedSince"], replacement: node["x-replacement"] } : undefined,
        condition,
        provenance,
      });
    }
    if (recursive || depth > 12) return;
    const req = new Set(Array.isArray(node.required) ? node.required : []);
    // A sibling `provenance` object marks some prose fields of this object; each names its mark.
    const marks = node.properties?.provenance?.properties ?? {};
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const mark = name !== "provenance" && Object.hasOwn(marks, name) ? (path === "" ? `provenance.${name}` : `${path}.provenance.${name}`) : undefined;
      if (child && typeof child === "object") visit(child, nodeFile, path === "" ? name : `${path}.${name}`, req.has(name), condition, nextSeen, depth + 1, false, mark);
    }
    if (node.additionalProperties && typeof node.additionalProperties === "object") visit(node.additionalProperties, nodeFile, `${path}.*`.replace(/^\./, ""), false, condition, nextSeen, depth + 1);
    if (node.items && typeof node.items === "object") visit(node.items, nodeFile, `${path}[]`, false, condition, nextSeen, depth + 1);
    for (const branch of node.allOf ?? []) {
      const when = Object.entries(branch?.if?.properties ?? {}).map(([k, v]) => `${k} is ${JSON.stringify(v?.const ?? v?.enum ?? "set")}`).join(" and ");
      if (branch?.then && typeof branch.then === "object") visit(branch.then, nodeFile, path, false, when || condition, nextSeen, depth, true);
    }
  };
  visit(set[file], file, "", true, "", new Set([`${file}#`]), 0);
  return rows;
}
