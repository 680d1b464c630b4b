import { parseCsv } from "@cohesion/adapter-kit";
import { createScorer } from "@cohesion/scoring";
import type { Benchmark, CohesionDocument, Place, Practice, Scale } from "@cohesion/schema";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedDocuments } from "../test/content";
import { dataPackageAdapter } from "./package";

// The profiles are draft-07: their own Ajv instance, apart from the 2020-12 one the Cohesion schemas use.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const profile = (name: string) => JSON.parse(readFileSync(new URL(`../test/profiles/2.0/${name}.json`, import.meta.url), "utf8")) as object;
const validatePackage = ajv.compile(profile("datapackage"));
const validateResource = ajv.compile(profile("dataresource"));
const validateTableSchema = ajv.compile(profile("tableschema"));
const validateDialect = ajv.compile(profile("tabledialect"));

const documents = shippedDocuments();
const benchmarks = documents.filter((document): document is Benchmark => document.kind === "benchmark");

interface Field {
  name: string;
  type: string;
}
interface Resource {
  name: string;
  path: string;
  dialect: object;
  schema: { fields: Field[]; primaryKey: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource?: string; fields: string[] } }> };
}

async function written(benchmark: Benchmark) {
  const result = await dataPackageAdapter.write!({ document: benchmark, documents, today: "2024-05-01" });
  if (!result.ok) throw new Error(JSON.stringify(result.report));
  const files = new Map(result.files.map((file) => [file.path, String(file.data)]));
  const descriptor = JSON.parse(files.get("datapackage.json") ?? "null") as { resources: Resource[] };
  // Each CSV, read back and typed by its Table Schema.
  const tables = new Map<string, Array<Record<string, unknown>>>();
  for (const resource of descriptor.resources) {
    const parsed = parseCsv(files.get(resource.path) ?? "");
    if (!parsed.ok) throw new Error(`${resource.path}: ${parsed.message}`);
    const [header, ...rows] = parsed.rows;
    expect(header).toEqual(resource.schema.fields.map((field) => field.name));
    tables.set(
      resource.name,
      rows.map((row) =>
        Object.fromEntries(
          resource.schema.fields.map((field, index) => {
            const text = row[index] ?? "";
            if (text === "") return [field.name, undefined];
            if (field.type === "integer" || field.type === "number") return [field.name, Number(text)];
            if (field.type === "array") return [field.name, JSON.parse(text) as unknown];
            return [field.name, text];
          }),
        ),
      ),
    );
  }
  return { result, files, descriptor, tables };
}

describe("the data package of each shipped benchmark", () => {
  for (const benchmark of benchmarks) {
    it(`${benchmark.id}: validates against the vendored v2 profiles`, async () => {
      const { descriptor, files } = await written(benchmark);
      expect(validatePackage(descriptor), JSON.stringify(validatePackage.errors)).toBe(true);
      for (const resource of descriptor.resources) {
        expect(validateResource(resource), JSON.stringify(validateResource.errors)).toBe(true);
        expect(validateTableSchema(resource.schema), JSON.stringify(validateTableSchema.errors)).toBe(true);
        expect(validateDialect(resource.dialect), JSON.stringify(validateDialect.errors)).toBe(true);
        expect(files.has(resource.path)).toBe(true);
      }
      expect(descriptor).toMatchObject({ $schema: "https://datapackage.org/profiles/2.0/datapackage.json", version: benchmark.version });
    });

    it(`${benchmark.id}: primary keys are unique and foreign keys resolve`, async () => {
      const { descriptor, tables } = await written(benchmark);
      const key = (row: Record<string, unknown>, fields: readonly string[]) => JSON.stringify(fields.map((field) => row[field]));
      for (const resource of descriptor.resources) {
        const rows = tables.get(resource.name) ?? [];
        const keys = rows.map((row) => key(row, resource.schema.primaryKey));
        expect(new Set(keys).size, resource.name).toBe(keys.length);
        for (const foreign of resource.schema.foreignKeys ?? []) {
          const target = tables.get(foreign.reference.resource ?? resource.name) ?? [];
          const known = new Set(target.map((row) => key(row, foreign.reference.fields)));
          for (const row of rows) {
            if (foreign.fields.some((field) => row[field] === undefined)) continue;
            expect(known.has(key(row, foreign.fields)), `${resource.name} ${key(row, foreign.fields)}`).toBe(true);
          }
        }
      }
    });

    it(`${benchmark.id}: its CSVs reload to the same values`, async () => {
      const { tables } = await written(benchmark);
      const places = documents.filter((document): document is Place => document.kind === "place");
      expect(tables.get("places")).toEqual(
        places.map((place) => ({ id: place.id, name: place.name, local_name: place.localName, country: place.country, region: place.region, population: place.population?.value, population_year: place.population?.year, size_band: place.sizeBand })),
      );
      const practices = documents.filter((document): document is Practice => document.kind === "practice");
      expect(tables.get("practices")).toEqual(
        practices.map((practice) => ({
          id: practice.id,
          title: practice.title,
          city: practice.city,
          country: practice.country,
          place: practice.placeRef,
          start: practice.period?.start,
          end: practice.period?.end,
          summary: practice.summary,
          key_factors: practice.keyFactors,
          domains: practice.domains,
        })),
      );
      expect(tables.get("key_factors")?.map((row) => row["ref"])).toEqual(benchmark.sections.flatMap((section) => section.keyFactors.map((keyFactor) => `${benchmark.id}#${keyFactor.id}`)));
      const assessments = documents.filter((document) => document.kind === "assessment" && document.benchmark.id === benchmark.id);
      const scorer = createScorer(benchmark, { scales: documents.filter((document): document is Scale => document.kind === "scale") });
      if (!scorer.ok) throw new Error("not scorable");
      const table = scorer.report.scoreAll(assessments);
      if (!table.ok) throw new Error("not scored");
      const overall = [...table.report.overall].map((value) => (Number.isNaN(value) ? undefined : value));
      expect(tables.get("scores")?.map((row) => row["overall"])).toEqual(overall.filter((_, row) => table.report.assessments[row] !== undefined));
      const perKeyFactor = tables.get("key_factor_scores") ?? [];
      expect(perKeyFactor.length).toBe(tables.get("scores")!.length * table.report.keyFactors.length);
      for (const row of perKeyFactor) {
        const r = table.report.assessments.findIndex((assessment) => assessment?.id === row["assessment"]);
        const c = table.report.keyFactors.findIndex((keyFactor) => keyFactor.ref === `${benchmark.id}#${String(row["key_factor"])}`);
        const expected = table.report.keyFactorScores[r * table.report.keyFactors.length + c];
        expect(row["score"]).toBe(Number.isNaN(expected) ? undefined : expected);
      }
    });
  }

  it("some shipped benchmark has scored assessments in its package", async () => {
    const sizes = await Promise.all(benchmarks.map(async (benchmark) => (await written(benchmark)).tables.get("scores")?.length ?? 0));
    expect(Math.max(...sizes)).toBeGreaterThan(0);
  });

  it("answers anything that is not a benchmark with a report, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.array(fc.anything(), { maxLength: 3 }), async (value, others) => {
        const result = await dataPackageAdapter.write!({ document: value, documents: others as CohesionDocument[] });
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.report.valid).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
