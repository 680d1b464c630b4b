import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { VALID_DOCUMENTS } from "@cohesion/test-support";
import { readWorkbook, xlsxDocumentAdapter } from "./adapter";

async function roundTrip(document: unknown): Promise<unknown> {
  const written = await xlsxDocumentAdapter.write!({ document });
  if (!written.ok) throw new Error(JSON.stringify(written.report));
  const read = await readWorkbook({ data: written.files[0]!.data as Uint8Array });
  expect(read.report).toEqual({ valid: true, errors: [] });
  return read.documents[0];
}

// Byte-for-byte JSON equality: key order counts, as do nulls and empty arrays.
const same = (a: unknown) => JSON.stringify(a);

// Every leaf of a document replaced by an arbitrary value of the same JSON type, and arbitrary JSON added.
function varied(document: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(document)) return fc.tuple(...document.map(varied)).map((items) => items);
  if (typeof document === "object" && document !== null) {
    const entries = Object.entries(document);
    // The kind stays, so the workbook is still a document's.
    return fc.tuple(...entries.map(([key, value]) => (key === "kind" ? fc.constant(value) : varied(value)))).map((values) => Object.fromEntries(entries.map(([key], index) => [key, values[index]])));
  }
  if (typeof document === "string") return fc.oneof(fc.constant(document), fc.string({ unit: "binary", maxLength: 40 }), fc.stringMatching(/^0\d{1,6}$/));
  if (typeof document === "number") return fc.oneof(fc.constant(document), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)));
  return fc.constant(document);
}

describe("a document workbook reads back to the same JSON", () => {
  for (const [name, document] of Object.entries(VALID_DOCUMENTS)) {
    it(`${name}: as given, and with arbitrary values in every leaf plus arbitrary JSON`, async () => {
      expect(same(await roundTrip(document))).toBe(same(document));
      await fc.assert(
        fc.asyncProperty(varied(document), fc.jsonValue({ maxDepth: 3 }), async (changed, extra) => {
          const withExtra = { ...(changed as object), "x-extra": extra };
          // JSON.parse(JSON.stringify()) turns -0 into 0, as any JSON file would.
          const expected = JSON.parse(JSON.stringify(withExtra)) as unknown;
          expect(same(await roundTrip(expected))).toBe(same(expected));
        }),
        { numRuns: 8 },
      );
    });
  }
});

describe("each round-trip pitfall", () => {
  it("nulls stay null and are not dropped", async () => {
    expect(same(await roundTrip({ kind: "practice", a: null, b: [null, 1], c: { d: null } }))).toBe(same({ kind: "practice", a: null, b: [null, 1], c: { d: null } }));
  });
  it("keys that are JavaScript's own names stay data", async () => {
    const document = JSON.parse('{"kind":"practice","__proto__":{"polluted":true},"constructor":1,"x":{"__proto__":false}}') as object;
    const back = await roundTrip(document);
    expect(same(back)).toBe(same(document));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
  it("empty arrays and objects stay, distinct from null and from missing", async () => {
    expect(same(await roundTrip({ kind: "practice", a: [], b: {}, c: [[]], d: [{}] }))).toBe(same({ kind: "practice", a: [], b: {}, c: [[]], d: [{}] }));
  });
  it("key order is the document's own (Cohesion writes documents in the schema's order)", async () => {
    const document = { kind: "place", schemaVersion: "1.1", id: "test.x", name: "X", country: "SE", zeta: 1, alpha: 2 };
    expect(Object.keys((await roundTrip(document)) as object)).toEqual(Object.keys(document));
  });
  it("leading zeros: ids and codes are text cells", async () => {
    expect(await roundTrip({ kind: "practice", id: "007", code: "0012", postcode: "01234" })).toEqual({ kind: "practice", id: "007", code: "0012", postcode: "01234" });
  });
  it("integers stay integers and decimals stay decimals", async () => {
    const document = { kind: "place", population: 150000, share: 12.5, tiny: 0.1 + 0.2, big: 2 ** 53 - 1, negative: -3, decimalWhole: 2.0 };
    const back = (await roundTrip(document)) as Record<string, number>;
    expect(back).toEqual(document);
    expect(Number.isInteger(back["population"])).toBe(true);
    expect(back["tiny"]).toBe(0.1 + 0.2);
  });
  it("long text and unicode, emoji and control characters included", async () => {
    const long = `${"Ünïcödé ✓ 中文 عربى 😀 ".repeat(3000)}end`;
    const document = { kind: "practice", long, rtl: "مرحبا", emoji: "👩🏽‍🚀", controls: "a\u0001b\rc\r\nd", escapeLike: "_x0041_", lone: "\ud800" };
    expect(same(await roundTrip(document))).toBe(same(document));
  });
  it("text in several languages keeps one value per language (the schema's names and local names)", async () => {
    const document = { kind: "place", name: "Gothenburg", localName: "Göteborg", names: { en: "Gothenburg", sv: "Göteborg", fr: "Göteborg", ar: "غوتنبرغ" } };
    expect(same(await roundTrip(document))).toBe(same(document));
  });
});
