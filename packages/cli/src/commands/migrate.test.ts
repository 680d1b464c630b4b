// `cohesion migrate` at scale, through `run` as the binary calls it: folders, array files, NDJSON,
// --out-dir, --in-place, --dry-run, --plugin, counts, and garbage answered with a report.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { SCHEMA_VERSION } from "@cohesion/schema";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../main";

const repo = new URL("../../../../", import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), "cohesion-migrate-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let folders = 0;
const folder = () => {
  const dir = join(temp, `case-${folders++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

async function cohesion(argv: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, stdin: Readable.from([stdin]), cwd: repo });
  return { code, stdout, stderr };
}

const example = (file: string) => JSON.parse(readFileSync(join(repo, "examples/valid", file), "utf8")) as Record<string, any>;
const assessment = { ...example("assessment.json"), schemaVersion: "1.0", answers: { "q-one": { level: "partial", evidence: "Minutes, see https://example.org/minutes. Residents came." } } };
const place: Record<string, any> = { ...example("place.json"), schemaVersion: "1.0" };
const current = { ...example("place.json"), schemaVersion: SCHEMA_VERSION };
const ndjson = (...docs: unknown[]) => `${docs.map((d) => JSON.stringify(d)).join("\n")}\n`;
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A folder of documents as a city tool keeps them: one per file, arrays, NDJSON, in subfolders. */
function dataFolder(extra: Record<string, string> = {}) {
  const dir = folder();
  mkdirSync(join(dir, "data/places"), { recursive: true });
  writeFileSync(join(dir, "data/assessment.json"), JSON.stringify(assessment));
  writeFileSync(join(dir, "data/places/all.json"), JSON.stringify([place, { ...place, id: "oecd.other" }]));
  writeFileSync(join(dir, "data/stream.ndjson"), ndjson(place, current, assessment));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, "data", name), text);
  return dir;
}

describe("cohesion migrate, many documents", () => {
  it("migrates a folder into --out-dir, mirroring its paths, keeping arrays and NDJSON, and ends with counts", async () => {
    const dir = dataFolder();
    const out = join(dir, "migrated");
    const ran = await cohesion(["migrate", join(dir, "data"), "--out-dir", out]);
    expect(ran.stderr).not.toMatch(STACK);
    expect(ran.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["assessment.json", "places", "stream.ndjson"]);
    const migrated = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8")) as Record<string, any>;
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
    expect(migrated.answers["q-one"].evidenceLinks[0].url).toBe("https://example.org/minutes");
    const places = JSON.parse(readFileSync(join(out, "places/all.json"), "utf8")) as Array<Record<string, any>>;
    expect(places.map((p) => [p.id, p.schemaVersion])).toEqual([
      [place.id, SCHEMA_VERSION],
      ["oecd.other", SCHEMA_VERSION],
    ]);
    const lines = readFileSync(join(out, "stream.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((d) => [d.kind, d.schemaVersion])).toEqual([
      ["place", SCHEMA_VERSION],
      ["place", SCHEMA_VERSION],
      ["assessment", SCHEMA_VERSION],
    ]);
    // Each move is listed with its file, and its line for NDJSON.
    expect(ran.stderr).toContain(`${join(dir, "data/assessment.json")} /answers/q-one/evidence info migrated_field`);
    expect(ran.stderr).toContain(`${join(dir, "data/stream.ndjson")}:3 /answers/q-one/evidence info migrated_field`);
    expect(ran.stderr).toContain(`✔ 6 documents in 3 files migrated to schema version ${SCHEMA_VERSION}, 3 files written: 4 values moved; nothing was left behind; 1 already at ${SCHEMA_VERSION}`);
  });

  it("--dry-run reports the same and writes nothing; --format json gives the counts", async () => {
    const dir = dataFolder();
    const ran = await cohesion(["migrate", join(dir, "data"), "--dry-run", "--format", "json"]);
    expect(ran.code).toBe(0);
    const envelope = JSON.parse(ran.stdout) as { ok: boolean; result: { dryRun: boolean; counts: Record<string, number>; files: Array<{ file: string; written?: string }> } };
    expect(envelope.ok).toBe(true);
    const out = envelope.result;
    expect(out).toMatchObject({ dryRun: true, counts: { files: 3, documents: 6, migrated: 5, already: 1, failed: 0, moved: 4, notCarriedOver: 0 } });
    expect(out.files.every((f) => f.written === undefined)).toBe(true);
    expect(readdirSync(dir)).toEqual(["data"]);
    const text = await cohesion(["migrate", join(dir, "data"), "--dry-run"]);
    expect(text.stderr).toContain("(dry run: nothing written)");
  });

  it("does not write a file holding a document it cannot migrate, names it, and writes the others (exit 1)", async () => {
    const dir = dataFolder({ "broken.json": JSON.stringify([place, { ...place, country: "Denmark" }]), "bad.ndjson": `${JSON.stringify(place)}\n{ nope\n` });
    const out = join(dir, "migrated");
    const ran = await cohesion(["migrate", join(dir, "data"), "--out-dir", out]);
    expect(ran.code).toBe(1);
    expect(existsSync(join(out, "broken.json"))).toBe(false);
    expect(existsSync(join(out, "bad.ndjson"))).toBe(false);
    expect(existsSync(join(out, "assessment.json"))).toBe(true);
    expect(ran.stderr).toContain(`${join(dir, "data/broken.json")} /1/country error`);
    expect(ran.stderr).toContain(`${join(dir, "data/bad.ndjson")}:2`);
    expect(ran.stderr).toMatch(/✖ 2 documents in 2 files were not migrated to [\d.]+; a file with a document that cannot be migrated is not written/);
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp") || f.startsWith("."))).toEqual([]);
  });

  it("never overwrites without being asked: --force or --in-place", async () => {
    const dir = dataFolder();
    const out = join(dir, "migrated");
    expect((await cohesion(["migrate", join(dir, "data"), "--out-dir", out])).code).toBe(0);
    const again = await cohesion(["migrate", join(dir, "data"), "--out-dir", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists — pass --force");
    expect((await cohesion(["migrate", join(dir, "data"), "--out-dir", out, "--force"])).code).toBe(0);
    const inPlace = await cohesion(["migrate", join(dir, "data"), "--in-place"]);
    expect(inPlace.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, "data/places/all.json"), "utf8")) as Array<{ schemaVersion: string }>)[1]?.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("streams an NDJSON file or standard input to standard output, one document per line", async () => {
    const dir = dataFolder();
    const file = await cohesion(["migrate", join(dir, "data/stream.ndjson")]);
    expect(file.code).toBe(0);
    expect(file.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { schemaVersion: string }).schemaVersion)).toEqual([SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION]);
    const stdin = await cohesion(["migrate", "-"], ndjson(place, place));
    expect(stdin.code).toBe(0);
    expect(stdin.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("checks documents against the schemas as a --plugin extends them", async () => {
    const practices = join(repo, "examples/third-party-plugin/content/practices.json");
    const plain = await cohesion(["migrate", practices, "--dry-run"]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("unknown_field");
    const extended = await cohesion(["migrate", practices, "--dry-run", "--plugin", join(repo, "examples/third-party-plugin")]);
    expect(extended.stderr).toContain(`migrated to schema version ${SCHEMA_VERSION} (dry run: nothing written)`);
    expect(extended.code).toBe(0);
  });

  it("answers a wrong combination of options with a usage message (exit 2)", async () => {
    const dir = dataFolder();
    const cases: Array<[string[], string]> = [
      [["migrate", join(dir, "data")], "for several files or a folder give --out-dir"],
      [["migrate", join(dir, "data"), "--out", join(dir, "x.json")], "--out takes the migrated documents of one file"],
      [["migrate", join(dir, "data"), "--dry-run", "--out-dir", join(dir, "x")], "--dry-run writes nothing"],
      [["migrate", join(dir, "data"), "--in-place", "--out-dir", join(dir, "x")], "give one of --out, --out-dir and --in-place"],
      [["migrate"], "migrate needs at least one file"],
      [["migrate", join(dir, "nope.json")], "no such file or directory"],
    ];
    for (const [argv, message] of cases) {
      const ran = await cohesion(argv);
      expect(ran.code, argv.join(" ")).toBe(2);
      expect(ran.stderr).toContain(message);
    }
  });

  it("answers any file content with a report and an exit code, never a stack trace", async () => {
    const dir = folder();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null"), fc.string()), fc.boolean(), async (text, asNdjson) => {
        const file = join(dir, asNdjson ? "garbage.ndjson" : "garbage.json");
        writeFileSync(file, text);
        const ran = await cohesion(["migrate", file, "--dry-run", "--format", "json"]);
        expect([0, 1]).toContain(ran.code);
        const out = JSON.parse(ran.stdout) as { ok: boolean; exit: number; problems: Array<{ code: string }> };
        expect(out.exit).toBe(ran.code);
        for (const problem of out.problems) expect(problem.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(ran.stderr).not.toMatch(STACK);
        rmSync(file);
      }),
      { numRuns: 60 },
    );
  });
});
