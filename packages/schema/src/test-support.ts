// Shared by the tests: where the repository's schemas and examples are, and how to read them.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));
export const schemasDir = `${repoRoot}schemas/`;
export const validExamplesDir = `${repoRoot}examples/valid/`;
export const invalidExamplesDir = `${repoRoot}examples/invalid/`;

export interface Example {
  readonly file: string;
  readonly document: unknown;
}

export function readExamples(dir: string): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, document: JSON.parse(readFileSync(`${dir}${file}`, "utf8")) as unknown }));
}

/** The schema files of a folder: the current schemas by default, or a frozen release's. */
export function readSchemaFiles(dir = schemasDir): Array<{ file: string; schema: Record<string, unknown> }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(`${dir}${file}`, "utf8")) as Record<string, unknown> }));
}

/** The code an invalid example must produce: the part of its name before "--". */
export function expectedCode(file: string): string {
  return file.split("--")[0] ?? "";
}

/**
 * A browser bundle (ESM, es2022, with its metafile) of the package's sources: either a module given as
 * text beside the package (`contents`) or the main entry. `compact` makes it the browser build, as tsup
 * does for dist/browser.js: the compact validators and the browser variants of modules (*.browser.ts).
 */
export async function bundleForBrowser(options: { contents?: string; compact?: boolean; minify?: boolean } = {}) {
  const { bundleForBrowser: bundle } = await import("@cohesion/test-support/browser-bundle");
  // @ts-expect-error -- a plain ES module of the build scripts, typed by its JSDoc
  const { compactValidators } = await import("../scripts/browser-build.mjs");
  const { browserVariants } = await import("../../../tsup.config.base");
  const source = options.contents === undefined ? { entry: `${packageRoot}src/index.ts` } : { contents: options.contents, resolveDir: packageRoot };
  return bundle(source, { plugins: options.compact === true ? [compactValidators, browserVariants] : [], minify: options.minify === true });
}
