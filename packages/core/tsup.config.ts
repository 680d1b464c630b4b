import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Three entries: the host, the JSON text tools alone (`@cohesion/core/json`) and folder creation
// (`@cohesion/core/folders`), for readers and writers that must not pay for loading the host. shims: import.meta.url (used to find the shipped schema versions an extension
// targets) in the CommonJS build too.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/json.ts", "src/folders.ts"], shims: true }));
