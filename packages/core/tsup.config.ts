import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Two entries: the host, and the JSON text tools alone (`@cohesion/core/json`) for readers that must not
// pay for loading the host. shims: import.meta.url (used to find the shipped schema versions an extension
// targets) in the CommonJS build too.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/json.ts"], shims: true }));
