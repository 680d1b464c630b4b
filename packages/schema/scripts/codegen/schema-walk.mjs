// @ts-check
// Walking a JSON Schema: which keywords hold subschemas, and a copy with an edit applied to every node.
import { isNode } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaNode} SchemaNode */

// Keywords whose value is a schema, an array of schemas, or a map of names to schemas.
export const SUBSCHEMA = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "contains", "not", "if", "then", "else"];
export const SUBSCHEMA_ARRAYS = ["allOf", "anyOf", "oneOf", "prefixItems"];
export const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];


/**
 * A schema node copied with `edit(node, copy)` applied to it and to each of its subschemas.
 *
 * @param {unknown} node
 * @param {(node: SchemaNode, copy: SchemaNode) => SchemaNode} edit
 * @returns {any}
 */
export function mapSchema(node, edit) {
  if (!isNode(node)) return node;
  /** @type {SchemaNode} */
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (SUBSCHEMA.includes(key)) copy[key] = mapSchema(value, edit);
    else if (SUBSCHEMA_ARRAYS.includes(key) && Array.isArray(value)) copy[key] = value.map((v) => mapSchema(v, edit));
    else if (SUBSCHEMA_MAPS.includes(key) && isNode(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, mapSchema(sub, edit)]));
    } else copy[key] = value;
  }
  return edit(node, copy);
}
