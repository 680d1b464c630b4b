#!/usr/bin/env node
// @ts-check
// Generates src/generated/zod.ts, the zod schemas of every document kind, from the JSON Schemas in
// the repository's schemas/ folder.
//
//   node scripts/codegen.mjs            write the generated file
//   node scripts/codegen.mjs --check    exit 1, naming the stale file, when it differs from what the schemas produce
//   --schemas <dir>  --package <dir>    read and write elsewhere (used by tests)
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeOrCheck } from "../../schema/scripts/codegen/output.mjs";
import { BANNER, DOCUMENT_KINDS, SCHEMA_HOST, checkKinds, readSchemas, versionOf } from "../../schema/scripts/codegen/source.mjs";
import { generateZod } from "./zod.mjs";

const scriptDir = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { check: { type: "boolean", default: false }, schemas: { type: "string" }, package: { type: "string" } },
});

try {
  const schemaFiles = readSchemas(resolve(args.schemas ?? join(scriptDir, "../../../schemas")));
  checkKinds(schemaFiles);
  const base = `${SCHEMA_HOST}${versionOf(schemaFiles, "schemas")}/`;
  const files = new Map([["src/generated/zod.ts", generateZod(schemaFiles, base, DOCUMENT_KINDS, BANNER)]]);
  writeOrCheck({
    packageDir: resolve(args.package ?? join(scriptDir, "..")),
    files,
    generatedDirs: ["src/generated"],
    check: args.check ?? false,
    command: "npm run codegen -w @cohesion/model",
  });
} catch (error) {
  console.error(`codegen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
