// @ts-check
// Reading the schemas: the current set in schemas/ and each frozen release in schemas/releases/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** @typedef {Record<string, any>} SchemaNode */
/** @typedef {{ file: string, text: string, schema: SchemaNode }} SchemaFile */

export const BANNER = "// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs";
export const SCHEMA_HOST = "https://schemas.cohesion.dev/";
/**
 * Every document kind, in the order of the domain model: the one list, from which src/kinds.ts,
 * the per-kind validate functions and the zod parsers are generated. Each must name a schema whose
 * `kind` is that constant, and every such schema must be listed (checked by {@link checkKinds}).
 */
export const DOCUMENT_KINDS = ["framework", "scale", "benchmark", "practice", "place", "scheme", "assessment", "score-report", "plugin-manifest"];
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

/** @param {string} kind */
export function camel(kind) {
  return kind.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
}
/** @param {string} value */
export function pascal(value) {
  const c = camel(value);
  return c.charAt(0).toUpperCase() + c.slice(1);
}
/** @param {unknown} value @returns {value is SchemaNode} */
export function isNode(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Every *.schema.json of a folder, sorted by name.
 *
 * @param {string} dir
 * @returns {SchemaFile[]}
 */
export function readSchemas(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    return { file, text, schema: JSON.parse(text) };
  });
}

/**
 * The version every $id of a schema set names (https://schemas.cohesion.dev/<version>/<file>).
 *
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} where
 * @returns {string}
 */
export function versionOf(schemaFiles, where) {
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

/** @param {string} a @param {string} b */
export function compareVersions(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/**
 * Every released version frozen in <schemas>/releases/, each checked to carry its own $ids.
 *
 * @param {string} schemasDir
 * @returns {{ version: string, files: SchemaFile[] }[]}
 */
export function readReleases(schemasDir) {
  const releasesDir = join(schemasDir, "releases");
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

/**
 * Checks that {@link DOCUMENT_KINDS} and the schemas agree: each kind has <kind>.schema.json whose
 * `kind` is that constant, and no other schema has a `kind` constant.
 *
 * @param {readonly SchemaFile[]} schemaFiles
 */
export function checkKinds(schemaFiles) {
  for (const { file, schema } of schemaFiles) {
    const declared = schema.properties?.kind?.const;
    const kind = file.replace(".schema.json", "");
    if (declared !== undefined && (declared !== kind || !DOCUMENT_KINDS.includes(kind))) {
      throw new Error(`codegen: schemas/${file} declares kind ${JSON.stringify(declared)}; list it in DOCUMENT_KINDS (scripts/codegen/source.mjs) and name the file after it`);
    }
  }
  for (const kind of DOCUMENT_KINDS) {
    if (!schemaFiles.some(({ file, schema }) => file === `${kind}.schema.json` && schema.properties?.kind?.const === kind)) {
      throw new Error(`codegen: no schemas/${kind}.schema.json declares kind "${kind}"`);
    }
  }
}
