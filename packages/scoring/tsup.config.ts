import { defineConfig } from "tsup";
import { browserVariants, packageBuild } from "../../tsup.config.base";

export default defineConfig([
  packageBuild(),
  // The "browser" export condition: the same module with the browser variants of some modules
  // (src/**/*.browser.ts: less code for pages, same results). Its types are dist/index.d.ts.
  packageBuild({ entry: { browser: "src/index.ts" }, format: ["esm"], dts: false, clean: false, esbuildPlugins: [browserVariants] }),
]);
