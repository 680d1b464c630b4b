// The packed packages, installed from their tarballs into a project outside the workspace and used the
// way an outside developer would: ESM, CJS, TypeScript (node16 and bundler resolution), a browser bundle
// run in a bare JavaScript realm, and the `cohesion` bin with the content plugins installed.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { runInContext, createContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousRelease, type ReleasedTarball } from "./support/previous-release";
import {
  BUNDLE_GOAL_BYTES,
  NPM_INSTALL_FLAGS,
  REPO_ROOT,
  assertBuilt,
  binTargets,
  exportTargets,
  packageNamed,
  publicPackages,
  readJson,
  run,
  tempDir,
} from "./support/workspace";

const FIXTURES = join(REPO_ROOT, "packages/release-tests/fixtures/consumer");
const ASSESSMENT = join(REPO_ROOT, "examples/assessments/eurocities-athens-kypseli.json");
const TSC = join(REPO_ROOT, "node_modules/typescript/bin/tsc");

const packages = publicPackages();
const temp = tempDir("consumer");
const project = join(temp.path, "project");
let packed: readonly ReleasedTarball[] = [];
let benchmarkPath = "";

/** The eurocities benchmark as installed in the consumer project, found through the plugin's manifest. */
function installedBenchmark(): string {
  const pluginDir = join(project, "node_modules/@cohesion/plugin-eurocities");
  const manifest = readJson<{ cohesion: { contributes: { benchmarks: string[] } } }>(join(pluginDir, "package.json"));
  const file = manifest.cohesion.contributes.benchmarks[0];
  if (file === undefined) throw new Error("@cohesion/plugin-eurocities contributes no benchmark");
  return join(pluginDir, file);
}

/** Every benchmark id the installed plugins contribute, read from their data files. */
function pluginBenchmarkIds(): string[] {
  return packages
    .filter((pkg) => pkg.manifest.cohesion !== undefined)
    .flatMap((pkg) => {
      const dir = join(project, "node_modules", pkg.name);
      const files = readJson<{ cohesion: { contributes: Record<string, string[]> } }>(join(dir, "package.json")).cohesion.contributes.benchmarks ?? [];
      return files.flatMap((file) => [readJson<unknown>(join(dir, file))].flat() as { id: string }[]).map((doc) => doc.id);
    });
}

function nodeScript(file: string) {
  return run(process.execPath, [file, "assessment.json", benchmarkPath], { cwd: project, timeoutMs: 30_000 });
}

beforeAll(async () => {
  assertBuilt(packages);
  mkdirSync(project);
  // The tarballs the release publishes, packed once per run and shared by the release tests.
  packed = (await previousRelease()).tarballs;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "outside-city-tool", version: "1.0.0", private: true }, null, 2));
  // The @types/node the workspace already has, so the install is served from npm's cache.
  const typesNode = readJson<{ version: string }>(join(REPO_ROOT, "node_modules/@types/node/package.json")).version;
  await run("npm", ["install", ...packed.map((p) => p.path), `@types/node@${typesNode}`, ...NPM_INSTALL_FLAGS], {
    cwd: project,
    timeoutMs: 120_000,
  });
  for (const file of ["esm.mjs", "cjs.cjs", "typed.ts", "browser-check.mjs", "browser-entry.mjs", "browser-entry-validate-all.mjs", "tsconfig.node16.json", "tsconfig.bundler.json"]) {
    copyFileSync(join(FIXTURES, file), join(project, file));
  }
  // The same program once as CommonJS (.ts in a package without "type") and once as ESM (.mts).
  copyFileSync(join(FIXTURES, "typed.ts"), join(project, "typed.mts"));
  copyFileSync(ASSESSMENT, join(project, "assessment.json"));
  benchmarkPath = installedBenchmark();
}, 400_000);

afterAll(() => temp.dispose());

