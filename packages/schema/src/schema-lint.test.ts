import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "./kinds";
import { joinPointer, splitPointer } from "./pointer";
import { ANNOTATION_KEYWORDS } from "./schemas";
import { readSchemaFiles, schemasDir } from "./test-support";
import { compareSchemaVersions, parseSchemaVersion, SCHEMA_VERSION, SCHEMA_VERSIONS } from "./versions";

const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
type Node = Record<string, unknown>;
const files = readSchemaFiles();
const BASE = `https://schemas.cohesion.dev/${SCHEMA_VERSION}/`;
const byId = new Map(files.map(({ schema }) => [String(schema.$id), schema]));

// Objects whose fields are open by design, each with the reason.
const OPEN_OBJECTS: Record<string, string> = {
  "score-report.schema.json#/properties/model/properties/parameters": "each scoring model defines its own parameters",
  "score-report.schema.json#/$defs/message/properties/params": "values a message was built from, shaped per code",
  "validation-report.schema.json#/$defs/problem/properties/params": "values a message was built from, shaped per code",
};

interface Visit {
  readonly file: string;
  readonly pointer: string;
  readonly node: Node;
  /** The node is a "properties" entry. */
  readonly isProperty: boolean;
  /** The node is an if/then/else branch, closed by its parent's unevaluatedProperties. */
  readonly isBranch: boolean;
  /** The node is inside an `if` condition, which tests data rather than declaring fields. */
  readonly inCondition: boolean;
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function visitAll(): Visit[] {
  const visits: Visit[] = [];
  const walk = (file: string, node: unknown, pointer: string, isProperty: boolean, isBranch: boolean, inCondition = false): void => {
    if (!isNode(node)) return;
    visits.push({ file, pointer, node, isProperty, isBranch, inCondition });
    for (const key of ["properties", "$defs", "patternProperties"]) {
      const map = node[key];
      if (isNode(map)) for (const [name, sub] of Object.entries(map)) walk(file, sub, joinPointer(pointer, key, name), key === "properties", false, inCondition);
    }
    for (const key of ["items", "additionalProperties", "unevaluatedProperties", "propertyNames", "not", "contains"]) {
      walk(file, node[key], joinPointer(pointer, key), false, false, inCondition);
    }
    for (const key of ["if", "then", "else"]) walk(file, node[key], joinPointer(pointer, key), false, true, inCondition || key === "if");
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((sub, i) => walk(file, sub, joinPointer(pointer, key, i), false, key === "allOf", inCondition));
    }
  };
  for (const { file, schema } of files) walk(file, schema, "", false, false);
  return visits;
}

const visits = visitAll();
const where = (v: Visit) => `${v.file}#${v.pointer}`;

function resolve(ref: string, baseId: string): unknown {
  const url = new URL(ref, baseId);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = "";
  let node: unknown = byId.get(url.href);
  for (const segment of splitPointer(fragment)) node = isNode(node) ? node[segment] : undefined;
  return node;
}

