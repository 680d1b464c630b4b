import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeFolder, makeFolderSync } from "./folders";

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), "cohesion-folders-"));
  made.push(folder);
  return folder;
}

describe.each([
  ["makeFolder", (path: string) => makeFolder(path)],
  ["makeFolderSync", async (path: string) => makeFolderSync(path)],
] as const)("%s", (_name, make) => {
  it("creates a folder and its missing parents, and accepts one that exists", async () => {
    const root = scratch();
    const deep = join(root, "a", "b", "c");
    await make(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await make(deep);
    await make(root);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it("refuses a file at the path (EEXIST) or on the way to it (ENOTDIR), creating nothing", async () => {
    const root = scratch();
    const file = join(root, "file");
    writeFileSync(file, "x");
    await expect(make(file)).rejects.toMatchObject({ code: "EEXIST" });
    await expect(make(join(file, "below", "deeper"))).rejects.toMatchObject({ code: "ENOTDIR" });
    expect(existsSync(join(file, "below"))).toBe(false);
  });

  // Node's recursive mkdir loops for ever here; the test's own timeout is the guard against a hang.
  it.runIf(existsSync("/proc/self"))("answers with the error of a folder the kernel refuses (under /proc), never hangs", async () => {
    await expect(make("/proc/cohesion-no-such-folder/inner")).rejects.toMatchObject({ code: "ENOENT" });
  }, 20_000);
});
