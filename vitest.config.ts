import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

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

// The release tests (a copy of the workspace, a local registry, builds and installs in child processes)
// are the longest files and spend most of their time waiting for those processes: the journey starts
// first, then the consumer test, so the unit tests fill the other worker meanwhile instead of running
// before them. The release test checks the journey's schema minor release (and waits for it if it is not
// kept yet): it goes last, when the journey has long released it.
const FIRST = ["journey", "consumer"].map((name) => `/packages/release-tests/test/${name}.test.ts`);
const LAST = "/packages/release-tests/test/release.test.ts";

class ReleaseTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      if (file.moduleId.endsWith(LAST)) return FIRST.length + 1;
      const index = FIRST.findIndex((end) => file.moduleId.endsWith(end));
      return index === -1 ? FIRST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "examples/**/*.test.ts"],
    // vitest's default is one worker less than the cores: on two cores that is one, and the release tests'
    // waiting would leave a core idle. Two at least, so a release test and the unit tests run side by side.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: ReleaseTestsFirst },
    // Guards against a hung test, not timings: with two workers the slowest tests (a browser, spawned CLIs)
    // may share the machine with a release test's builds.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
