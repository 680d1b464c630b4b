import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.config.base";

// shims: import.meta.url (used to find the shipped schema versions an extension targets) in the CommonJS build too.
export default defineConfig(packageBuild({ shims: true }));
