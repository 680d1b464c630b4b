import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
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

/**
 * The type declarations alone, .d.ts and .d.cts from one TypeScript program, for a package whose ESM and CJS
 * builds are separate configs (a `dts` on each computed the same declarations twice, the slowest part of its
 * build). Those configs then build with `dts: false, clean: KEEP_DECLARATIONS`.
 */
export function packageDeclarations(entry: NonNullable<Options["entry"]>): Options {
  return packageBuild({ entry, dts: { only: true, compilerOptions: { customConditions: [] } } });
}

/** A `clean` that leaves the declarations to the config that writes them (see {@link packageDeclarations}). */
export const KEEP_DECLARATIONS = ["!**/*.d.{ts,cts,mts}"];

/**
 * The module swap of a package's browser build (dist/browser.js, the "browser" export condition): a
 * relative import `./x` whose folder holds `x.browser.ts` gets that file instead. Such a file does what
 * its sibling does in a lighter way (less code, less speed), so a page carries fewer bytes.
 */
export const browserVariants: Plugin = {
  name: "browser-variants",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const variant = `${resolve(args.resolveDir, args.path)}.browser.ts`;
      return existsSync(variant) ? { path: variant } : undefined;
    });
  },
};
