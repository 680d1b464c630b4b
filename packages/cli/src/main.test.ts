import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./main";

const dir = mkdtempSync(join(tmpdir(), "cohesion-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(argv: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([stdin]),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe("run", () => {
  it("answers any JSON value in a file with a report: exit 0 or 1, never a stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const file = join(dir, "garbage.json");
        writeFileSync(file, JSON.stringify(value) ?? "null");
        const { code, stdout, stderr } = await capture(["validate", file, "--format", "json", "--no-integrity"]);
        expect([0, 1]).toContain(code);
        const report = JSON.parse(stdout) as { ok: boolean; exit: number; result: { valid: boolean }; problems: { code: string; pointer: string; message: string }[] };
        expect(report.result.valid).toBe(code === 0);
        expect(report.ok).toBe(code === 0);
        expect(report.exit).toBe(code);
        for (const problem of report.problems) {
          expect(problem.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
          expect(typeof problem.message).toBe("string");
        }
        expect(STACK.test(stdout + stderr)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("answers arbitrary text with a JSON syntax report that gives line and column", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const file = join(dir, "text.json");
        writeFileSync(file, text);
        const { code, stdout } = await capture(["validate", file]);
        expect([0, 1]).toContain(code);
        if (code === 1 && /not valid JSON/.test(stdout)) expect(stdout).toMatch(/text\.json:\d+:\d+: not valid JSON/);
      }),
      { numRuns: 60 },
    );
  });

  it("migrates or refuses any JSON value with a report, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom("1.0", "1.1", "2.0"), async (value, to) => {
        const file = join(dir, "document.json");
        writeFileSync(file, JSON.stringify(value));
        const { code, stdout, stderr } = await capture(["migrate", file, "--to", to]);
        expect([0, 1, 2]).toContain(code);
        if (to === "2.0") expect(code).not.toBe(0);
        if (code === 2) expect(stderr).toContain("unknown_target_version");
        if (code === 1) expect(stderr).toMatch(/document\.json .* error [a-z_]+: /);
        expect(STACK.test(stdout + stderr)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("answers arbitrary argument lists with an exit code, never a throw", async () => {
    const words = fc.constantFrom("validate", "score", "report", "init", "list", "assessment", "--format", "json", "--out", "--force", "--model", "-", "--benchmark", "x", "--city", "plugins", "--search", "migrate", "schema-diff", "--to", "--declared", "1.0", "major");
    await fc.assert(
      fc.asyncProperty(fc.array(words, { maxLength: 6 }), async (argv) => {
        // No word names an installed benchmark or an .html/.md path, so no run can write a file.
        const { code, stdout, stderr } = await capture(argv);
        expect([0, 1, 2]).toContain(code);
        expect(STACK.test(stdout + stderr)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
