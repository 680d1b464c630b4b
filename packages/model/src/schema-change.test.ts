import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtures } from "@cohesion/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The schemas are the one source: a change to them reaches every generated artefact by regenerating,
 * with nothing edited by hand. A copy of the schemas gains an optional field on practices; the
 * generators of @cohesion/schema and @cohesion/model run over copies of the two packages, and the
 * regenerated validators (compiled and compact), types, zod schemas, deprecation checks and quick check must all accept a
 * practice with the field and refuse one with a wrong type there.
 */

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const FIELD = "volunteerHours";
let root = "";

function run(script: string, ...args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

/** The copies, the schema change and the regeneration. */
function regenerate(): void {
  root = mkdtempSync(join(tmpdir(), "cohesion-schema-change-"));
  // The copies resolve zod, ajv and the rest from the repository's dependencies.
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
  const schemas = join(root, "schemas");
  cpSync(join(repoRoot, "schemas"), schemas, { recursive: true });
  for (const pkg of ["schema", "model"]) {
    mkdirSync(join(root, pkg));
    cpSync(join(repoRoot, "packages", pkg, "src"), join(root, pkg, "src"), { recursive: true });
  }

  const files = readdirSync(schemas).filter((f) => f.endsWith(".schema.json"));
  const version = (JSON.parse(readFileSync(join(schemas, "practice.schema.json"), "utf8")).$id as string).split("/")[3] as string;
  // A version already released is frozen: the change then comes with the next minor version.
  const [major, minor] = version.split(".").map(Number) as [number, number];
  const next = existsSync(join(schemas, "releases", version)) ? `${major}.${minor + 1}` : version;
  for (const file of files) {
    const path = join(schemas, file);
    const text = readFileSync(path, "utf8").replaceAll(`https://schemas.cohesion.dev/${version}/`, `https://schemas.cohesion.dev/${next}/`);
    const schema = JSON.parse(text);
    if (file === "practice.schema.json") {
      schema.properties[FIELD] = { title: "Volunteer hours", description: "Hours given by volunteers.", type: "integer", minimum: 0 };
    }
    writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  }
  run(join(repoRoot, "packages/schema/scripts/codegen.mjs"), "--schemas", schemas, "--package", join(root, "schema"));
  run(join(repoRoot, "packages/model/scripts/codegen.mjs"), "--schemas", schemas, "--package", join(root, "model"));
}

const withField = (value: unknown) => ({ ...structuredClone(fixtures.practice), [FIELD]: value });

beforeAll(regenerate, 60_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("an optional field added to the practice schema", () => {
  it("is accepted by the regenerated validators, quick check and zod schemas, and a wrong type refused", async () => {
    const schema = await import(join(root, "schema/src/index.ts"));
    const zod = await import(join(root, "model/src/generated/zod.ts"));
    expect(schema.validatePractice(withField(120))).toEqual({ valid: true, errors: [] });
    expect(schema.validate(withField(120))).toEqual({ valid: true, errors: [] });
    expect(schema.quickCheck("practice").surelyValid(withField(120))).toBe(true);
    expect(zod.practiceSchema.safeParse(withField(120)).success).toBe(true);

    const wrong = schema.validatePractice(withField("many"));
    expect(wrong.valid).toBe(false);
    expect(wrong.errors.map((problem: { pointer: string }) => problem.pointer)).toEqual([`/${FIELD}`]);
    expect(schema.quickCheck("practice").surelyValid(withField("many"))).toBe(false);
    expect(zod.practiceSchema.safeParse(withField("many")).success).toBe(false);
    expect(zod.practiceSchema.safeParse(withField(-1)).success).toBe(false);

    // The browser build's validators, regenerated from the same schemas, answer as the compiled ones.
    const compiled = await import(join(root, "schema/src/generated/validators.js"));
    const compact = await import(join(root, "schema/src/generated/validators.compact.js"));
    expect(compact.practice(withField(120))).toBe(true);
    expect(compact.practicePasses(withField(120))).toBe(true);
    expect(compact.practice(withField("many"))).toBe(false);
    expect(compact.practice.collect(withField("many"))).toEqual(compiled.practice.collect(withField("many")));
  });

  it("raises no deprecation warning: the regenerated deprecation checks know the field is current", async () => {
    const deprecations = await import(join(root, "schema/src/generated/deprecations.ts"));
    expect(deprecations.practice(withField(120), undefined)).toEqual([]);
  });

  it("is in the regenerated types: a practice with the field type-checks, one with a wrong type does not", () => {
    const check = join(root, "check.ts");
    writeFileSync(
      check,
      [
        'import type { Practice } from "./schema/src/generated/types";',
        `export const ok: Practice["${FIELD}"] = 120;`,
        `// @ts-expect-error a string is not a number of hours`,
        `export const wrong: Practice["${FIELD}"] = "many";`,
        "",
      ].join("\n"),
    );
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", check], { encoding: "utf8" });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);

  it("leaves the committed generated files untouched", () => {
    run(join(repoRoot, "packages/schema/scripts/codegen.mjs"), "--check");
    run(join(repoRoot, "packages/model/scripts/codegen.mjs"), "--check");
  });
});
