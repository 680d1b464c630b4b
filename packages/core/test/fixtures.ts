import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import corePackage from "../package.json" with { type: "json" };

/** A fresh temporary folder for one test; remove it with {@link removeTemp}. */
export function makeTemp(): string {
  return mkdtempSync(join(tmpdir(), "cohesion-core-"));
}

export function removeTemp(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Writes a file, creating folders; objects are written as JSON, strings as they are. */
export function writeFile(path: string, content: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

/** A plugin manifest for `id` with the given contributions and extra manifest members. */
export function manifest(id: string, contributes: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "plugin-manifest",
    schemaVersion: "1.0",
    id,
    manifestVersion: 1,
    // The core under test, whatever its version: a release must not turn these plugins away.
    engines: { cohesion: `^${corePackage.version}` },
    contributes,
    ...extra,
  };
}

/**
 * Writes a plugin package at `folder`: package.json with `cohesion` set to `cohesion`, plus `files`
 * (paths relative to the folder). Returns the folder.
 */
export function writePlugin(folder: string, cohesion: unknown, files: Record<string, unknown> = {}, name = `fixture-${folder.split(/[\\/]/).pop()}`): string {
  writeFile(join(folder, "package.json"), { name, version: "1.0.0", type: "module", cohesion });
  for (const [path, content] of Object.entries(files)) writeFile(join(folder, path), content);
  return folder;
}

const sources = [{ publication: "Fixture toolkit", year: 2024, section: "1" }];

/** A small valid benchmark: one section, two key factors with guide questions. */
export function benchmark(ns: string, version = "1.0.0"): Record<string, unknown> {
  return {
    kind: "benchmark",
    schemaVersion: "1.0",
    id: `${ns}.participation`,
    version,
    title: "Participation",
    standard: "Residents of every background shape decisions about their neighbourhood.",
    defaultScale: "cohesion.maturity",
    sections: [
      {
        id: "basics",
        title: "Basics",
        keyFactors: [
          {
            id: "shared-vision",
            title: "Shared vision",
            guideQuestions: [
              { id: "q1", text: "Is there a shared vision?" },
              { id: "q2", text: "Was it written together with residents?" },
            ],
          },
          {
            id: "resources",
            title: "Resources",
            guideQuestions: [{ id: "q3", text: "Are there funds for it?" }],
          },
        ],
      },
    ],
    sources,
  };
}

/** A valid practice linked to the fixture benchmark's first key factor. */
export function practice(ns: string, name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "practice",
    schemaVersion: "1.0",
    id: `${ns}.${name}`,
    title: `Neighbourhood councils of ${name}`,
    city: "Ghent",
    country: "BE",
    summary: "Residents meet monthly to decide how a small budget is spent in their area.",
    activities: ["Monthly open meetings", "Participatory budgeting rounds"],
    keyFactors: [`${ns}.participation#shared-vision`],
    sources,
    ...fields,
  };
}

/** A valid self-assessment of the fixture benchmark. */
export function assessment(ns: string, answers: Record<string, string>): Record<string, unknown> {
  return {
    kind: "assessment",
    schemaVersion: "1.0",
    id: `${ns}.ghent-2024`,
    benchmark: { id: `${ns}.participation`, version: "1.0.0" },
    subject: { type: "place", name: "Ghent", country: "BE" },
    method: "self",
    assessedBy: [{ name: "City of Ghent" }],
    assessedOn: "2024-05-01",
    answers: Object.fromEntries(Object.entries(answers).map(([question, level]) => [question, { level }])),
  };
}

type FixtureModel = { id: string; title: string; version: string; score(): unknown };

/**
 * A stand-in for scoring's extension point (same name), so the host is tested without the scoring package:
 * it wants a version and a score function, and ships one built-in.
 */
export const modelsFixturePoint = {
  name: "scoringModels",
  label: "scoring model",
  builtins: [{ id: "cohesion.weighted-mean", title: "Weighted mean", version: "1.0.0", score: () => ({}) }] as FixtureModel[],
  check: (value: unknown) => {
    const model = value as Partial<FixtureModel>;
    if (typeof model.version !== "string" || !/^\d+\.\d+\.\d+$/.test(model.version)) return { ok: false as const, reason: 'the version must be MAJOR.MINOR.PATCH, such as "1.0.0"' };
    if (typeof model.score !== "function") return { ok: false as const, reason: "score must be a function" };
    return { ok: true as const, value: model as FixtureModel };
  },
};

/** A stand-in for the adapter contract's point: anything with an id is accepted as it is. */
export const adaptersFixturePoint = {
  name: "adapters",
  label: "adapter",
  check: (value: unknown) => ({ ok: true as const, value: value as { id: string; format?: string } }),
};
