import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "./kinds";
import { readExamples, readSchemaFiles, schemasDir, validExamplesDir } from "./test-support";
import { validatePreviousMajor } from "./older-major";
import { validate as validateCurrent } from "./validate";
import { compareSchemaVersions, parseSchemaVersion, SCHEMA_VERSION, SCHEMA_VERSIONS, schemaSpecifier, supportedSchemaVersions } from "./versions";

// Resolves through node_modules/@cohesion/schema and its package.json `exports`, as a user's tool would.
const require = createRequire(import.meta.url);
const assessment = readExamples(validExamplesDir).find((e) => e.file === "assessment.json")?.document as Record<string, unknown>;
// Versions around the current one, so the tests hold whatever version the schemas are at.
const { major, minor } = parseSchemaVersion(SCHEMA_VERSION) as { major: number; minor: number };
const newerMinor = `${major}.${minor + 6}`;
const nextMajor = `${major + 1}.0`;
const currentMajor = SCHEMA_VERSIONS.filter((v) => parseSchemaVersion(v)?.major === major);
// A 1.x document is read by the current validator while 1 is the current major, by major 1's own after.
const validate = (document: unknown) => validatePreviousMajor(document) ?? validateCurrent(document);

describe("schema versions", () => {
  it("ships every frozen release and the current version, oldest first", () => {
    const frozen = readdirSync(`${schemasDir}releases`).filter((d) => parseSchemaVersion(d) !== undefined);
    expect(SCHEMA_VERSIONS).toEqual([...new Set([...frozen, SCHEMA_VERSION])].sort(compareSchemaVersions));
    expect(SCHEMA_VERSIONS[0]).toBe("1.0");
    expect(SCHEMA_VERSIONS.at(-1)).toBe(SCHEMA_VERSION);
  });

  it.each(SCHEMA_VERSIONS.map((v) => [v]))("every %s schema resolves through the package exports and by its $id", (version) => {
    const names = readSchemaFiles().map((s) => s.file);
    for (const name of names) {
      const id = `https://schemas.cohesion.dev/${version}/${name}`;
      const specifier = schemaSpecifier(id);
      expect(specifier).toBe(`@cohesion/schema/schemas/${version}/${name}`);
      const file = require.resolve(specifier as string);
      const schema = JSON.parse(readFileSync(file, "utf8")) as { $id: string };
      expect(schema.$id).toBe(id);
    }
  });

  it("resolves @cohesion/schema/schemas/1.0/assessment.schema.json to the frozen 1.0 schema", () => {
    const file = require.resolve("@cohesion/schema/schemas/1.0/assessment.schema.json");
    expect(readFileSync(file, "utf8")).toBe(readFileSync(`${schemasDir}releases/1.0/assessment.schema.json`, "utf8"));
    // The unversioned path is the current version.
    const current = JSON.parse(readFileSync(require.resolve("@cohesion/schema/schemas/assessment.schema.json"), "utf8")) as { $id: string };
    expect(current.$id).toBe(`https://schemas.cohesion.dev/${SCHEMA_VERSION}/assessment.schema.json`);
  });

  it("knows no $id outside the versions it ships", () => {
    expect(schemaSpecifier(`https://schemas.cohesion.dev/${newerMinor}/assessment.schema.json`)).toBeUndefined();
    expect(schemaSpecifier("https://schemas.cohesion.dev/1.0/../secret.json")).toBeUndefined();
    expect(schemaSpecifier("https://example.org/1.0/assessment.schema.json")).toBeUndefined();
  });

  it("orders versions numerically", () => {
    expect(["1.10", "1.2", "0.9", "x"].sort(compareSchemaVersions)).toEqual(["x", "0.9", "1.2", "1.10"]);
    expect(parseSchemaVersion("1.01")).toBeUndefined();
  });
});

describe("validate() and the schema version a document declares", () => {
  it("reads every version of its major up to the current one with the latest validator", () => {
    for (const version of currentMajor) expect(validate({ ...assessment, schemaVersion: version })).toEqual({ valid: true, errors: [] });
  });

  it("refuses a minor version newer than the package, naming both versions", () => {
    const report = validate({ ...assessment, schemaVersion: newerMinor });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      code: "unsupported_schema_version",
      pointer: "/schemaVersion",
      params: { version: newerMinor, latest: SCHEMA_VERSION, supported: supportedSchemaVersions },
    });
    expect(report.errors[0]?.message).toBe(
      `schemaVersion "${newerMinor}" at /schemaVersion is not supported (it is newer than this package): this package reads schema versions ${supportedSchemaVersions}, the latest being ${SCHEMA_VERSION}; upgrade @cohesion/schema to a release that reads it`,
    );
  });

  it("refuses an unknown major version with one problem, for every kind", () => {
    for (const kind of DOCUMENT_KINDS) {
      const report = validate({ kind, schemaVersion: nextMajor });
      const versionProblems = report.errors.filter((p) => p.pointer === "/schemaVersion");
      expect(versionProblems.map((p) => p.code), kind).toEqual(["unsupported_schema_version"]);
      expect(versionProblems[0]?.message).toContain(`"${nextMajor}"`);
      expect(versionProblems[0]?.message).toContain(SCHEMA_VERSION);
    }
  });

  it("explains text that is no version at all", () => {
    const report = validate({ ...assessment, schemaVersion: "1.0.0" });
    expect(report.errors).toMatchObject([{ code: "unsupported_schema_version", params: { version: "1.0.0", latest: SCHEMA_VERSION } }]);
  });
});

describe("the deprecated evidence field", () => {
  const withEvidence = (schemaVersion: string) => ({
    ...assessment,
    schemaVersion,
    answers: { "q-one": { level: "partial", evidence: "Minutes of the council, 2023." } },
  });

  it("is a deprecated_field warning in a 1.1 document, naming the version and the replacement", () => {
    const report = validate(withEvidence("1.1"));
    expect(report.valid).toBe(true);
    expect(report.errors).toEqual([
      {
        code: "deprecated_field",
        severity: "warning",
        pointer: "/answers/q-one/evidence",
        message: 'field "evidence" at /answers/q-one/evidence is deprecated since schema version 1.1 and will go in a future major version — use "evidenceLinks" instead',
        params: { field: "evidence", since: "1.1", replacement: "evidenceLinks", sinceText: " since schema version 1.1", hint: ' — use "evidenceLinks" instead' },
      },
    ]);
  });

  it("is fine in a 1.0 document, written when it was the field to use", () => {
    expect(validate(withEvidence("1.0"))).toEqual({ valid: true, errors: [] });
  });

  it("has its replacement, evidenceLinks, as titled links", () => {
    const answers = { "q-one": { level: "partial", evidenceLinks: [{ title: "Council minutes", url: "https://example.org/minutes", date: "2023-05" }] } };
    expect(validate({ ...assessment, schemaVersion: "1.1", answers })).toEqual({ valid: true, errors: [] });
    const bad = { "q-one": { evidenceLinks: [{ url: "not a url" }] } };
    expect(validate({ ...assessment, schemaVersion: "1.1", answers: bad }).errors.map((p) => p.code).sort()).toEqual(["invalid_format", "missing_required_field"]);
  });
});
