// @ts-check
// Generates src/generated/validate-kinds.ts: validateAssessment, validateScoreReport, ... one per kind.
import { SchemaCompiler } from "./compile-schema.mjs";
import { SUBSCHEMA, SUBSCHEMA_ARRAYS, SUBSCHEMA_MAPS } from "./schema-walk.mjs";
import { BANNER, DOCUMENT_KINDS, camel, isNode, pascal } from "./source.mjs";

/** @typedef {import("./source.mjs").SchemaFile} SchemaFile */

/**
 * Whether a keyword appears in a schema or in any schema it reaches through `$ref`.
 * @param {SchemaCompiler} compiler resolves the $refs
 * @param {unknown} root
 * @param {string} base the $id `root` is read under
 * @param {string} keyword
 */
export function reachesKeyword(compiler, root, base, keyword) {
  const seen = new Set();
  /** @type {[unknown, string][]} */
  const pending = [[root, base]];
  while (pending.length > 0) {
    const [node, at] = /** @type {[unknown, string]} */ (pending.pop());
    if (!isNode(node) || seen.has(node)) continue;
    seen.add(node);
    if (node[keyword] !== undefined) return true;
    if (typeof node.$ref === "string") {
      const target = compiler.resolve(node.$ref, at);
      pending.push([target.node, target.base]);
    }
    for (const [key, value] of Object.entries(node)) {
      if (SUBSCHEMA.includes(key)) pending.push([value, at]);
      else if (SUBSCHEMA_ARRAYS.includes(key) && Array.isArray(value)) for (const v of value) pending.push([v, at]);
      else if (SUBSCHEMA_MAPS.includes(key) && isNode(value)) for (const v of Object.values(value)) pending.push([v, at]);
    }
  }
  return false;
}

/**
 * `validateAssessment`, `validateScoreReport`, ...: one function per document kind. The kinds whose
 * schemas use unevaluatedProperties get the mapping of its errors; the others leave it out of a bundle.
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} schemaBase
 */
export function generateValidateKinds(schemaFiles, schemaBase) {
  const compiler = new SchemaCompiler(new Map(schemaFiles.map(({ schema }) => [schema.$id, schema])));
  const usesUnevaluated = (/** @type {string} */ kind) => {
    const id = `${schemaBase}${kind}.schema.json`;
    return reachesKeyword(compiler, compiler.resolve(id, id).node, id, "unevaluatedProperties");
  };
  const unevaluated = DOCUMENT_KINDS.filter(usesUnevaluated);
  const lines = [
    BANNER,
    "// One validate function per document kind: each reaches only its own precompiled validator (and",
    "// the ones its schema refers to), so a bundle that validates two kinds leaves the others out.",
    'import type { ValidationReport } from "./types";',
    'import * as validators from "./validators";',
    'import * as deprecations from "./deprecations";',
    'import * as nesting from "./nesting";',
    'import { validateKind } from "../validate";',
    ...(unevaluated.length > 0 ? ['import { mapUnevaluated } from "../unevaluated-errors";'] : []),
  ];
  for (const kind of DOCUMENT_KINDS) {
    const extra = unevaluated.includes(kind) ? ", mapUnevaluated" : "";
    lines.push(
      "",
      "/**",
      ` * Checks a document against the ${kind} schema: the report of \`validateAs("${kind}", document)\`,`,
      " * without bundling the validators of the other kinds. Never throws.",
      " *",
      " * @example",
      ` * const report = validate${pascal(kind)}(JSON.parse(text));`,
      " */",
      `export function validate${pascal(kind)}(document: unknown): ValidationReport {`,
      `  return validateKind(validators.${camel(kind)}, deprecations.${camel(kind)}, nesting.${camel(kind)}, document${extra});`,
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}
