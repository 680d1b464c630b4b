// @ts-check
// Generates src/generated/validators.compact.js: the validators of src/generated/validators.js written
// as data (./compact-schema.mjs) for the interpreter in src/compact-validators.ts, with the same exports.
// The browser build (tsup.config.ts) puts it in place of the compiled module: about half the size in
// a gzipped bundle, slower (see the package README). Each node and constant is a declaration of its
// own, so a bundle that imports one kind keeps only the nodes that kind reaches.
import { CompactCompiler } from "./compact-schema.mjs";
import { BANNER } from "./source.mjs";
import { compileRoots } from "./validators.mjs";

/** @typedef {import("./source.mjs").SchemaFile} SchemaFile */

/**
 * @param {readonly SchemaFile[]} schemaFiles
 * @param {string} schemaBase
 * @param {number} recursionLimit the data depth beyond which recursive checks refuse (see depth.mjs)
 * @param {number} maxDepth how deep a document may nest (MAX_DEPTH)
 */
export function generateCompactValidators(schemaFiles, schemaBase, recursionLimit, maxDepth) {
  const registry = new Map(schemaFiles.map(({ schema }) => [schema.$id, schema]));
  const compiler = new CompactCompiler(registry);
  const { roots, quick, split } = compileRoots(compiler, schemaFiles, schemaBase);
  const nodes = compiler.nodes();
  const js = [
    BANNER,
    "// The validators of ./validators.js as data, for the interpreter in ../compact-validators.ts (the",
    "// browser build's validators; see scripts/codegen/compact-schema.mjs).",
    "/* eslint-disable */",
    `import { ${["isObject", "passes", ...[...compiler.steps].sort(), "validator"].join(", ")} } from "../compact-validators";`,
    "",
    `const L = ${recursionLimit};`,
    `const M = ${maxDepth};`,
    ...compiler.constantDeclarations,
    ...nodes,
    "",
    ...roots.map(([name, node]) => `export const ${name} = /* @__PURE__ */ validator(${node});`),
    "",
    ...quick.map(([name, node]) => `export const ${name}Passes = /* @__PURE__ */ passes(${node});`),
    split
      ? `export const assessmentSplit = { frame: /* @__PURE__ */ passes(${split.frame}), name: /* @__PURE__ */ passes(${split.name}, 1), level: /* @__PURE__ */ passes(${split.level}, 2), notes: /* @__PURE__ */ passes(${split.notes}, 2) };`
      : "export const assessmentSplit = null;",
    "",
  ].join("\n");
  const dts = [BANNER, "// The same module interface as ./validators.js.", 'export * from "./validators";', ""].join("\n");
  return { js, dts };
}
