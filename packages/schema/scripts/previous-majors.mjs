#!/usr/bin/env node
// Generates the precompiled validators of every earlier major's last release into
// src/previous-majors/, so documents of an older major can be checked (and then migrated) without
// compiling anything at run time. Each set is made by scripts/codegen.mjs itself, run over the
// frozen schemas in a temporary folder: the same generator, the same runtime.
//
//   node scripts/previous-majors.mjs            write them
//   node scripts/previous-majors.mjs --check    exit 1, naming each stale file
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const scriptDir = dirname(fileURLToPath(import.meta.url));
const packageDir = join(scriptDir, "..");
const schemasDir = join(scriptDir, "../../../schemas");
const outDir = join(packageDir, "src/previous-majors");
const BANNER = "// DO NOT EDIT — generated from schemas/releases/ by scripts/previous-majors.mjs";
const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });

const parse = (v) => v.split(".").map(Number);
const compare = (a, b) => parse(a)[0] - parse(b)[0] || parse(a)[1] - parse(b)[1];
const isVersion = (v) => /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(v);

function currentMajor() {
  const id = JSON.parse(readFileSync(join(schemasDir, "defs.schema.json"), "utf8")).$id;
  return parse(id.split("/")[3])[0];
}

/** The last frozen release of each major older than the current one. */
function lastOfEachOlderMajor() {
  const releases = existsSync(join(schemasDir, "releases")) ? readdirSync(join(schemasDir, "releases")).filter((d) => isVersion(d) && statSync(join(schemasDir, "releases", d)).isDirectory()) : [];
  const last = new Map();
  for (const version of releases.sort(compare)) if (parse(version)[0] < currentMajor()) last.set(parse(version)[0], version);
  return [...last.entries()];
}

function validatorsOf(version) {
  const temp = mkdtempSync(join(tmpdir(), "cohesion-previous-major-"));
  try {
    mkdirSync(join(temp, "schemas"));
    for (const file of readdirSync(join(schemasDir, "releases", version)).filter((f) => f.endsWith(".schema.json"))) {
      cpSync(join(schemasDir, "releases", version, file), join(temp, "schemas", file));
    }
    const result = spawnSync(process.execPath, [join(scriptDir, "codegen.mjs"), "--schemas", join(temp, "schemas"), "--package", join(temp, "package")], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`codegen over schemas/releases/${version} failed:\n${result.stderr}`);
    const generated = join(temp, "package/src/generated");
    const header = `${BANNER}: the validators of schema version ${version}.`;
    // src/previous-majors/ is as far from src/validator-runtime.ts as src/generated/: the import holds.
    const js = readFileSync(join(generated, "validators.js"), "utf8").replace(/^\/\/ DO NOT EDIT.*$/m, header);
    const dts = readFileSync(join(generated, "validators.d.ts"), "utf8").replace(/^\/\/ DO NOT EDIT.*$/m, header);
    // The deprecation checks, so documents of that major still get their deprecated_field warnings.
    const deprecations = readFileSync(join(generated, "deprecations.ts"), "utf8").replace(/^\/\/ DO NOT EDIT.*$/m, header);
    return { js, dts, deprecations };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function expectedFiles() {
  const files = new Map();
  const majors = lastOfEachOlderMajor();
  for (const [major, version] of majors) {
    const { js, dts, deprecations } = validatorsOf(version);
    files.set(`v${major}.js`, js);
    files.set(`v${major}.d.ts`, dts);
    files.set(`v${major}-deprecations.ts`, deprecations);
  }
  files.set(
    "index.ts",
    [
      BANNER,
      'import type { DeprecationCheck } from "../deprecated";',
      'import type { PrecompiledValidator } from "../generated/validators";',
      ...majors.flatMap(([major]) => [`import * as v${major} from "./v${major}";`, `import * as v${major}Deprecations from "./v${major}-deprecations";`]),
      "",
      "/** An earlier major's validators: those of its last release, by kind (camelCase). */",
      "export interface PreviousMajor {",
      "  /** The last release of the major, such as \"1.4\". */",
      "  readonly version: string;",
      "  readonly validators: Readonly<Record<string, PrecompiledValidator>>;",
      "  /** Its deprecated-field checks, by kind (camelCase). */",
      "  readonly deprecations: Readonly<Record<string, DeprecationCheck>>;",
      "}",
      "",
      "/** Every major older than the current one, by major number. */",
      "export const PREVIOUS_MAJORS: Readonly<Record<number, PreviousMajor>> = {",
      ...majors.map(([major, version]) => `  ${major}: { version: "${version}", validators: v${major}, deprecations: v${major}Deprecations },`),
      "};",
      "",
    ].join("\n"),
  );
  return files;
}

const expected = expectedFiles();
const present = existsSync(outDir) ? readdirSync(outDir).filter((f) => !f.endsWith(".test.ts")) : [];
const stale = [...expected].filter(([file, text]) => !existsSync(join(outDir, file)) || readFileSync(join(outDir, file), "utf8") !== text).map(([file]) => file);
const extra = present.filter((file) => !expected.has(file));
if (values.check) {
  if (stale.length + extra.length > 0) {
    console.error(`previous-majors: src/previous-majors/ is stale (${[...stale, ...extra].join(", ")}); run npm run codegen -w @cohesion/schema`);
    process.exitCode = 1;
  }
} else {
  mkdirSync(outDir, { recursive: true });
  for (const file of extra) rmSync(join(outDir, file));
  for (const file of stale) writeFileSync(join(outDir, file), expected.get(file));
}
