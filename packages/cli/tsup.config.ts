import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

export default defineConfig([
  // shims: import.meta.url (used to find the shipped schema versions) in the CommonJS build too.
  packageBuild({ shims: true }),
  // The binary: ESM only, with a shebang, and no declarations.
  packageBuild({ entry: { bin: "src/bin.ts" }, format: ["esm"], dts: false, clean: false, banner: { js: "#!/usr/bin/env node" } }),
  // The validation worker, started from the built index or binary next to it (see validate-pool.ts).
  packageBuild({ entry: { "validate-worker": "src/validate-worker.ts" }, format: ["esm"], dts: false, clean: false }),
]);
