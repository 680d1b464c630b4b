// Generates src/generated/types.ts, the TypeScript types of the documents, with json-schema-to-typescript.
import { compile } from "json-schema-to-typescript";
import { ANNOTATION_KEYWORDS, BANNER, DOCUMENT_KINDS, pascal } from "./source.mjs";

/**
 * Prepares a schema for json-schema-to-typescript:
 * - titles are kept only on roots and named $defs, so properties do not become named aliases;
 * - a $ref with sibling keywords becomes allOf:[{$ref}], so the referenced type keeps its one
 *   name instead of being copied under a numbered one (Text1, Text2...) while the property keeps
 *   its own description;
 * - the if/then discriminator pattern (scheme) becomes a union of named variants, because the
 *   generator does not understand if/then.
 */
export function prepareForTypes(node, place = "node") {
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

export async function generateTypes(schemaFiles, schemaBase) {
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
