import { expectWellFormed as expectReport, jsonValueWithKeys } from "@cohesion/test-support";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { validationReport as checkReport } from "./generated/validators";
import type { ValidationReport } from "./generated/types";
import { DOCUMENT_KINDS } from "./kinds";
import { readExamples, validExamplesDir } from "./test-support";
import { validate, validateAs } from "./validate";

const examples = readExamples(validExamplesDir).map((e) => e.document as Record<string, unknown>);
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "kind", "", "a/b", "~0"];

// The shared checks, and the report schema itself.
function expectReportAndSchema(report: ValidationReport): void {
  expectReport(report);
  expect(checkReport(report), JSON.stringify(checkReport.collect(report))).toBe(true);
}

const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
const jsonValue = jsonValueWithKeys(hostileKey);

const protoJson = fc
  .tuple(fc.constantFrom(...HOSTILE_KEYS), jsonValue)
  .map(([key, value]) => JSON.parse(`{"kind":"place",${JSON.stringify(key)}:{"polluted":true,"value":${JSON.stringify(value) ?? "null"}}}`) as unknown);

function nested(levels: number, asArray: boolean): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { kind: "benchmark", subQuestions: value };
  return value;
}

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

type Mutation = { op: "delete" | "replace" | "add" | "rename"; pick: number; value: unknown; key: string };

function mutate(document: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  let doc: unknown = structuredClone(document);
  for (const m of mutations) {
    const paths = pathsOf(doc);
    const path = paths[m.pick % paths.length] as Path;
    if (path.length === 0) {
      if (m.op === "replace") doc = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], doc);
    const last = path[path.length - 1] as string | number;
    if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.op === "replace") parent[last] = m.value;
    else if (m.op === "add" && parent && typeof parent === "object" && !Array.isArray(parent)) {
      Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.op === "rename" && !Array.isArray(parent)) {
      const v = parent[last];
      delete parent[last];
      Object.defineProperty(parent, `${String(last)}${m.key}`, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return doc;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom("delete", "replace", "add", "rename"),
  pick: fc.nat(),
  value: jsonValue,
  key: hostileKey,
});

describe("validate and validateAs never throw and always answer with a well-formed report", () => {
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });

  it("for arbitrary JSON values", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expectReportAndSchema(validate(value));
      }),
      { numRuns: 500 },
    );
  });

  it("for any kind given to validateAs, including names that are not kinds", () => {
    const kind = fc.oneof(fc.constantFrom(...DOCUMENT_KINDS), fc.constantFrom(...HOSTILE_KEYS), fc.string());
    fc.assert(
      fc.property(kind, jsonValue, (k, value) => {
        expectReportAndSchema(validateAs(k as (typeof DOCUMENT_KINDS)[number], value));
      }),
      { numRuns: 300 },
    );
  });

  it("for documents with __proto__, constructor and prototype keys, without polluting anything", () => {
    fc.assert(
      fc.property(protoJson, (value) => {
        const report = validate(value);
        expectReportAndSchema(report);
        expect(report.valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("for deep nesting of arrays and objects", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.boolean(), (levels, asArray) => {
        const report = validate({ kind: "benchmark", schemaVersion: "1.0", sections: [nested(levels, asArray)] });
        expectReportAndSchema(report);
        expect(report.errors.some((p) => p.code === "too_deep")).toBe(levels + 2 > 100);
      }),
      { numRuns: 60 },
    );
  });

  it("for valid documents with random mutations", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (document, mutations) => {
        const mutated = mutate(document, mutations);
        const report = validate(mutated);
        expectReportAndSchema(report);
        // The same input always gets the same answer.
        expect(validate(mutated)).toEqual(report);
        for (const kind of DOCUMENT_KINDS.slice(0, 3)) expectReportAndSchema(validateAs(kind, mutated));
      }),
      { numRuns: 400 },
    );
  });

  it("for huge strings, keeping messages short", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.integer({ min: 10_000, max: 200_000 }), (document, size) => {
        const big = "x".repeat(size);
        const report = validate({ ...document, id: big, [big]: big });
        expectReportAndSchema(report);
        // A problem below a huge key keeps its exact pointer, and the report stays well-formed.
        const keyed = validate({ ...document, kind: "assessment", answers: { [big]: { level: 5 } } });
        expectReportAndSchema(keyed);
        expect(keyed.errors.some((p) => p.pointer === `/answers/${big}/level`)).toBe(true);
        for (const p of report.errors) expect(p.message.length).toBeLessThan(4000);
      }),
      { numRuns: 10 },
    );
  });
});
