import { defineConfig } from "tsup";
import { KEEP_DECLARATIONS, packageBuild, packageDeclarations } from "../../tsup.config.base";

// Three entries: the host, the JSON text tools alone (`@cohesion/core/json`) and folder creation
// (`@cohesion/core/folders`), for readers and writers that must not pay for loading the host. shims: import.meta.url (used to find the shipped schema versions an extension
// targets) in the CommonJS build too.
const entry = ["src/index.ts", "src/json.ts", "src/folders.ts"];
export default defineConfig([
  // ESM with code splitting: the JSON text tools that the host and `@cohesion/core/json` both export are one
  // shared module, not a copy per entry. With copies, a JsonRefusal from one entry failed `instanceof` in the
  // other, and a program using both loaded, warmed up and optimised the same parser twice.
  packageBuild({ entry, format: ["esm"], splitting: true, shims: true, dts: false, clean: KEEP_DECLARATIONS }),
  packageBuild({ entry, format: ["cjs"], shims: true, dts: false, clean: false }),
  packageDeclarations(entry),
]);
