#!/usr/bin/env node
// Generates the TypeScript types, the precompiled validators, the deprecation checks and the
// packaged schema copies from the JSON Schemas in the repository's schemas/ folder. Each generator
// is a module of its own in ./codegen.
//
//   node scripts/codegen.mjs            write the generated files
//   node scripts/codegen.mjs --check    exit 1, naming each stale file, when the committed
//                                      output differs from what the schemas produce
//   --schemas <dir>  --package <dir>    read and write elsewhere (used by the stale-check test)
//
// The schemas in schemas/ are the current version (their $ids name it). Each released version is
// frozen in schemas/releases/<version>/; the package ships every one of them as
// schemas/<version>/<name>.schema.json, the current one too, and the current files again as
// schemas/<name>.schema.json.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCompactValidators } from "./codegen/compact-validators.mjs";
import { generateDeprecations } from "./codegen/deprecations.mjs";
import { generateNesting, MAX_DEPTH, recursionLimit } from "./codegen/depth.mjs";
import { generateKinds } from "./codegen/kinds.mjs";
import { writeOrCheck } from "./codegen/output.mjs";
import { BANNER, SCHEMA_HOST, checkKinds, readReleases, readSchemas, versionOf } from "./codegen/source.mjs";
import { generateTypes } from "./codegen/types.mjs";
import { generateValidateKinds } from "./codegen/validate-kinds.mjs";
import { generateValidators } from "./codegen/validators.mjs";
import { generateVersions } from "./codegen/versions.mjs";

const scriptDir = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    schemas: { type: "string" },
    package: { type: "string" },
  },
});
const packageDir = resolve(args.package ?? join(scriptDir, ".."));
const schemasDir = resolve(args.schemas ?? join(scriptDir, "../../../schemas"));

async function expectedFiles() {
  const schemaFiles = readSchemas(schemasDir);
  checkKinds(schemaFiles);
  const current = versionOf(schemaFiles, "schemas");
  const base = `${SCHEMA_HOST}${current}/`;
  const releases = readReleases(schemasDir);
  const files = new Map();
  files.set("src/generated/types.ts", await generateTypes(schemaFiles, base));
  const { js, dts } = generateValidators(schemaFiles, base, recursionLimit(schemaFiles), MAX_DEPTH);
  files.set("src/generated/validators.js", js);
  files.set("src/generated/validators.d.ts", dts);
  const compact = generateCompactValidators(schemaFiles, base, recursionLimit(schemaFiles), MAX_DEPTH);
  files.set("src/generated/validators.compact.js", compact.js);
  files.set("src/generated/validators.compact.d.ts", compact.dts);
  files.set("src/generated/deprecations.ts", generateDeprecations(schemaFiles, base, BANNER));
  files.set("src/generated/kinds.ts", generateKinds());
  files.set("src/generated/nesting.ts", generateNesting(schemaFiles, base, BANNER));
  files.set("src/generated/validate-kinds.ts", generateValidateKinds(schemaFiles, base));
  files.set("src/generated/versions.ts", generateVersions(current, releases.map((r) => r.version)));
  for (const { version, files: released } of releases) {
    for (const { file, text } of released) {
      // A released version is frozen: the current schemas may not change under its $ids.
      const now = version === current ? schemaFiles.find((s) => s.file === file) : undefined;
      if (version === current && now?.text !== text) {
        throw new Error(
          `schemas/${file} differs from schemas/releases/${version}/${file} but still carries version ${version} in its $id; give the changed schemas a new version (every $id)`,
        );
      }
      files.set(`schemas/${version}/${file}`, text);
    }
  }
  for (const { file, text } of schemaFiles) {
    files.set(`schemas/${file}`, text);
    files.set(`schemas/${current}/${file}`, text);
  }
  return files;
}

try {
  writeOrCheck({
    packageDir,
    files: await expectedFiles(),
    generatedDirs: ["src/generated", "schemas"],
    check: args.check ?? false,
    command: "npm run codegen -w @cohesion/schema",
  });
} catch (error) {
  console.error(`codegen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
