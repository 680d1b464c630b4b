import { defineConfig } from "tsup";
import { browserVariants, packageBuild } from "../../tsup.config.base";
// @ts-expect-error -- a plain ES module of the build scripts, typed by its JSDoc
import { compactValidators } from "./scripts/browser-build.mjs";

export default defineConfig([
  // Two entries: the precompiled validators (safe under a browser CSP) and the run-time compiler.
  packageBuild({ entry: ["src/index.ts", "src/runtime.ts"] }),
  // The "browser" export condition: the same module with the compact validators (smaller, slower) and
  // the browser variants of some modules (src/**/*.browser.ts). Its types are dist/index.d.ts.
  packageBuild({ entry: { browser: "src/index.ts" }, format: ["esm"], dts: false, clean: false, esbuildPlugins: [compactValidators, browserVariants] }),
]);
