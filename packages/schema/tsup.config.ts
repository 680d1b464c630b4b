import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// Two entries: the precompiled validators (safe under a browser CSP) and the run-time compiler.
export default defineConfig(packageBuild({ entry: ["src/index.ts", "src/runtime.ts"] }));
