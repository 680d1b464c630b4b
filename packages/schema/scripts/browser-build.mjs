// @ts-check
// The one difference between the browser build (dist/browser.js) and the Node build: the generated
// validators module is the compact one (src/generated/validators.compact.js, data and an interpreter)
// instead of the compiled functions. Used by tsup.config.ts and by the test that compares the two.
import { basename, dirname, resolve } from "node:path";

/** An esbuild plugin resolving `./generated/validators` to `./generated/validators.compact.js`. */
export const compactValidators = {
  name: "compact-validators",
  /** @param {import("esbuild").PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(?:.*\/)?validators$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return basename(dirname(path)) === "generated" ? { path: `${path}.compact.js` } : undefined;
    });
  },
};
