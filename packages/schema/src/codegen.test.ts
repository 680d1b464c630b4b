import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot, schemasDir } from "./test-support";

const script = join(packageRoot, "scripts/codegen.mjs");
const BANNER = "// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs";
const temps: string[] = [];

function run(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: "utf8", cwd: packageRoot });
}

/** A copy of the schemas and of the committed output, to run the script against. */
function tempCopy(): { schemas: string; pkg: string } {
  const root = mkdtempSync(join(tmpdir(), "cohesion-codegen-"));
  temps.push(root);
  const schemas = join(root, "schemas");
  const pkg = join(root, "pkg");
  cpSync(schemasDir, schemas, { recursive: true });
  cpSync(join(packageRoot, "src/generated"), join(pkg, "src/generated"), { recursive: true });
  cpSync(join(packageRoot, "schemas"), join(pkg, "schemas"), { recursive: true });
  return { schemas, pkg };
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("codegen --check", () => {
  it("passes on the committed output", () => {
    const result = run("--check");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails, naming each stale file, when a schema changes without regeneration", () => {
    const { schemas, pkg } = tempCopy();
    const file = join(schemas, "place.schema.json");
    const schema = JSON.parse(readFileSync(file, "utf8"));
    schema.properties.districts = { title: "Districts", description: "How many districts the city has.", type: "integer" };
    writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    const result = run("--check", "--schemas", schemas, "--package", pkg);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("src/generated/types.ts");
    expect(result.stderr).toContain("src/generated/validators.js");
    expect(result.stderr).toContain("schemas/place.schema.json");
    expect(result.stderr).not.toContain("validators.d.ts");
    expect(result.stderr).not.toContain("benchmark.schema.json");

    // Regenerating makes the check pass again, and the output carries the banner.
    expect(run("--schemas", schemas, "--package", pkg).status).toBe(0);
    expect(run("--check", "--schemas", schemas, "--package", pkg).status).toBe(0);
    const types = readFileSync(join(pkg, "src/generated/types.ts"), "utf8");
    expect(types.startsWith(BANNER)).toBe(true);
    expect(types).toContain("districts?: number;");
  });

  it("names a generated file that no schema produces any more", () => {
    const { schemas, pkg } = tempCopy();
    writeFileSync(join(pkg, "schemas/old.schema.json"), "{}");
    const result = run("--check", "--schemas", schemas, "--package", pkg);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("schemas/old.schema.json");
  });
});

describe("generated validators", () => {
  const code = readFileSync(join(packageRoot, "src/generated/validators.js"), "utf8");

  it("are marked as generated and generate no code at run time", () => {
    expect(code.startsWith(BANNER)).toBe(true);
    expect(code).not.toMatch(/new Function|\beval\(|\bFunction\(/);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it("import only the ESM helper module beside them", () => {
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(["../validator-runtime"]);
  });
});