describe("the packed tarballs", () => {
  it("holds one tarball per public package", () => {
    expect(packed.map((p) => p.name).sort()).toEqual(packages.map((pkg) => pkg.name).sort());
  });

  it("ship every file their exports, bins and plugin manifests point at, and no tests", () => {
    for (const result of packed) {
      const pkg = packageNamed(packages, result.name);
      const files = new Set(result.files);
      // Content entries are paths; behaviour entries (adapters, scoring models) are objects, shipped through main.
      const contributed = Object.values(pkg.manifest.cohesion?.contributes ?? {})
        .flat()
        .filter((entry): entry is string => typeof entry === "string");
      if (typeof pkg.manifest.cohesion?.main === "string") contributed.push(pkg.manifest.cohesion.main);
      const expected = [...exportTargets(pkg.manifest.exports), ...binTargets(pkg.manifest), ...contributed].map((target) => target.replace(/^\.\//, ""));
      expect(expected.filter((target) => !files.has(target)), `${result.name} misses files`).toEqual([]);
      expect([...files].filter((path) => /\.test(-d)?\.ts$|(^|\/)(test|testing|__fixtures__)\//.test(path)), `${result.name} ships tests`).toEqual([]);
    }
  });

  it("each hold a README, a CHANGELOG.md and a LICENSE", () => {
    for (const result of packed) {
      const files = new Set(result.files);
      expect(["README.md", "CHANGELOG.md", "LICENSE"].filter((file) => !files.has(file)), `${result.name} misses`).toEqual([]);
    }
  });
});

describe("an outside project", () => {
  it("imports @cohesion/schema, model and scoring as ESM to validate and score an assessment", async () => {
    const out = JSON.parse((await nodeScript("esm.mjs")).stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      assessmentValid: true,
      benchmarkValid: true,
      parsed: true,
      integrityCodes: [],
      scored: true,
      broken: { valid: false, pointers: ["/answers"] },
    });
    expect(out.kinds).toContain("assessment");
    expect(out.overall).toBeGreaterThanOrEqual(0);
    expect(out.overall).toBeLessThanOrEqual(100);
    expect(out.keyFactorScores).toBeGreaterThan(0);
    expect(out.schemaId).toMatch(/^https:\/\/schemas\.cohesion\.dev\/\d+\.\d+\/assessment\.schema\.json$/);
  });

  it("requires every library package as CommonJS, including the run-time validator and the plugin host", async () => {
    const out = JSON.parse((await nodeScript("cjs.cjs")).stdout) as {
      plugins: { id: string; status: string }[];
      benchmarks: string[];
    } & Record<string, unknown>;
    expect(out).toMatchObject({
      assessmentValid: true,
      asWrongKind: false,
      runtimeValid: true,
      runtimeBroken: ["/scale"],
      parsed: true,
      scored: true,
      model: "cohesion.equal-average",
      markdownStartsWith: "# ",
    });
    expect(out.placeSchemaId).toMatch(/place\.schema\.json$/);
    // The host reports the version it was published as, which the plugins' engines are checked against.
    expect(out.coreVersion).toBe(packageNamed(packages, "@cohesion/core").version);
    const pluginIds = packages.flatMap((pkg) => (pkg.manifest.cohesion ? [pkg.manifest.cohesion.id] : []));
    expect(out.plugins.map((p) => p.id).sort()).toEqual([...pluginIds].sort());
    expect(out.plugins.filter((p) => p.status !== "loaded" && p.status !== "active"), "plugins the installed core refused").toEqual([]);
    expect(out.benchmarks.sort()).toEqual(pluginBenchmarkIds().sort());
  });

  it.each(["node16", "bundler"])("type-checks a TypeScript program against the published declarations (moduleResolution %s)", async (mode) => {
    const result = await run(process.execPath, [TSC, "-p", `tsconfig.${mode}.json`], { cwd: project, timeoutMs: 90_000, allowFailure: true });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  /**
   * The fixture bundled for the browser as a city tool would (iife, minified), refusing Node built-ins.
   * With `compiled`, as a bundler that ignores the "browser" export condition would: with the Node
   * build of @cohesion/schema (compiled validators) instead of its browser build (compact validators).
   */
  async function browserBundle(entry: string, compiled = false) {
    const nodeImports: string[] = [];
    const builtins = new Set(builtinModules);
    const result = await build({
      entryPoints: [join(project, entry)],
      absWorkingDir: project,
      bundle: true,
      platform: compiled ? "neutral" : "browser",
      ...(compiled ? { conditions: ["import"], mainFields: ["module", "main"] } : {}),
      format: "iife",
      target: "es2022",
      minify: true,
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [
        {
          name: "refuse-node-builtins",
          setup(builder) {
            builder.onResolve({ filter: /.*/ }, (args) => {
              if (!args.path.startsWith("node:") && !builtins.has(args.path)) return undefined;
              nodeImports.push(`${args.path} (imported by ${args.importer})`);
              return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }] };
            });
          },
        },
      ],
    });
    expect(nodeImports).toEqual([]);
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error("esbuild wrote no bundle");
    const byPackage: Record<string, number> = {};
    for (const [input, info] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
      const owner = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
      byPackage[owner] = (byPackage[owner] ?? 0) + info.bytesInOutput;
    }
    const measurement = {
      bytes: output.contents.length,
      gzipBytes: gzipSync(output.contents).length,
      minifiedBytesByPackage: Object.fromEntries(Object.entries(byPackage).sort(([, a], [, b]) => b - a)),
    };
    return { text: output.text, measurement };
  }

  /** Runs a bundle in a fresh realm with nothing of Node in it (no require, no process, no Buffer). */
  function runInBareRealm(bundle: string): Record<string, unknown> {
    const realm = createContext({});
    expect(runInContext("[typeof require, typeof process, typeof Buffer].join()", realm)).toBe("undefined,undefined,undefined");
    runInContext(bundle, realm, { timeout: 30_000 });
    realm.assessmentText = readFileSync(join(project, "assessment.json"), "utf8");
    realm.benchmarkText = readFileSync(benchmarkPath, "utf8");
    return JSON.parse(runInContext("cohesionCheck(assessmentText, benchmarkText)", realm, { timeout: 30_000 }) as string) as Record<string, unknown>;
  }

  it("bundles validate + score for the browser without Node built-ins, and the bundle runs in a bare realm", async () => {
    const perKind = await browserBundle("browser-entry.mjs");
    const everything = await browserBundle("browser-entry-validate-all.mjs");
    const size = async (entry: string) => {
      const { bytes, gzipBytes } = (await browserBundle(entry, true)).measurement;
      return { what: "the same bundle with the Node build of @cohesion/schema (compiled validators), as without the browser condition", bytes, gzipBytes };
    };
    const { gzipBytes } = perKind.measurement;
    const measurement = {
      what: "esbuild browser bundle (iife, minified) of validateAssessment() + validateBenchmark() from @cohesion/schema + scoreAssessment() from @cohesion/scoring",
      measuredAt: new Date().toISOString(),
      ...perKind.measurement,
      goalGzipBytes: BUNDLE_GOAL_BYTES.perKind,
      withinGoal: gzipBytes <= BUNDLE_GOAL_BYTES.perKind,
      withCompiledValidators: await size("browser-entry.mjs"),
      validateEverything: {
        what: "the same with validate() from @cohesion/schema, which carries the validators of all nine document kinds",
        ...everything.measurement,
        goalGzipBytes: BUNDLE_GOAL_BYTES.everything,
        withinGoal: everything.measurement.gzipBytes <= BUNDLE_GOAL_BYTES.everything,
        withCompiledValidators: await size("browser-entry-validate-all.mjs"),
      },
    };
    mkdirSync(join(REPO_ROOT, "perf/results"), { recursive: true });
    writeFileSync(join(REPO_ROOT, "perf/results/bundle-size.json"), `${JSON.stringify(measurement, null, 2)}\n`);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `browser bundle (per-kind validate + score): ${kb(gzipBytes)} gzipped, ${kb(perKind.measurement.bytes)} minified ` +
        `(goal ${BUNDLE_GOAL_BYTES.perKind / 1024} KB gzipped) — ${JSON.stringify(perKind.measurement.minifiedBytesByPackage)}\n` +
        `browser bundle (validate() everything + score): ${kb(everything.measurement.gzipBytes)} gzipped, ${kb(everything.measurement.bytes)} minified ` +
        `(goal ${BUNDLE_GOAL_BYTES.everything / 1024} KB gzipped) — ` +
        JSON.stringify(everything.measurement.minifiedBytesByPackage),
    );

    const node = JSON.parse((await nodeScript("esm.mjs")).stdout) as { overall: number };
    for (const bundle of [perKind, everything]) {
      const out = runInBareRealm(bundle.text);
      expect(out).toMatchObject({ assessmentValid: true, benchmarkValid: true, brokenPointers: ["/answers"], scored: true });
      expect(out.overall).toBeGreaterThanOrEqual(0);
      expect(out.overall).toBeLessThanOrEqual(100);
      // The browser gets the same score as Node.
      expect(out.overall).toBe(node.overall);
    }
  });

  it.runIf(binTargets(packageNamed(packages, "@cohesion/cli").manifest).length > 0)(
    "runs the packed cohesion bin: lists the installed plugins' benchmarks, validates and scores",
    async () => {
      const npx = (args: string[]) => run("npx", ["--no", "cohesion", ...args], { cwd: project, timeoutMs: 60_000 });
      const list = await npx(["list", "benchmarks"]);
      for (const id of pluginBenchmarkIds()) expect(list.stdout).toContain(id);
      const validated = await npx(["validate", "assessment.json"]);
      expect(validated.code).toBe(0);
      const scored = (JSON.parse((await npx(["score", "assessment.json", "--format", "json"])).stdout) as { result: { kind: string; overall: { score: number } } }).result;
      expect(scored.kind).toBe("score-report");
      const node = JSON.parse((await nodeScript("esm.mjs")).stdout) as { overall: number };
      expect(scored.overall.score).toBe(node.overall);
      expect(existsSync(join(project, "node_modules/.bin/cohesion"))).toBe(true);
      expect((await npx(["--", "--version"])).stdout.trim()).toBe(packageNamed(packages, "@cohesion/cli").version);
    },
  );
});

describe("an integration officer with the command installed globally", () => {
  it("from an empty folder: list, show, init, fill half with evidence, validate, score, and a report that shows every piece of evidence", async () => {
    const prefix = join(temp.path, "global");
    const desk = join(temp.path, "desk");
    mkdirSync(desk);
    await run("npm", ["install", "--global", "--prefix", prefix, ...packed.map((p) => p.path), ...NPM_INSTALL_FLAGS], { cwd: desk, timeoutMs: 120_000 });
    const cohesion = (args: string[]) => run(join(prefix, "bin", "cohesion"), args, { cwd: desk, timeoutMs: 60_000 });

    const list = await cohesion(["list", "benchmarks"]);
    for (const id of pluginBenchmarkIds()) expect(list.stdout).toContain(id);
    expect(list.stderr).toBe("");
    const show = await cohesion(["show", "benchmark", "eurocities.neighbourhood-participation"]);
    expect(show.stdout).toContain("[kf1-border-criteria]");
    const init = await cohesion(["init", "assessment", "--benchmark", "eurocities.neighbourhood-participation", "--city", "Ghent", "--country", "BE", "--out", "ghent.json"]);
    expect(init.code).toBe(0);
    expect(existsSync(join(desk, "ghent.questions.md"))).toBe(true);

    const assessment = readJson<{ schemaVersion: string; answers: Record<string, unknown> }>(join(desk, "ghent.json"));
    // The current schema version, as the schemas' $ids name it.
    const current = /\/(\d+\.\d+)\//.exec(readJson<{ $id: string }>(join(REPO_ROOT, "schemas/assessment.schema.json")).$id)?.[1];
    expect(assessment.schemaVersion).toBe(current);
    const entered: { notes: string; title: string; url: string }[] = [];
    Object.keys(assessment.answers).forEach((question, i) => {
      if (i % 2 === 1) return;
      const evidence = { notes: `Confirmed by the district team (${question}).`, title: `Ghent council minutes (${question})`, url: `https://stad.gent.example/minutes/${question}` };
      assessment.answers[question] = { level: ["none", "planned", "partial", "substantial", "full"][i % 5], evidenceLinks: [{ title: evidence.title, url: evidence.url, date: "2025-09-12" }], notes: evidence.notes };
      entered.push(evidence);
    });
    writeFileSync(join(desk, "ghent.json"), JSON.stringify(assessment, null, 2));

    expect((await cohesion(["validate", "ghent.json"])).code).toBe(0);
    expect((await cohesion(["score", "ghent.json"])).stdout).toContain("Ghent");
    expect((await cohesion(["report", "ghent.json", "--out", "ghent.html"])).code).toBe(0);
    expect((await cohesion(["report", "ghent.json", "--out", "ghent.md"])).code).toBe(0);
    const html = readFileSync(join(desk, "ghent.html"), "utf8");
    const markdown = readFileSync(join(desk, "ghent.md"), "utf8");
    expect(entered.length).toBeGreaterThan(30);
    for (const evidence of entered) {
      for (const text of [html, markdown]) {
        expect(text).toContain(evidence.notes);
        expect(text).toContain(evidence.title);
        expect(text).toContain(evidence.url);
      }
    }
  }, 240_000);
});
