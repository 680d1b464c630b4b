import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentCacheFolder } from "../src/open-host";
import { cohesion, withTempDir } from "./helpers";

describe("the content cache of the command", () => {
  it("lives in COHESION_CACHE_DIR, else under XDG_CACHE_HOME or ~/.cache; empty turns it off", () => {
    expect(contentCacheFolder({ COHESION_CACHE_DIR: "/tmp/here" })).toBe("/tmp/here");
    expect(contentCacheFolder({ COHESION_CACHE_DIR: "", XDG_CACHE_HOME: "/tmp/x" })).toBeUndefined();
    expect(contentCacheFolder({ XDG_CACHE_HOME: "/tmp/x" })).toBe(join("/tmp/x", "cohesion"));
    expect(contentCacheFolder({})).toMatch(/[\\/]\.cache[\\/]cohesion$/);
  });

  it("remembers the installed content that validated clean, and a second run answers the same", () => {
    withTempDir((dir) => {
      const env = { COHESION_CACHE_DIR: join(dir, "cache") };
      const first = cohesion(["validate", "examples/assessments/eurocities-athens-kypseli.json", "--format", "json"], { env });
      const clean = (JSON.parse(readFileSync(join(dir, "cache", "content-checks.json"), "utf8")) as { clean: string[] }).clean;
      expect(clean.length).toBeGreaterThan(0);
      const second = cohesion(["validate", "examples/assessments/eurocities-athens-kypseli.json", "--format", "json"], { env });
      expect(second.status).toBe(first.status);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe(first.stderr);
      const off = cohesion(["validate", "examples/valid/scale.json"], { env: { COHESION_CACHE_DIR: "", XDG_CACHE_HOME: join(dir, "xdg") } });
      expect(off.status).toBe(0);
      expect(existsSync(join(dir, "xdg"))).toBe(false);
    });
  });

  // Node's recursive mkdir never returns for a folder the kernel refuses inside an existing one (under
  // /proc); the spawn's own timeout turns a hang into a failed status here.
  it.runIf(existsSync("/proc/self"))("answers at once when the cache or an --out folder cannot be made", () => {
    const cacheRefused = cohesion(["validate", "examples/valid/scale.json"], { env: { COHESION_CACHE_DIR: "/proc/cohesion-no-such-folder" } });
    expect(cacheRefused.status).toBe(0);
    expect(cacheRefused.stdout).toContain("all valid");
    const outRefused = cohesion(["report", "examples/assessments/eurocities-athens-kypseli.json", "--out", "/proc/cohesion-no-such-folder/report.html", "--format", "json"]);
    expect(outRefused.status).toBe(2);
    expect(JSON.parse(outRefused.stdout)).toMatchObject({ ok: false, problems: [{ code: "write_failed", params: { file: "/proc/cohesion-no-such-folder/report.html" } }] });
  });
});
