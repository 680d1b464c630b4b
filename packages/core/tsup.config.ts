import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Two entries: the host, and the JSON text tools alone (`@cohesion/core/json`) for readers that must not
// pay for loading the host.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/json.ts"] }));
