import { defsSchema, schemas } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { documentSchemas } from "../parse";
import { DEPRECATED, JSON_RULES } from "./defs";

/*
 * Holds every zod schema to the JSON Schema it mirrors, keyword by keyword: property names,
 * required fields, closed objects, types, enums and consts, patterns, lengths, item counts,
 * uniqueness, ranges, formats, property names, deprecations. A schema change that the parsers do
 * not follow fails here, before any document has to exercise it.
 */

type Json = Record<string, unknown>;

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly out?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
  readonly checks?: readonly { _zod: { def: { check: string; minimum?: number; pattern?: RegExp } } }[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

// Follows $ref within a schema file or into defs.schema.json; titles and descriptions are ignored.
function resolve(node: Json, file: Json): { node: Json; file: Json } {
  let current = node;
  let currentFile = file;
  for (let guard = 0; typeof current["$ref"] === "string" && guard < 10; guard += 1) {
    const ref = current["$ref"] as string;
    const [target, fragment = ""] = ref.split("#");
    if (target) currentFile = defsSchema as Json;
    const name = fragment.replace("/$defs/", "");
    const { $ref: _ref, title: _title, description: _description, ...rest } = current;
    current = { ...((currentFile["$defs"] as Json)[name] as Json), ...rest };
  }
  return { node: current, file: currentFile };
}

interface Unwrapped {
  readonly core: z.ZodType;
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly rules: Json;
  readonly deprecated: boolean;
}

function unwrap(schema: z.ZodType): Unwrapped {
  let core = schema;
  let optional = false;
  let nullable = false;
  let deprecated = false;
  const rules: Json = {};
  for (let guard = 0; guard < 10; guard += 1) {
    Object.assign(rules, JSON_RULES.get(core) ?? {});
    deprecated ||= DEPRECATED.has(core);
    const def = defOf(core);
    if (def.type === "optional" && def.innerType) {
      optional = true;
      core = def.innerType;
    } else if (def.type === "nullable" && def.innerType) {
      nullable = true;
      core = def.innerType;
    } else if (def.type === "pipe" && def.out) {
      core = def.out;
    } else break;
  }
  return { core, optional, nullable, rules, deprecated };
}

function compare(jsonIn: Json, fileIn: Json, zodSchema: z.ZodType, where: string, seen: Map<Json, Set<z.ZodType>>, out: string[]): void {
  const { node: json, file } = resolve(jsonIn, fileIn);
  const { core, nullable, rules, deprecated } = unwrap(zodSchema);
  const visited = seen.get(json) ?? new Set();
  if (visited.has(core)) return;
  visited.add(core);
  seen.set(json, visited);
  const def = defOf(core);
  const fail = (what: string) => out.push(`${where || "/"}: ${what}`);

  if ((json["deprecated"] === true) !== deprecated) fail(`deprecated is ${String(json["deprecated"] === true)} in the JSON Schema`);
  const types = Array.isArray(json["type"]) ? (json["type"] as string[]) : json["type"] === undefined ? [] : [json["type"] as string];
  if (types.includes("null") !== nullable) fail(`null allowed: ${String(types.includes("null"))} in the JSON Schema`);
  const type = types.find((t) => t !== "null");

  if (json["const"] !== undefined) {
    if (def.type !== "literal" || JSON.stringify(def.values) !== JSON.stringify([json["const"]])) fail(`const ${JSON.stringify(json["const"])}`);
    return;
  }
  if (Array.isArray(json["enum"])) {
    const values = def.type === "enum" ? Object.values(def.entries ?? {}) : def.values;
    if (JSON.stringify([...(values ?? [])].sort()) !== JSON.stringify([...json["enum"]].sort())) fail(`enum ${JSON.stringify(json["enum"])}`);
    return;
  }
  if (Array.isArray(json["allOf"])) {
    compareVariants(json, file, core, where, seen, out);
    return;
  }
  const keywordsOf = (keys: string[]) => keys.forEach((key) => {
    if (json[key] !== rules[key] && !(json[key] === undefined && rules[key] === undefined)) fail(`${key} ${String(json[key])}, zod ${String(rules[key])}`);
  });
  switch (type) {
    case "string":
      if (def.type !== "string") return void fail(`string expected, zod ${def.type}`);
      keywordsOf(["pattern", "minLength", "maxLength", "format"]);
      return;
    case "number":
    case "integer":
      if (def.type !== "number") return void fail(`number expected, zod ${def.type}`);
      if ((rules["type"] ?? "number") !== type) fail(`type ${type}, zod ${String(rules["type"])}`);
      keywordsOf(["minimum", "maximum"]);
      return;
    case "boolean":
      if (def.type !== "boolean") fail(`boolean expected, zod ${def.type}`);
      return;
    case "array": {
      if (def.type !== "array" || !def.element) return void fail(`array expected, zod ${def.type}`);
      const minItems = def.checks?.find((check) => check._zod.def.check === "min_length")?._zod.def.minimum;
      if (json["minItems"] !== minItems) fail(`minItems ${String(json["minItems"])}, zod ${String(minItems)}`);
      if ((json["uniqueItems"] === true) !== (rules["uniqueItems"] === true)) fail(`uniqueItems ${String(json["uniqueItems"])}`);
      compare(json["items"] as Json, file, def.element, `${where}/items`, seen, out);
      return;
    }
    case "object":
      compareObject(json, file, core, where, seen, out, rules);
      return;
    default:
      fail(`unhandled JSON Schema node ${JSON.stringify(Object.keys(json))}`);
  }
}

function compareObject(
  json: Json,
  file: Json,
  core: z.ZodType,
  where: string,
  seen: Map<Json, Set<z.ZodType>>,
  out: string[],
  rules: Json,
  extra: Json = {},
  extraRequired: string[] = [],
  skipSchemeKind = false,
): void {
  const def = defOf(core);
  const fail = (what: string) => out.push(`${where || "/"}: ${what}`);
  if (json["minProperties"] !== rules["minProperties"]) fail(`minProperties ${String(json["minProperties"])}`);
  const properties = { ...(json["properties"] as Json | undefined), ...extra };
  if (json["properties"] === undefined && isJson(json["additionalProperties"])) {
    if (def.type !== "record" || !def.valueType) return void fail(`record expected, zod ${def.type}`);
    const names = resolve(json["propertyNames"] as Json, file).node;
    if (names["pattern"] !== rules["propertyNames"]) fail(`propertyNames ${String(names["pattern"])}`);
    compare(json["additionalProperties"] as Json, file, def.valueType, `${where}/*`, seen, out);
    return;
  }
  if (json["properties"] === undefined) {
    if (rules["anyObject"] !== true) fail("any object expected");
    return;
  }
  if (def.type !== "object" || !def.shape) return void fail(`object expected, zod ${def.type}`);
  const closed = json["additionalProperties"] === false || json["unevaluatedProperties"] === false;
  const strict = def.catchall !== undefined && defOf(def.catchall).type === "never";
  if (closed !== strict) fail(`closed: ${String(closed)} in the JSON Schema`);
  const jsonKeys = Object.keys(properties).sort();
  const zodKeys = Object.keys(def.shape).sort();
  if (JSON.stringify(jsonKeys) !== JSON.stringify(zodKeys)) fail(`properties ${JSON.stringify(jsonKeys)}, zod ${JSON.stringify(zodKeys)}`);
  const required = [...((json["required"] as string[] | undefined) ?? []), ...extraRequired].sort();
  const zodRequired = zodKeys.filter((key) => def.shape && !unwrap(def.shape[key] as z.ZodType).optional).sort();
  if (JSON.stringify(required) !== JSON.stringify(zodRequired)) fail(`required ${JSON.stringify(required)}, zod ${JSON.stringify(zodRequired)}`);
  for (const key of jsonKeys) {
    // A variant's schemeKind is the const its if-branch tests, checked when the variant is picked.
    if (skipSchemeKind && key === "schemeKind") continue;
    const child = def.shape[key];
    if (child) compare(properties[key] as Json, file, child, `${where}/${key}`, seen, out);
  }
}

// The scheme: shared properties plus one if/then branch per schemeKind, against a discriminated union.
function compareVariants(json: Json, file: Json, core: z.ZodType, where: string, seen: Map<Json, Set<z.ZodType>>, out: string[]): void {
  const def = defOf(core);
  const branches = json["allOf"] as Json[];
  if (def.type !== "union" || !def.options || def.options.length !== branches.length) {
    out.push(`${where || "/"}: ${branches.length} variants expected`);
    return;
  }
  branches.forEach((branch) => {
    const kind = (((branch["if"] as Json)["properties"] as Json)["schemeKind"] as Json)["const"];
    const then = branch["then"] as Json;
    const option = def.options?.find((candidate) => {
      const field = defOf(candidate).shape?.["schemeKind"];
      return field !== undefined && defOf(field).values?.includes(kind);
    });
    if (!option) return void out.push(`${where || "/"}: no variant for schemeKind ${String(kind)}`);
    const { schemeKind: _kind, ...thenProperties } = (then["properties"] as Json) ?? {};
    const merged = { ...json, properties: { ...(json["properties"] as Json) } };
    compareObject(merged, file, option, `${where}[schemeKind=${String(kind)}]`, seen, out, {}, thenProperties, (then["required"] as string[]) ?? [], true);
  });
}

describe("zod schemas mirror the JSON Schemas keyword by keyword", () => {
  for (const [kind, schema] of Object.entries(schemas)) {
    it(kind, () => {
      const out: string[] = [];
      compare(schema as Json, schema as Json, documentSchemas[kind as keyof typeof documentSchemas], "", new Map(), out);
      expect(out).toEqual([]);
    });
  }
});
