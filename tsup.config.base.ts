import type { Options } from "tsup";

/**
 * The one build configuration every package shares: ESM + CJS + type declarations,
 * tree-shakeable, for Node ≥ 20.19 and evergreen browsers.
 */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // Declarations resolve sibling packages through their published types, not their sources.
    dts: { compilerOptions: { customConditions: [] } },
    clean: true,
    sourcemap: true,
    treeshake: true,
    target: "es2022",
    splitting: false,
    ...overrides,
  };
}
