import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers";

// `npm run fuzz` with a fixed seed and a count that fits in CI: the same harness as on demand.
describe("npm run fuzz", () => {
  it("finds no throw, hang, prototype pollution or disagreement between validators and parsers (seed 20261201, 1,500 inputs)", () => {
    const ran = spawnSync(process.execPath, [join(repoRoot, "scripts/fuzz.mjs"), "--seed", "20261201", "--count", "1500"], { cwd: repoRoot, encoding: "utf8", timeout: 300_000 });
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("fuzz: seed 20261201");
    expect(ran.stdout).toMatch(/1500 inputs in [\d.]+ s: \d+ inputs\/s \(\d+ per CPU second\), 0 failures/);
  });

  it("shares the inputs out among workers: every input runs once", () => {
    const ran = spawnSync(process.execPath, [join(repoRoot, "scripts/fuzz.mjs"), "--seed", "11", "--count", "41", "--workers", "2"], { cwd: repoRoot, encoding: "utf8", timeout: 300_000 });
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("2 workers");
    expect(ran.stdout).toMatch(/41 inputs in [\d.]+ s/);
  });

  it("refuses a count the workers' shared counter cannot hold, saying how to run more", () => {
    const ran = spawnSync(process.execPath, [join(repoRoot, "scripts/fuzz.mjs"), "--count", "3000000000"], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('--count must be a whole number from 1 to 2,000,000,000, not "3000000000"; for more inputs, run again with --from');
  });

  it("refuses an option that is not a number of the right kind, naming it and what it must be", () => {
    const cases: [string[], string][] = [
      [["--seed", "abc"], '--seed must be a whole number from 0 up, not "abc"'],
      [["--from", "-1"], '--from must be a whole number from 0 up, not "-1"'],
      [["--workers", "0"], '--workers must be a whole number from 1 to 256, not "0"'],
      [["--seconds"], "--seconds must be a number from 0 up, not nothing"],
    ];
    for (const [args, message] of cases) {
      const ran = spawnSync(process.execPath, [join(repoRoot, "scripts/fuzz.mjs"), ...args], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
      expect(ran.status, args.join(" ")).toBe(2);
      expect(ran.stderr, args.join(" ")).toContain(message);
      expect(ran.stderr, args.join(" ")).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("replays one input by seed and index", () => {
    const ran = spawnSync(process.execPath, [join(repoRoot, "scripts/fuzz.mjs"), "--seed", "7", "--from", "123", "--count", "1"], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("inputs 123 to 123");
  });
});
