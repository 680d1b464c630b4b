// `cohesion schema export`: the schemas as a plugin extends them, each at the path of its $id, used by
// another validator (ajv here, standing in for any language's) to check extended documents.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { SCHEMA_ID_HOST, SCHEMA_VERSION } from "@cohesion/schema";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../main";

const repo = new URL("../../../../", import.meta.url).pathname;
const plugin = join(repo, "examples/third-party-plugin");
const temp = mkdtempSync(join(tmpdir(), "cohesion-schema-export-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cohesion(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, stdin: Readable.from([""]), cwd: repo });
  return { code, stdout, stderr };
}

describe("cohesion schema export", () => {
  it("writes every core schema and each merged one under its own $id, and an index of which to use", async () => {
    const out = join(temp, "acme");
    const ran = await cohesion(["schema", "export", "--plugin", plugin, "--out", out]);
    expect(ran.stderr).toContain(`written to ${out}`);
    expect(ran.code).toBe(0);
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as { schemaVersion: string; plugins: Array<{ id: string }>; kinds: Array<{ kind: string; core: string; extended?: string }> };
    expect(index.schemaVersion).toBe(SCHEMA_VERSION);
    expect(index.plugins.map((p) => p.id)).toContain("acme");
    const practice = index.kinds.find((k) => k.kind === "practice");
    expect(practice?.extended).toBe(`${SCHEMA_ID_HOST}${SCHEMA_VERSION}/practice+plugins.schema.json`);
    expect(index.kinds.find((k) => k.kind === "place")?.extended).toBeUndefined();
    const files = readdirSync(join(out, SCHEMA_VERSION));
    expect(files).toContain("defs.schema.json");
    expect(files).toContain("practice+plugins.schema.json");
    for (const file of files) expect((JSON.parse(readFileSync(join(out, SCHEMA_VERSION, file), "utf8")) as { $id: string }).$id).toBe(`${SCHEMA_ID_HOST}${SCHEMA_VERSION}/${file}`);

    // Another validator, given the folder, accepts the plugin's documents by the merged schema only.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(out, SCHEMA_VERSION, file), "utf8")) as object);
    const documents = JSON.parse(readFileSync(join(plugin, "content/practices.json"), "utf8")) as unknown[];
    const extended = ajv.getSchema(practice?.extended ?? "");
    const core = ajv.getSchema(practice?.core ?? "");
    expect(documents.every((d) => extended?.(d) === true)).toBe(true);
    expect(documents.some((d) => core?.(d) === false)).toBe(true);

    const again = await cohesion(["schema", "export", "--plugin", plugin, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists — pass --force");
    expect((await cohesion(["schema", "export", "--plugin", plugin, "--out", out, "--force"])).code).toBe(0);
  });

  it("stops, naming why and writing nothing, when the host refuses the plugin", async () => {
    const broken = join(temp, "broken");
    mkdirSync(join(broken, "schema"), { recursive: true });
    const manifest = { kind: "plugin-manifest", schemaVersion: "1.0", id: "broken", manifestVersion: 1, engines: { cohesion: "*" }, contributes: { schemaExtensions: [{ kind: "practice", patch: "schema/p.json", schemaVersions: "^9.0" }] } };
    writeFileSync(join(broken, "package.json"), JSON.stringify({ name: "broken", version: "1.0.0", cohesion: manifest }));
    writeFileSync(join(broken, "schema/p.json"), JSON.stringify({ properties: { x: { type: "string" } } }));
    const out = join(temp, "never");
    const ran = await cohesion(["schema", "export", "--plugin", broken, "--out", out]);
    // A --plugin the host refuses stops every command before it does anything (exit 2), naming why.
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("a --plugin could not be loaded");
    expect(ran.stderr).toContain("schema_extension_unsupported");
    expect(existsSync(out)).toBe(false);
  });

  it("answers a wrong invocation with its usage (exit 2)", async () => {
    expect((await cohesion(["schema", "export", "--plugin", plugin])).stderr).toContain("schema export needs --out <dir>");
    expect((await cohesion(["schema", "import"])).code).toBe(2);
  });
});
