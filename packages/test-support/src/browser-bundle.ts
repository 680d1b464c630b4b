// The one way the packages' tests bundle code for a browser: as a page's bundler would (esbuild,
// platform "browser", ESM, es2022), with the workspace packages read from their sources (the "source"
// export condition) and the metafile, so a test can also say which modules a bundle carries.
import { build, type BuildResult, type Plugin } from "esbuild";

/** What to bundle: a module given as text (resolved from `resolveDir`), or a file. */
export type BundleSource = { readonly contents: string; readonly resolveDir: string; readonly loader?: "js" | "ts" } | { readonly entry: string };

/** How: plugins (a package's browser build: its module swaps), and whether to minify. */
export interface BundleOptions {
  readonly plugins?: readonly Plugin[];
  readonly minify?: boolean;
}

/**
 * A browser bundle of `source`, in memory (`outputFiles[0]`), with its metafile.
 *
 * @example
 * const result = await bundleForBrowser({ contents: 'export { scoreAssessment } from "./src/index.ts";', resolveDir: packageRoot, loader: "ts" }, { plugins: [browserVariants] });
 * result.outputFiles[0]?.text;
 */
export async function bundleForBrowser(source: BundleSource, options: BundleOptions = {}): Promise<BuildResult<{ write: false; metafile: true }>> {
  return build({
    ...("entry" in source ? { entryPoints: [source.entry] } : { stdin: { contents: source.contents, resolveDir: source.resolveDir, loader: source.loader ?? "ts" } }),
    plugins: [...(options.plugins ?? [])],
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    target: "es2022",
    conditions: ["source"],
    minify: options.minify === true,
    logLevel: "silent",
    metafile: true,
  });
}