describe("schema lint", () => {
  it("every schema is valid against the JSON Schema 2020-12 meta-schema", () => {
    const ajv = new Ajv2020({ strict: false });
    for (const { file, schema } of files) {
      expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });

  it("every $id is versioned and matches its file name", () => {
    for (const { file, schema } of files) expect(schema.$id).toBe(`https://schemas.cohesion.dev/${SCHEMA_VERSION}/${file}`);
  });

  it("every property has a title and a description", () => {
    const missing = visits.filter((v) => v.isProperty && !v.inCondition && (typeof v.node.title !== "string" || typeof v.node.description !== "string"));
    expect(missing.map(where)).toEqual([]);
  });

  it("every property name is lowerCamelCase", () => {
    const bad = visits.filter((v) => v.isProperty && !/^[a-z][a-zA-Z0-9]*$/.test(splitPointer(v.pointer).at(-1) ?? ""));
    expect(bad.map(where)).toEqual([]);
  });

  it("every enum describes each of its values in x-enumDescriptions", () => {
    const bad = visits
      .filter((v) => Array.isArray(v.node.enum))
      .filter((v) => {
        const descriptions = v.node["x-enumDescriptions"];
        const values = (v.node.enum as unknown[]).map(String);
        return !isNode(descriptions) || values.some((value) => typeof descriptions[value] !== "string") || Object.keys(descriptions).length !== values.length;
      });
    expect(bad.map(where)).toEqual([]);
  });

  it("every $ref resolves to a local schema, with no network", () => {
    const unresolved = visits
      .filter((v) => typeof v.node.$ref === "string")
      .filter((v) => !isNode(resolve(String(v.node.$ref), `https://schemas.cohesion.dev/${SCHEMA_VERSION}/${v.file}`)));
    expect(unresolved.map((v) => `${where(v)} -> ${String(v.node.$ref)}`)).toEqual([]);
  });

  it("every document schema requires kind and schemaVersion, with kind fixed to its own name", () => {
    for (const kind of DOCUMENT_KINDS) {
      const schema = byId.get(`https://schemas.cohesion.dev/${SCHEMA_VERSION}/${kind}.schema.json`) as Node;
      expect(schema.required, kind).toEqual(expect.arrayContaining(["kind", "schemaVersion"]));
      expect((schema.properties as Record<string, Node>).kind?.const).toBe(kind);
      expect((schema.properties as Record<string, Node>).schemaVersion?.$ref).toBe("defs.schema.json#/$defs/schemaVersion");
    }
  });

  it("every object is closed unless it is open by design", () => {
    const open = visits.filter((v) => {
      const node = v.node;
      const isObject = node.type === "object" || isNode(node.properties);
      if (!isObject || v.isBranch) return false;
      const closed = node.additionalProperties === false || node.unevaluatedProperties === false || isNode(node.additionalProperties);
      return !closed && !Object.hasOwn(OPEN_OBJECTS, where(v));
    });
    expect(open.map(where)).toEqual([]);
  });

  it("uses no x- keyword that validators are not told of", () => {
    const unknown = visits.flatMap((v) => Object.keys(v.node).filter((k) => k.startsWith("x-") && !Object.hasOwn(ANNOTATION_KEYWORDS, k)).map((k) => `${where(v)}/${k}`));
    expect(unknown).toEqual([]);
  });

  it("every deprecated field names the version that deprecated it and a replacement beside it", () => {
    const deprecated = visits.filter((v) => v.node.deprecated === true);
    for (const v of deprecated) {
      const since = v.node["x-deprecatedSince"];
      expect(parseSchemaVersion(since), `${where(v)} x-deprecatedSince`).toBeDefined();
      expect(compareSchemaVersions(String(since), SCHEMA_VERSION), where(v)).toBeLessThanOrEqual(0);
      expect(v.isProperty, `${where(v)} must be a property`).toBe(true);
      const replacement = v.node["x-replacement"];
      if (replacement !== undefined) {
        const parent = splitPointer(v.pointer).slice(0, -1);
        let siblings: unknown = byId.get(`${BASE}${v.file}`);
        for (const segment of parent) siblings = isNode(siblings) ? siblings[segment] : undefined;
        expect(isNode(siblings) && Object.hasOwn(siblings, String(replacement)), `${where(v)} x-replacement "${String(replacement)}"`).toBe(true);
      }
    }
    // x-deprecatedSince and x-replacement only make sense on a deprecated field.
    const stray = visits.filter((v) => v.node.deprecated !== true && ("x-deprecatedSince" in v.node || "x-replacement" in v.node));
    expect(stray.map(where)).toEqual([]);
  });

  it("every released version is frozen under its own $ids and valid against the meta-schema", () => {
    const ajv = new Ajv2020({ strict: false });
    for (const version of SCHEMA_VERSIONS.filter((v) => v !== SCHEMA_VERSION)) {
      const released = readSchemaFiles(`${schemasDir}releases/${version}/`);
      expect(released.length, version).toBeGreaterThan(0);
      for (const { file, schema } of released) {
        expect(schema.$id).toBe(`https://schemas.cohesion.dev/${version}/${file}`);
        expect(ajv.validateSchema(schema), `${version}/${file}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      }
    }
  });

  it("lists no open object that is no longer open", () => {
    const seen = new Set(visits.map(where));
    for (const location of Object.keys(OPEN_OBJECTS)) expect(seen.has(location), location).toBe(true);
  });
});
