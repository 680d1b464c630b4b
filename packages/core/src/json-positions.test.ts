import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locatePointers } from "./json-positions";

const text = `{
  "name": "acme",
  "cohesion": {
    "id": "acme",
    "contributes": {
      "practices": ["a.json", "b.json"],
      "a/b~c": { "x": [1, {"y": null}] }
    }
  }
}`;

describe("locatePointers", () => {
  const locate = locatePointers(text);

  it("finds members at their key and array items at their value", () => {
    expect(locate?.("")).toEqual({ line: 1, column: 1 });
    expect(locate?.("/cohesion/id")).toEqual({ line: 4, column: 5 });
    expect(locate?.("/cohesion/contributes/practices/1")).toEqual({ line: 6, column: 31 });
    expect(locate?.("/cohesion/contributes/a~1b~0c/x/1/y")).toEqual({ line: 7, column: 28 });
  });

  it("falls back to the nearest existing ancestor for a missing member", () => {
    expect(locate?.("/cohesion/engines/cohesion")).toEqual({ line: 3, column: 3 });
  });

  it("answers undefined for text that is not JSON", () => {
    expect(locatePointers("{ nope")).toBeUndefined();
  });

  it("locates every pointer of any JSON value, pretty-printed", () => {
    const pointers = (value: unknown, base = ""): string[] => {
      if (Array.isArray(value)) return [base, ...value.flatMap((item, index) => pointers(item, `${base}/${index}`))];
      if (typeof value === "object" && value !== null) {
        return [base, ...Object.entries(value).flatMap(([key, item]) => pointers(item, `${base}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`))];
      }
      return [base];
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value, null, 2);
        const find = locatePointers(json);
        const lines = json.split("\n");
        for (const pointer of pointers(value)) {
          const found = find?.(pointer);
          expect(found).toBeDefined();
          expect(found!.line).toBeLessThanOrEqual(lines.length);
          expect(found!.column).toBeLessThanOrEqual((lines[found!.line - 1] ?? "").length);
        }
      }),
    );
  });
});
