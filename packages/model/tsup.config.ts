import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Three entries: everything; the built-in scales alone (no zod) for browser bundles; the integrity check
// and catalog without zod, for tools that must start fast.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/scales.ts", "src/integrity.ts"] }));
