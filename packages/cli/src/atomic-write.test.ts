import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputExistsError, writeFileAtomic } from "./atomic-write";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cohesion-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("writes a new file, creating its folder, and leaves no temporary file", async () => {
    const path = join(dir, "out", "report.md");
    await writeFileAtomic(path, "# Report\n", { force: false });
    expect(readFileSync(path, "utf8")).toBe("# Report\n");
    expect(readdirSync(join(dir, "out"))).toEqual(["report.md"]);
  });

  it("keeps an existing file unless forced, and leaves no temporary file either way", async () => {
    const path = join(dir, "report.md");
    writeFileSync(path, "kept");
    await expect(writeFileAtomic(path, "new", { force: false })).rejects.toBeInstanceOf(OutputExistsError);
    expect(readFileSync(path, "utf8")).toBe("kept");
    await writeFileAtomic(path, "new", { force: true });
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["report.md"]);
  });

  it("of two writers racing for one new file, exactly one wins and the other is refused", async () => {
    const path = join(dir, "race.json");
    const results = await Promise.allSettled(["a", "b", "c"].map((text) => writeFileAtomic(path, text, { force: false })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(OutputExistsError);
    expect(["a", "b", "c"]).toContain(readFileSync(path, "utf8"));
    expect(readdirSync(dir)).toEqual(["race.json"]);
  });
});
