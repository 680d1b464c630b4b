// ajv 8 records the properties an applicator evaluated in a plain object and tests `!props[key]`, so a
// key named like an Object.prototype member (constructor, toString, __proto__) reads as evaluated and
// slips past `unevaluatedProperties: false`. Testing own properties closes that gap. scripts/codegen.mjs
// applies the same rewrite to the precompiled validators.

const EVALUATED_LOOKUP = /!(props\d+)\[(key\d+)\]/g;

/**
 * Rewrites ajv-generated code so evaluated-property lookups test own properties only.
 *
 * @example
 * guardEvaluatedProps("if(!props0[key1]){"); // "if(!Object.prototype.hasOwnProperty.call(props0, key1)){"
 */
export function guardEvaluatedProps(code: string): string {
  return code.replace(EVALUATED_LOOKUP, "!Object.prototype.hasOwnProperty.call($1, $2)");
}
