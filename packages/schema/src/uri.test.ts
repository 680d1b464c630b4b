import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveUri } from "./uri";

describe("resolveUri", () => {
  const base = "https://schemas.cohesion.dev/1.1/practice";
  it.each([
    ["defs.schema.json#/$defs/id", "https://schemas.cohesion.dev/1.1/defs.schema.json#/$defs/id"],
    ["#/$defs/source", "https://schemas.cohesion.dev/1.1/practice#/$defs/source"],
    ["../1.0/defs", "https://schemas.cohesion.dev/1.0/defs"],
    ["/2.0/scale", "https://schemas.cohesion.dev/2.0/scale"],
    ["./a/./b/../c", "https://schemas.cohesion.dev/1.1/a/c"],
    ["urn:cohesion:root#/x", "urn:cohesion:root#/x"],
    ["", "https://schemas.cohesion.dev/1.1/practice"],
  ])("resolves %s as the WHATWG URL class does", (ref, expected) => {
    expect(resolveUri(ref, base)).toBe(expected);
    expect(new URL(ref, base).href).toBe(expected);
  });

  it("gives undefined for a relative reference against a relative base", () => {
    expect(resolveUri("defs", "schemas/practice")).toBeUndefined();
  });

  it("agrees with URL for path references made of plain segments", () => {
    const segment = fc.constantFrom("a", "b", "defs.schema.json", ".", "..", "1.0");
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, absolute) => {
        const ref = (absolute ? "/" : "") + segments.join("/");
        expect(resolveUri(ref, base)).toBe(new URL(ref, base).href);
      }),
    );
  });
});
