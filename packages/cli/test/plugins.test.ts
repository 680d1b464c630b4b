import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createHost } from "@cohesion/core";
import { describe, expect, it } from "vitest";
import { listCommand } from "../src/commands/list";
import { cohesion, envelope, hasStackTrace, repoRoot, withTempDir } from "./helpers";

const EXAMPLE = join(repoRoot, "examples/benchmark-plugin");

function capture() {
  let text = "";
  return { write: (chunk: string) => (text += chunk), get text() { return text; } };
}

describe("finding plugins", () => {
  it("loads the plugins named by COHESION_PLUGIN_PATH from any working folder", () => {
    withTempDir((dir) => {
      const ran = cohesion(["list", "benchmarks"], { cwd: dir, env: { COHESION_PLUGIN_PATH: EXAMPLE } });
      expect(ran.status).toBe(0);
      expect(ran.stdout).toContain("exampleton.welcome-services@1.0.0");
      const missing = cohesion(["list", "benchmarks"], { cwd: dir, env: { COHESION_PLUGIN_PATH: join(dir, "nowhere") } });
      expect(missing.stderr).toContain(`${join(dir, "nowhere")}, which is not a folder`);
    });
  });

  it("refuses a --plugin path that does not exist or is not a plugin, exit 2", () => {
    withTempDir((dir) => {
      for (const command of [["list", "benchmarks"], ["validate", "examples/valid/place.json"], ["score", "examples/assessments/eurocities-athens-kypseli.json"]]) {
        const ran = cohesion([...command, "--plugin", join(dir, "wrong")]);
        expect(ran.status, command.join(" ")).toBe(2);
        expect(ran.stderr).toContain(`--plugin ${join(dir, "wrong")} is not a plugin`);
        expect(hasStackTrace(ran.stderr)).toBe(false);
      }
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "just-a-package", version: "1.0.0" }));
      const plain = cohesion(["list", "plugins", "--plugin", dir]);
      expect(plain.status).toBe(2);
      expect(plain.stderr).toContain('no "cohesion" key');
    });
  });

  it("prints every refused plugin with all its reasons on stderr, from every command, and keeps working", () => {
    withTempDir((dir) => {
      const broken = join(dir, "broken");
      cpSync(EXAMPLE, broken, { recursive: true });
      const benchmark = JSON.parse(readFileSync(join(broken, "content/benchmark.json"), "utf8")) as Record<string, unknown>;
      delete benchmark["title"];
      delete benchmark["standard"];
      writeFileSync(join(broken, "content/benchmark.json"), JSON.stringify(benchmark));
      for (const command of [["list", "benchmarks"], ["list", "plugins"], ["score", "examples/assessments/eurocities-athens-kypseli.json"], ["show", "benchmark", "inclucities.city-for-all"]]) {
        const ran = cohesion([...command, "--plugin", broken]);
        expect(ran.status, command.join(" ")).toBe(0);
        expect(ran.stderr).toMatch(/plugin exampleton .*some of its content out/);
        expect(ran.stderr).toContain('missing required field "title"');
        expect(ran.stderr).toContain('missing required field "standard"');
      }
      const plugins = cohesion(["list", "plugins", "--plugin", broken]);
      expect(plugins.stdout).toContain("2 problems:");
      expect(plugins.stdout.match(/missing_required_field/g)).toHaveLength(2);
    });
  });

  it("says how to install content when no benchmark is installed", () => {
    const stdout = capture();
    const stderr = capture();
    const outcome = listCommand({ what: "benchmarks", format: "text" }, { stdout, stderr, stdin: new PassThrough(), cwd: repoRoot }, createHost({ discover: false }));
    expect(outcome.exit).toBe(0);
    expect(outcome.result).toEqual([]);
    expect(stderr.text).toContain("No benchmark is installed");
    expect(stderr.text).toContain("npm install --global @cohesion/plugin-eurocities");
    expect(stderr.text).toContain("COHESION_PLUGIN_PATH");
  });
});

describe("a plugin that extends the practice schema", () => {
  it("scores and reports with it: its practices carry the field it adds, and the recommendations take them as the host validated them", () => {
    const plugin = join(repoRoot, "examples/third-party-plugin");
    const athens = "examples/assessments/eurocities-athens-kypseli.json";
    for (const argv of [["score", athens, "--plugin", plugin, "--target", "100", "--format", "json"], ["score", athens, "--plugin", plugin, "--model", "acme.median", "--format", "json"]]) {
      const ran = cohesion(argv);
      expect(ran.stderr).toBe("");
      expect(ran.status).toBe(0);
      expect(envelope(ran.stdout).ok).toBe(true);
    }
  });
});

describe("cohesion check-plugin", () => {
  it("passes the authoring guide's example, exit 0, and validate reads its content without taking package.json for a document", () => {
    const validated = cohesion(["validate", "examples/benchmark-plugin"]);
    expect(validated.stderr + validated.stdout).not.toContain("missing_kind");
    expect(validated.status).toBe(0);
    const ran = cohesion(["check-plugin", "examples/benchmark-plugin"]);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("1 benchmark, 1 practice");
    expect(ran.stdout).toContain("no problems");
  });

  it("lists every problem at once with file, line and pointer, even when the manifest is invalid, exit 1", () => {
    withTempDir((dir) => {
      const broken = join(dir, "broken");
      cpSync(EXAMPLE, broken, { recursive: true });
      const pkg = JSON.parse(readFileSync(join(broken, "package.json"), "utf8")) as { cohesion: Record<string, unknown> & { contributes: { practices: string[] } } };
      delete pkg.cohesion["manifestVersion"];
      pkg.cohesion.contributes.practices.push("content/missing.json");
      writeFileSync(join(broken, "package.json"), JSON.stringify(pkg, null, 2));
      const benchmark = JSON.parse(readFileSync(join(broken, "content/benchmark.json"), "utf8")) as { sources?: unknown; sections: { keyFactors: { guideQuestions?: unknown }[] }[] };
      delete benchmark.sources;
      delete benchmark.sections[0]?.keyFactors[1]?.guideQuestions;
      writeFileSync(join(broken, "content/benchmark.json"), JSON.stringify(benchmark, null, 2));

      const ran = cohesion(["check-plugin", broken]);
      expect(ran.status).toBe(1);
      expect(ran.stdout).toContain('missing required field "manifestVersion"');
      expect(ran.stdout).toContain('missing required field "sources"');
      expect(ran.stdout).toMatch(/benchmark\.json:\d+ \/sections\/0\/keyFactors\/1 error missing_required_field/);
      expect(ran.stdout).toContain("content/missing.json");
      const json = envelope<{ plugin: { status: string }; valid: boolean }>(cohesion(["check-plugin", broken, "--format", "json"]).stdout);
      expect(json.result?.plugin.status).toBe("refused");
      expect(json.result?.valid).toBe(false);
      expect(json.exit).toBe(1);
      expect(json.problems).toHaveLength(4);
    });
  });

  it("says a missing folder is missing, exit 2", () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, "empty"));
      expect(cohesion(["check-plugin", join(dir, "nope")]).status).toBe(2);
      const empty = cohesion(["check-plugin", join(dir, "empty")]);
      expect(empty.status).toBe(1);
      expect(empty.stdout).toContain("No package.json was found");
    });
  });
});
