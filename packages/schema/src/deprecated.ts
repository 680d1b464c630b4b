import type { ValidationProblem } from "./generated/types";
import { joinPointer, splitPointer } from "./pointer";
import { documentProblem } from "./schema-problems";
import { resolveUri, splitFragment } from "./uri";
import { compareSchemaVersions } from "./versions";

type SchemaNode = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlainData(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether any node of a schema (any object within it) satisfies `test`. */
function someNode(schema: unknown, test: (node: SchemaNode) => boolean, seen = new Set<unknown>()): boolean {
  if (typeof schema !== "object" || schema === null || seen.has(schema)) return false;
  seen.add(schema);
  if (isNode(schema) && test(schema)) return true;
  return Object.values(schema).some((v) => someNode(v, test, seen));
}

/** Whether any node of a schema is marked `deprecated: true` (so the walk can be skipped). */
function hasDeprecated(schema: unknown): boolean {
  return someNode(schema, (node) => node.deprecated === true);
}

/** Whether any node of a schema has a `$ref` (the only way the deprecated-field walk leaves it). */
function hasRef(schema: unknown): boolean {
  return someNode(schema, (node) => typeof node.$ref === "string");
}

/**
 * Whether {@link findDeprecatedFields} can find anything with this schema and registry: the walk
 * reaches only the schema's own nodes and, through `$ref`, the registry's; with no deprecated node
 * among those it can reach, it is skipped.
 */
export function mayFindDeprecated(schema: unknown, registry: ReadonlyMap<string, unknown>): boolean {
  if (hasDeprecated(schema)) return true;
  return hasRef(schema) && [...registry.values()].some((s) => hasDeprecated(s));
}

interface Located {
  readonly node: SchemaNode;
  readonly base: string;
}

function resolveRef(ref: string, base: string, registry: ReadonlyMap<string, unknown>): Located | undefined {
  const resolved = resolveUri(ref, base);
  if (resolved === undefined) return undefined;
  const { document, fragment } = splitFragment(resolved);
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  let node: unknown = registry.get(document);
  for (const segment of splitPointer(pointer)) {
    node = isNode(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
  }
  return isNode(node) ? { node, base: document } : undefined;
}

/** A deprecated field as its schema describes it. */
export interface Deprecation {
  /** The schema version that deprecated it (`x-deprecatedSince`). */
  readonly since?: string;
  /** The field to use instead (`x-replacement`). */
  readonly replacement?: string;
  /** The schema's description of a field with no replacement, quoted by the warning (kept only then). */
  readonly description?: string;
}

function deprecationOf(node: SchemaNode): Deprecation {
  const replacement = typeof node["x-replacement"] === "string" ? node["x-replacement"] : undefined;
  return {
    ...(typeof node["x-deprecatedSince"] === "string" ? { since: node["x-deprecatedSince"] } : {}),
    ...(replacement !== undefined ? { replacement } : typeof node.description === "string" ? { description: node.description } : {}),
  };
}

function deprecatedProblem(deprecation: Deprecation, pointer: string, field: string): ValidationProblem {
  const { since, replacement, description } = deprecation;
  const about = description !== undefined ? ` — ${description}` : "";
  return documentProblem("deprecated_field", pointer, {
    field,
    ...(since !== undefined ? { since } : {}),
    ...(replacement !== undefined ? { replacement } : {}),
    sinceText: since !== undefined ? ` since schema version ${since}` : "",
    hint: replacement !== undefined ? ` — use "${replacement}" instead` : about,
  });
}

/**
 * Whether a deprecation concerns a document declaring `declaredVersion`: a field deprecated since a
 * version was still the way to write it before.
 */
function applies(deprecation: Deprecation, declaredVersion: string | undefined): boolean {
  return deprecation.since === undefined || declaredVersion === undefined || compareSchemaVersions(declaredVersion, deprecation.since) >= 0;
}

/** Called by a generated check for a deprecated field present at `path` + `key`. */
export type Found = (path: readonly (string | number)[], key: string | number, deprecation: number) => void;

/** The deprecated fields of a document of one kind, as `deprecated_field` warnings (generated per kind). */
export type DeprecationCheck = (document: unknown, declaredVersion: string | undefined) => ValidationProblem[];

/** The check of a kind whose schema marks nothing deprecated. */
export const NO_DEPRECATIONS: DeprecationCheck = () => [];

/**
 * Runs a generated deprecation check over a document and turns what it finds into warnings; the
 * pointer of a field is built only once it is found.
 *
 * @internal
 */
export function collectDeprecated(
  deprecations: readonly Deprecation[],
  check: (value: unknown, path: (string | number)[], found: Found) => void,
  document: unknown,
  declaredVersion: string | undefined,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  let reported: Set<string> | undefined;
  check(document, [], (path, key, index) => {
    const deprecation = deprecations[index] as Deprecation;
    if (!applies(deprecation, declaredVersion)) return;
    const pointer = joinPointer(path.reduce<string>((at, segment) => joinPointer(at, segment), ""), key);
    reported ??= new Set();
    if (reported.has(pointer)) return;
    reported.add(pointer);
    problems.push(deprecatedProblem(deprecation, pointer, String(key)));
  });
  return problems;
}

/**
 * Finds data present where the schema marks a field `deprecated: true` and reports each as a
 * `deprecated_field` warning naming the version that deprecated it (`x-deprecatedSince`) and the
 * field to use instead (`x-replacement`). A document that declares a schema version older than the
 * deprecation is not warned: the field was the right one then. It follows properties, items, additionalProperties, $ref and the
 * allOf / anyOf / oneOf / then / else applicators; it judges no validity, so it may be run on any
 * document whose nesting is already known to be bounded.
 *
 * @example
 * findDeprecatedFields(schema, document, schemasById, "1.1");
 */
export function findDeprecatedFields(
  schema: SchemaNode,
  data: unknown,
  registry: ReadonlyMap<string, unknown>,
  declaredVersion?: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const reported = new Set<string>();
  const rootBase = typeof schema.$id === "string" ? schema.$id : "urn:cohesion:root";
  const known = new Map(registry);
  known.set(rootBase, schema);

  const walk = (node: SchemaNode, base: string, value: unknown, pointer: string, active: Set<SchemaNode>): void => {
    if (active.has(node)) return;
    active.add(node);
    const here = typeof node.$id === "string" ? (resolveUri(node.$id, base) ?? base) : base;
    if (node.deprecated === true && pointer !== "" && !reported.has(pointer) && applies(deprecationOf(node), declaredVersion)) {
      reported.add(pointer);
      const segments = splitPointer(pointer);
      problems.push(deprecatedProblem(deprecationOf(node), pointer, segments[segments.length - 1] ?? ""));
    }
    if (typeof node.$ref === "string") {
      const target = resolveRef(node.$ref, here, known);
      if (target) walk(target.node, target.base, value, pointer, active);
    }
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      const members = node[key];
      if (Array.isArray(members)) for (const m of members) if (isNode(m)) walk(m, here, value, pointer, active);
    }
    for (const key of ["then", "else"]) {
      const branch = node[key];
      if (isNode(branch)) walk(branch, here, value, pointer, active);
    }
    if (isPlainData(value)) {
      const properties = isNode(node.properties) ? node.properties : {};
      for (const key of Object.keys(value)) {
        const sub = Object.hasOwn(properties, key) ? properties[key] : node.additionalProperties;
        if (isNode(sub)) walk(sub, here, value[key], joinPointer(pointer, key), new Set());
      }
    } else if (Array.isArray(value) && isNode(node.items)) {
      const items = node.items;
      value.forEach((item, index) => walk(items, here, item, joinPointer(pointer, index), new Set()));
    }
    active.delete(node);
  };

  walk(schema, rootBase, data, "", new Set());
  return problems;
}
