import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, cohesion, envelope, hasStackTrace, repoRoot, withTempDir } from "./helpers";

const { version: coreVersion } = JSON.parse(readFileSync(join(repoRoot, "packages/core/package.json"), "utf8")) as { version: string };

// Large NDJSON streams are validated in worker threads by the built binary (from 64 MB by default; from
// 8 MB here, to keep the tests fast); the report must be exactly the one the main thread alone gives
// (COHESION_VALIDATE_WORKERS=0).

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`build the CLI first (npm run build): ${bin} is missing`);
  if (!existsSync(join(bin, "../validate-worker.js"))) throw new Error("build the CLI first (npm run build): dist/validate-worker.js is missing");
});

const FROM_8MB = { COHESION_VALIDATE_WORKERS_FROM_MB: "8" };

const practice = JSON.parse(readFileSync(join(repoRoot, "examples/valid/practice.json"), "utf8")) as Record<string, unknown>;

/** About `megabytes` of practices, one per line, with bad lines at known places. */
function largeNdjson(megabytes: number, extra: (i: number) => Record<string, unknown> = () => ({})): { text: string; bad: Map<number, string> } {
  const lines: string[] = [];
  const bad = new Map<number, string>();
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const line = i + 1;
    let text: string;
    if (line === 2) text = "{not json";
    else if (line === 3 || line % 2500 === 0) text = "";
    else if (line % 997 === 0) text = JSON.stringify({ ...practice, id: `examples.p-${i}`, country: "Sweden" });
    else if (line % 1999 === 0) text = `${JSON.stringify({ ...practice, id: `examples.p-${i}` }).slice(0, 40)}`;
    else text = JSON.stringify({ ...practice, id: `examples.p-${i}`, ...extra(i) });
    if (line === 2 || line % 1999 === 0) bad.set(line, "invalid_json");
    else if (line % 997 === 0) bad.set(line, "pattern_mismatch");
    lines.push(i % 3 === 0 ? `${text}\r` : text);
    size += text.length + 1;
  }
  // The last line has no newline after it.
  lines.push(JSON.stringify({ ...practice, id: "examples.last", summary: 42 }));
  bad.set(lines.length, "invalid_type");
  return { text: lines.join("\n"), bad };
}

interface Report {
  valid: boolean;
  documents: number;
  invalidDocuments: number;
  files: number;
  errors: { code: string; line: number; file: string }[];
}

function reportOf(stdout: string): Report {
  const parsed = envelope<Omit<Report, "errors">>(stdout);
  return { ...(parsed.result as Omit<Report, "errors">), errors: parsed.problems as Report["errors"] };
}

describe("cohesion validate: large NDJSON in worker threads", () => {
  it("gives the same report as the main thread alone, JSON and text, with the right lines and exit code", () => {
    withTempDir((dir) => {
      const { text, bad } = largeNdjson(10);
      const file = join(dir, "practices.ndjson");
      writeFileSync(file, text);
      const inProcess = cohesion(["validate", file, "--format", "json"], { env: { COHESION_VALIDATE_WORKERS: "0" } });
      expect(inProcess.status).toBe(1);
      const report = reportOf(inProcess.stdout);
      expect(report.errors.map((e) => e.line)).toEqual([...bad.keys()]);
      expect(report.errors.map((e) => e.code)).toEqual([...bad.values()]);
      expect(report.invalidDocuments).toBe(bad.size);
      // By default a 10 MB file stays in the main thread.
      expect(cohesion(["validate", file, "--format", "json"]).stdout).toBe(inProcess.stdout);
      for (const workers of ["1", "2"]) {
        const ran = cohesion(["validate", file, "--format", "json"], { env: { COHESION_VALIDATE_WORKERS: workers, ...FROM_8MB } });
        expect(ran.status).toBe(1);
        expect(ran.stdout).toBe(inProcess.stdout);
        expect(ran.stderr).toBe("");
      }
      const textInProcess = cohesion(["validate", file], { env: { COHESION_VALIDATE_WORKERS: "0" } });
      const textWorkers = cohesion(["validate", file], { env: { COHESION_VALIDATE_WORKERS: "2", ...FROM_8MB } });
      expect(textWorkers.status).toBe(1);
      expect(textWorkers.stdout).toBe(textInProcess.stdout);
      expect(textWorkers.stdout).toContain(`${file}:2:2: not valid JSON`);
      expect(hasStackTrace(textWorkers.stdout + textWorkers.stderr)).toBe(false);
    });
  });

  it("applies --plugin schema extensions in the workers, and reads standard input the same way", () => {
    withTempDir((dir) => {
      const plugin = join(dir, "acme");
      const manifest = { kind: "plugin-manifest", schemaVersion: "1.0", id: "acme", manifestVersion: 1, engines: { cohesion: `^${coreVersion}` }, contributes: { schemaExtensions: [{ kind: "practice", patch: "rating.json" }] } };
      mkdirSync(plugin);
      writeFileSync(join(plugin, "package.json"), JSON.stringify({ name: "acme", version: "1.0.0", type: "module", cohesion: manifest }));
      writeFileSync(join(plugin, "rating.json"), JSON.stringify({ properties: { acmeRating: { type: "integer", minimum: 1, maximum: 5 } } }));
      // Every 500th practice rates itself 9: only an error with the plugin's extension.
      const { text } = largeNdjson(9, (i) => ({ acmeRating: i % 500 === 0 ? 9 : 3 }));
      const file = join(dir, "rated.ndjson");
      writeFileSync(file, text);
      const args = ["validate", file, "--plugin", plugin, "--format", "json", "--no-integrity"];
      const inProcess = cohesion(args, { env: { COHESION_VALIDATE_WORKERS: "0" } });
      const workers = cohesion(args, { env: { COHESION_VALIDATE_WORKERS: "1", ...FROM_8MB } });
      expect(workers.stdout).toBe(inProcess.stdout);
      const rated = reportOf(workers.stdout).errors.filter((e) => e.line % 500 === 1 && e.code !== "invalid_json");
      expect(rated.length).toBeGreaterThan(10);
      const stdinArgs = ["validate", "-", "--plugin", plugin, "--format", "json", "--no-integrity"];
      const stdinInProcess = cohesion(stdinArgs, { input: text, env: { COHESION_VALIDATE_WORKERS: "0" } });
      const stdinWorkers = cohesion(stdinArgs, { input: text, env: { COHESION_VALIDATE_WORKERS: "2", ...FROM_8MB } });
      expect(stdinWorkers.status).toBe(1);
      expect(stdinWorkers.stdout).toBe(stdinInProcess.stdout);
      expect(stdinWorkers.stdout).toBe(inProcess.stdout.replaceAll(file, "-"));
    });
  });

  it("refuses a COHESION_VALIDATE_WORKERS or _FROM_MB that is not a whole number, exit 2", () => {
    const ran = cohesion(["validate", "examples/valid/place.json"], { env: { COHESION_VALIDATE_WORKERS: "many" } });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain("COHESION_VALIDATE_WORKERS must be a whole number");
    const from = cohesion(["validate", "examples/valid/place.json"], { env: { COHESION_VALIDATE_WORKERS_FROM_MB: "8MB" } });
    expect(from.status).toBe(2);
    expect(from.stderr).toContain("COHESION_VALIDATE_WORKERS_FROM_MB must be a whole number of megabytes");
  });
});
