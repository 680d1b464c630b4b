import { execFileSync } from "node:child_process";
import { chmodSync, createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputExistsError, WriteFailedError, writeFileAtomic } from "./atomic-write";
import { UsageError } from "./io";

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

  it("never writes over one of the command's inputs, by any path or link, even when forced", async () => {
    const input = join(dir, "athens.json");
    writeFileSync(input, "{}");
    symlinkSync(input, join(dir, "link.xlsx"));
    for (const out of [input, join(dir, ".", "athens.json"), join(dir, "link.xlsx")]) {
      const refused = await writeFileAtomic(out, "workbook", { force: true, inputs: [input] }).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(UsageError);
      expect((refused as UsageError).message).toMatch(/(is also the input|is the same file as the input .*athens\.json) — writing it would replace what is being read/);
    }
    expect(readFileSync(input, "utf8")).toBe("{}");
    await writeFileAtomic(join(dir, "other.json"), "new", { force: true, inputs: [input] });
  });

  it("writes through a symbolic link: the file it leads to is replaced, the link stays", async () => {
    const target = join(dir, "athens.json");
    writeFileSync(target, "old");
    symlinkSync(target, join(dir, "link.json"));
    await expect(writeFileAtomic(join(dir, "link.json"), "new", { force: false })).rejects.toBeInstanceOf(OutputExistsError);
    await writeFileAtomic(join(dir, "link.json"), "new", { force: true });
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["athens.json", "link.json"]);
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

describe("writeFileAtomic: special targets", () => {
  it("writes into a device or a named pipe as it is, never replacing it with a file", async () => {
    await writeFileAtomic("/dev/null", "anything\n", { force: true });
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reading = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo).on("data", (c) => chunks.push(c as Buffer)).on("end", () => resolve(Buffer.concat(chunks).toString()));
    });
    await writeFileAtomic(fifo, "through the pipe\n", { force: false });
    expect(await reading).toBe("through the pipe\n");
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("names the target and its folder when the folder is read-only, not the temporary file", async () => {
    // Permissions do not stop root; /sys refuses new files to everyone.
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? "/sys" : join(dir, "locked");
    if (!asRoot) {
      mkdirSync(locked);
      chmodSync(locked, 0o500);
    }
    try {
      const error = await writeFileAtomic(join(locked, "report.html"), "x", { force: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WriteFailedError);
      expect((error as WriteFailedError).path).toBe(join(locked, "report.html"));
      expect((error as WriteFailedError).message).toContain(`the folder ${locked} is not writable`);
      expect((error as WriteFailedError).message).not.toContain(".tmp");
    } finally {
      if (!asRoot) chmodSync(locked, 0o700);
    }
  });
});
