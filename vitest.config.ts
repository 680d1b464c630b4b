import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));

// Tests import sibling packages from source, so a test run needs no build first:
// `@cohesion/<pkg>` → packages/<pkg>/src/index.ts and `@cohesion/<pkg>/<entry>` → packages/<pkg>/src/<entry>.ts.
const alias = readdirSync(packagesDir)
  .filter((dir) => existsSync(`${packagesDir}${dir}/src/index.ts`))
  .flatMap((dir) => [
    // Subpath entries such as @cohesion/schema/runtime; the schema files themselves stay JSON.
    { find: new RegExp(`^@cohesion/${dir}/([a-z-]+)$`), replacement: `${packagesDir}${dir}/src/$1.ts` },
    { find: new RegExp(`^@cohesion/${dir}$`), replacement: `${packagesDir}${dir}/src/index.ts` },
  ]);

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
