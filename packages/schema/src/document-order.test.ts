import { describe, expect, it } from "vitest";
import { sortByDocumentOrder } from "./document-order";
import { schemaProblem } from "./schema-problems";
import { validate } from "./validate";

describe("sortByDocumentOrder", () => {
  it("puts problems in the order their places are written, keeping ties in order", () => {
    const doc = { b: 1, a: { c: [0, 1] } };
    const at = (pointer: string, field: string) => schemaProblem("unknown_field", pointer, { field, hint: "" });
    const problems = [at("/a/c/1", "x"), at("/zzz", "gone"), at("", "first"), at("/b", "y"), at("", "second"), at("/a", "z")];
    expect(sortByDocumentOrder(problems, doc).map((p) => p.params.field)).toEqual(["first", "second", "y", "z", "x", "gone"]);
  });

  it("orders validate()'s problems as the document is written, not as the schema is", () => {
    const report = validate({ sources: [], name: "", kind: "place", schemaVersion: "1.0", id: "x.y", country: "fi" });
    expect(report.errors.map((p) => p.pointer)).toEqual(["/sources", "/name", "/country"]);
  });

  it("terminates on a cyclic or very deep document, ranking what lies below the depth limit last", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const at = (pointer: string, field: string) => schemaProblem("unknown_field", pointer, { field, hint: "" });
    expect(sortByDocumentOrder([at("/self/self/a", "deep"), at("/a", "top")], cyclic).map((p) => p.params.field)).toEqual(["top", "deep"]);
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 5_000; i++) deep = { next: deep };
    const below = `/${Array.from({ length: 4_000 }, () => "next").join("/")}`;
    expect(sortByDocumentOrder([at(below, "below"), at("/next", "near")], deep).map((p) => p.params.field)).toEqual(["near", "below"]);
  });
});
