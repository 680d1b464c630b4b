import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// plugin.ts is the module the plugin host imports (cohesion.main) when one of the adapters is first used.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/plugin.ts"] }));
