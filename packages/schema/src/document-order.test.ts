import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByDocumentOrder } from "./document-order";
import type { ValidationProblem } from "./generated/types";
import { joinPointer, splitPointer } from "./pointer";
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

  it("orders problems on random documents exactly as a full walk of the document does", () => {
    // The reference: number every place in pre-order (an object before its members, members as written).
    const referenceOrder = (problems: readonly ValidationProblem[], document: unknown) => {
      const rank = new Map<string, number>();
      const walk = (value: unknown, pointer: string, depth: number) => {
        if (rank.has(pointer)) return;
        rank.set(pointer, rank.size);
        if (value === null || typeof value !== "object" || depth >= 100) return;
        for (const [key, child] of Object.entries(value)) walk(child, joinPointer(pointer, key), depth + 1);
      };
      walk(document, "", 0);
      const at = (pointer: string) => rank.get(pointer) ?? Infinity;
      return problems
        .map((problem, index) => ({ problem, index }))
        .sort((a, b) => at(a.problem.pointer) - at(b.problem.pointer) || a.index - b.index)
        .map((entry) => entry.problem);
    };
    const key = fc.oneof(fc.constantFrom("a", "b", "0", "1", "~", "/", "a/b", "~1", "__proto__", ""), fc.string({ maxLength: 3 }));
    const documents = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.integer(), tie("object"), tie("array")),
      object: fc.dictionary(key, tie("value"), { maxKeys: 24 }),
      array: fc.array(tie("value"), { maxLength: 4 }),
    })).value;
    const pointersOf = (document: unknown): string[] => {
      const found: string[] = [""];
      const walk = (value: unknown, pointer: string) => {
        if (value === null || typeof value !== "object") return;
        for (const [k, child] of Object.entries(value)) {
          found.push(joinPointer(pointer, k));
          walk(child, joinPointer(pointer, k));
        }
      };
      walk(document, "");
      return found;
    };
    const problem = (pointer: string, n: number) => schemaProblem("unknown_field", pointer, { field: String(n), hint: "" });
    fc.assert(
      fc.property(documents, fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.string({ maxLength: 4 })), { maxLength: 12 }), (document, picks) => {
        const places = pointersOf(document);
        // Mostly places in the document, some that are not (missing members, bad indices, no leading slash).
        const problems = picks.map(([n, inside, junk], i) => {
          const place = places[n % places.length] as string;
          const pointer = inside ? place : n % 3 === 0 ? `${place}/${junk}` : n % 3 === 1 ? junk : joinPointer("", ...splitPointer(place), "9");
          return problem(pointer, i);
        });
        expect(sortByDocumentOrder(problems, document)).toEqual(referenceOrder(problems, document));
      }),
      { numRuns: 500 },
    );
  });
});
