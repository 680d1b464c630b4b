import { readFileSync } from "node:fs";
import { SCHEMA_VERSIONS, validate as validateCurrent, validatePreviousMajor } from "@cohesion/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "./migrate";
import { migrate1_0To1_1 } from "./v1-0-to-v1-1";

// 1.x documents are read by the current validator while 1 is the current major, and by major 1's own after.
const validate = (document: unknown) => validatePreviousMajor(document) ?? validateCurrent(document);

const example = JSON.parse(readFileSync(new URL("../../../../examples/valid/assessment.json", import.meta.url), "utf8")) as Record<string, any>;
const withAnswers = (answers: Record<string, unknown>) => ({ ...structuredClone(example), answers });

describe("migrate 1.0 → 1.1", () => {
  it("is registered by its version pair, among one step per pair of consecutive versions", () => {
    expect(MIGRATIONS.get("1.0→1.1")).toBe(migrate1_0To1_1);
    expect([...MIGRATIONS.keys()]).toEqual(SCHEMA_VERSIONS.slice(1).map((to, i) => `${SCHEMA_VERSIONS[i]}→${to}`));
  });

  it("moves web addresses into evidenceLinks and the rest of the evidence after the notes, reporting each move", () => {
    const document = withAnswers({
      "kf1-borders": { level: "partial", evidence: "Council minutes (2023-05-04): https://example.org/minutes. Residents were consulted.", notes: "Checked by the team." },
      "kf2-plan": { level: "full", evidence: "Two workshops took place." },
      "kf3-none": { level: "none" },
    });
    const before = structuredClone(document);
    const result = migrate(document, "1.1");
    expect(document).toEqual(before);
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect(result.document.schemaVersion).toBe("1.1");
    expect(result.document.answers).toEqual({
      "kf1-borders": {
        level: "partial",
        notes: "Checked by the team.\n\nEvidence: Residents were consulted.",
        evidenceLinks: [{ title: "Council minutes", url: "https://example.org/minutes", date: "2023-05-04" }],
      },
      "kf2-plan": { level: "full", notes: "Evidence: Two workshops took place." },
      "kf3-none": { level: "none" },
    });
    expect(result.report.valid).toBe(true);
    expect(result.report.errors.map((p) => [p.code, p.severity, p.pointer])).toEqual([
      ["schema_version_changed", "info", "/schemaVersion"],
      ["migrated_field", "info", "/answers/kf1-borders/evidence"],
      ["migrated_field", "info", "/answers/kf1-borders/evidence"],
      ["migrated_field", "info", "/answers/kf2-plan/evidence"],
    ]);
    expect(result.report.errors[1]?.message).toBe(
      'a web address from /answers/kf1-borders/evidence moved to /answers/kf1-borders/evidenceLinks/0: https://example.org/minutes, titled "Council minutes" from the words beside it, dated 2023-05-04',
    );
    expect(result.report.errors[2]?.params).toMatchObject({ to: "/answers/kf1-borders/notes", kept: "Residents were consulted." });
    // The result is a valid 1.1 document with no deprecated field left.
    expect(validate(result.document)).toEqual({ valid: true, errors: [] });
  });

  it("keeps the text in the deprecated field, with a warning, when the notes cannot take it", () => {
    const long = "x".repeat(15000);
    const result = migrate(withAnswers({ "kf1-borders": { evidence: `${long} https://example.org/a`, notes: "y".repeat(9000) } }), "1.1");
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    const answer = (result.document.answers as Record<string, Record<string, unknown>>)["kf1-borders"];
    expect(answer).toEqual({ evidence: long, notes: "y".repeat(9000), evidenceLinks: [{ title: "example.org", url: "https://example.org/a" }] });
    const codes = result.report.errors.map((p) => `${p.severity}:${p.code}`);
    expect(codes).toEqual(["info:schema_version_changed", "info:migrated_field", "warning:not_carried_over", "warning:deprecated_field"]);
    expect(result.report.errors[2]?.message).toContain("it is kept in /answers/kf1-borders/evidence");
  });

  it("only changes the schemaVersion of documents of other kinds", () => {
    const place = { kind: "place", schemaVersion: "1.0", id: "x.y", name: "Y", country: "FI", sources: [{ publication: "p", year: 2020, section: "s" }] };
    const result = migrate(place, "1.1");
    expect(result).toMatchObject({ ok: true, document: { ...place, schemaVersion: "1.1" } });
  });

  it("leaves a document already at the version as it is", () => {
    const result = migrate({ ...example, schemaVersion: "1.1" }, "1.1");
    expect(result).toMatchObject({ ok: true, report: { valid: true, errors: [{ code: "already_at_version" }] } });
  });

  it("refuses what it cannot migrate, with a clear report", () => {
    const codeOf = (document: unknown, to: string) => {
      const result = migrate(document, to);
      expect(result.ok).toBe(false);
      return result.report.errors.map((p) => p.code);
    };
    expect(codeOf([], "1.1")).toEqual(["not_a_document"]);
    expect(codeOf(example, "3.0")).toEqual(["unknown_target_version"]);
    expect(codeOf({ ...example, schemaVersion: "0.9" }, "1.1")).toEqual(["unknown_schema_version"]);
    expect(codeOf({ ...example, schemaVersion: "1.1" }, "1.0")).toEqual(["no_migration_path"]);
    expect(codeOf({ ...example, method: "guess" }, "1.1")).toEqual(["invalid_before_migration", "invalid_value"]);
    expect(migrate({ ...example, schemaVersion: "1.1" }, "1.0").report.errors[0]?.message).toContain("migrations only upgrade");
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom("1.0", "1.1", "2.0", ""), (document, to) => {
        const result = migrate(document, to);
        expect(typeof result.ok).toBe("boolean");
        expect(result.report.errors.every((p) => typeof p.code === "string" && typeof p.message === "string")).toBe(true);
        if (!result.ok) expect(result.report.valid).toBe(false);
      }),
    );
    const hostile = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
    expect(migrate(hostile, "1.1").ok).toBe(false);
  });
});
