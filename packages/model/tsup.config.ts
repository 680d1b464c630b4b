import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Two entries: everything, and the built-in scales alone (no zod) for browser bundles.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/scales.ts"] }));
