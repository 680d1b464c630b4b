// Generates src/generated/quick-check-schemas.ts: the schemas of the kinds scored in bulk, reduced
// to what decides validity, for the quick pre-check of src/quick-check.
import { mapSchema } from "./schema-walk.mjs";
import { ANNOTATION_KEYWORDS, BANNER, isNode } from "./source.mjs";

/** The document kinds whose schemas `QUICK_CHECK_SCHEMAS` carries: the ones scored in bulk. */
const QUICK_CHECK_KINDS = ["assessment", "benchmark", "scale", "place", "practice"];

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

export function generateQuickCheckSchemas(schemaFiles, base) {
  return [
    BANNER,
    "",
    "/**",
    ` * The schemas of the kinds scored in bulk (${QUICK_CHECK_KINDS.join(", ")}) and the shared definitions they`,
    " * use, by `$id`, reduced to the keywords that decide validity (and `deprecated`): what a quick",
    " * pre-check compiled from the schemas (src/quick-check) needs, without titles, descriptions,",
    " * examples or annotations, so the full schemas stay out of its bundle.",
    " */",
    `export const QUICK_CHECK_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = ${JSON.stringify(quickCheckSchemas(schemaFiles, base))};`,
    "",
  ].join("\n");
}
