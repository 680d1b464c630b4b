import { defineConfig } from "tsup";
import { KEEP_DECLARATIONS, packageBuild, packageDeclarations } from "../../tsup.config.base";

export default defineConfig([
  // ESM with code splitting: each command's code is a chunk loaded when the command runs, so that
  // `cohesion --version` or `--help` loads none of the libraries.
  // shims: import.meta.url (used to find the shipped schema versions) in the CommonJS build too. The
  // shebang is for the binary; in the other modules it is an allowed, ignored first line.
  packageBuild({ entry: { index: "src/index.ts", bin: "src/bin.ts", "validate-worker": "src/validate-worker.ts" }, format: ["esm"], splitting: true, shims: true, banner: { js: "#!/usr/bin/env node" }, dts: false, clean: KEEP_DECLARATIONS }),
  packageBuild({ format: ["cjs"], shims: true, dts: false, clean: false }),
  packageDeclarations({ index: "src/index.ts" }),
]);
