import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeThrown } from "./index";

describe("describeThrown", () => {
  it("gives an Error's message, a string as it is, and other values as String() shows them", () => {
    expect(describeThrown(new Error("disk full"))).toBe("disk full");
    expect(describeThrown(new TypeError(""))).toBe("TypeError");
    expect(describeThrown("plain")).toBe("plain");
    expect(describeThrown(Symbol("s"))).toBe("Symbol(s)");
    expect(describeThrown(null)).toBe("null");
    expect(describeThrown(42n)).toBe("42");
    expect(describeThrown({ message: "shaped like an Error" })).toBe("shaped like an Error");
    expect(describeThrown({})).toBe("an object that is not an Error");
  });

  it("never throws, whatever was thrown: throwing getters and toString, objects without a prototype, revoked Proxies", () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const hostile = [
      { get message() { throw new Error("getter"); }, toString() { throw new Error("toString"); } },
      Object.create(null),
      revoked.proxy,
      Object.defineProperty(new Error("x"), "message", { get() { throw 1; } }),
      new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } }),
    ];
    for (const value of hostile) expect(describeThrown(value)).toMatch(/^a value that cannot be shown \(/);
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }), (value) => typeof describeThrown(value) === "string"));
  });
});
