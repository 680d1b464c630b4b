import { validate as validateCurrent, validatePreviousMajor } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "./migrate";
import { migrate1_1To1_2 } from "./v1-1-to-v1-2";

// 1.x documents are read by the current validator while 1 is the current major, and by major 1's own after.
const validate = (document: unknown) => validatePreviousMajor(document) ?? validateCurrent(document);

const source = { publication: "Working Together for Local Integration of Migrants and Refugees", year: 2018, section: "Chapter 4" };

// 1.1 documents with titles in parts: the title holds the first part, the parts give the whole.
const benchmark = {
  kind: "benchmark",
  schemaVersion: "1.1",
  id: "test.time-and-space",
  version: "1.0.0",
  title: "Block 2. Time and space",
  standard: "The city plans integration over time and in space.",
  defaultScale: "cohesion.maturity",
  sections: [
    {
      id: "block-2",
      title: "Block 2",
      keyFactors: [
        {
          id: "objective-5",
          title: "Create spaces where the interaction brings",
          titleParts: ["Create spaces where the interaction brings", "migrant and native-born communities closer"],
          guideQuestions: [{ id: "q1", text: "Are there places where residents meet?" }],
        },
        { id: "objective-4", title: "Time", guideQuestions: [{ id: "q2", text: "Does support go on after arrival?" }] },
      ],
    },
  ],
  contextFactors: [
    {
      id: "policy-framework",
      title: "National or regional policy framework's supportiveness",
      titleParts: ["National or regional policy framework's supportiveness", "for integration of the city's integration goals"],
    },
  ],
  sources: [source],
};

const framework = {
  kind: "framework",
  schemaVersion: "1.1",
  id: "test.checklist",
  title: "Checklist",
  frameworkType: "checklist",
  items: [
    {
      id: "block-2",
      title: "Block 2",
      items: [
        {
          id: "objective-4",
          title: "Design integration policies that take time into account",
          titleParts: ["Design integration policies that take time into account", "throughout migrants' lifetimes and evolution of residency status"],
        },
      ],
    },
  ],
  sources: [source],
};

describe("migrate 1.1 → 1.2", () => {
  it("is registered by its version pair", () => {
    expect(MIGRATIONS.get("1.1→1.2")).toBe(migrate1_1To1_2);
  });

  it("joins a key factor's and a context factor's title parts into one whole title, reporting each join", () => {
    const before = structuredClone(benchmark);
    const result = migrate(benchmark, "1.2");
    expect(benchmark).toEqual(before);
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    const document = result.document as typeof benchmark;
    expect(document.schemaVersion).toBe("1.2");
    expect(document.sections[0]?.keyFactors[0]).toEqual({
      id: "objective-5",
      title: "Create spaces where the interaction brings migrant and native-born communities closer",
      guideQuestions: [{ id: "q1", text: "Are there places where residents meet?" }],
    });
    expect(document.sections[0]?.keyFactors[1]).toEqual(benchmark.sections[0]?.keyFactors[1]);
    expect(document.contextFactors[0]).toEqual({
      id: "policy-framework",
      title: "National or regional policy framework's supportiveness for integration of the city's integration goals",
    });
    expect(result.report.errors.map((p) => [p.code, p.severity, p.pointer])).toEqual([
      ["schema_version_changed", "info", "/schemaVersion"],
      ["migrated_field", "info", "/sections/0/keyFactors/0/titleParts"],
      ["migrated_field", "info", "/contextFactors/0/titleParts"],
    ]);
    expect(result.report.errors[1]?.message).toBe(
      'the title in parts from /sections/0/keyFactors/0/titleParts moved to /sections/0/keyFactors/0/title: "Create spaces where the interaction brings migrant and native-born communities closer"',
    );
    // Valid 1.2, with no deprecated titleParts left.
    expect(validate(result.document)).toEqual({ valid: true, errors: [] });
  });

  it("joins the title parts of nested framework items", () => {
    const result = migrate(framework, "1.2");
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    const item = (result.document as typeof framework).items[0]?.items[0];
    expect(item).toEqual({
      id: "objective-4",
      title: "Design integration policies that take time into account throughout migrants' lifetimes and evolution of residency status",
    });
    expect(result.report.errors.map((p) => p.pointer)).toEqual(["/schemaVersion", "/items/0/items/0/titleParts"]);
    expect(validate(result.document)).toEqual({ valid: true, errors: [] });
  });

  it("migrates a 1.0 document through 1.1 to 1.2", () => {
    const result = migrate({ ...structuredClone(framework), schemaVersion: "1.0" }, "1.2");
    expect(result.ok && result.report.errors.map((p) => p.code)).toEqual(["schema_version_changed", "schema_version_changed", "migrated_field"]);
  });

  it("keeps the parts, with a warning, when the whole title would be too long for the title field", () => {
    const long = structuredClone(framework);
    const item = long.items[0]!.items[0]!;
    item.titleParts = ["a".repeat(300), "b".repeat(300)];
    item.title = "a".repeat(300);
    const result = migrate(long, "1.2");
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect((result.document as typeof framework).items[0]?.items[0]).toEqual(item);
    expect(result.report.errors.map((p) => `${p.severity}:${p.code}`)).toEqual(["info:schema_version_changed", "warning:not_carried_over", "warning:deprecated_field"]);
    expect(result.report.errors[1]?.message).toContain("it is kept in /items/0/items/0/titleParts");
  });

  it("reports a previous title that was not the first part, since the whole title replaces it", () => {
    const odd = structuredClone(framework);
    odd.items[0]!.items[0]!.title = "Objective 4";
    const result = migrate(odd, "1.2");
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    const warning = result.report.errors.find((p) => p.code === "not_carried_over");
    expect(warning).toMatchObject({ severity: "warning", pointer: "/items/0/items/0/title", params: { kept: "Objective 4" } });
  });

  it("only changes the schemaVersion of documents without title parts", () => {
    const place = { kind: "place", schemaVersion: "1.1", id: "x.y", name: "Y", country: "FI", sources: [source] };
    expect(migrate(place, "1.2")).toMatchObject({ ok: true, document: { ...place, schemaVersion: "1.2" } });
  });

  it("joins any parts into exactly the words they hold, and never throws on odd shapes", () => {
    const part = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 5 }), (parts) => {
        const document = structuredClone(framework);
        const item = document.items[0]!.items[0]!;
        item.titleParts = parts;
        item.title = parts[0]!;
        const { document: out, problems } = migrate1_1To1_2(document);
        expect((out as typeof framework).items[0]?.items[0]).toEqual({ id: "objective-4", title: parts.join(" ") });
        expect(problems.map((p) => p.code)).toEqual(["schema_version_changed", "migrated_field"]);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (items, sections) => {
        const { document } = migrate1_1To1_2({ kind: "framework", items, sections });
        expect(document.schemaVersion).toBe("1.2");
      }),
    );
  });
});
