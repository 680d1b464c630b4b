import { describe, expect, it } from "vitest";
import { ContributionRegistry } from "./registry";

describe("ContributionRegistry", () => {
  it("removes a registration when its handle is disposed, once", () => {
    const registry = new ContributionRegistry<string>();
    const handle = registry.register("acme.a", "first", "acme");
    expect(registry.get("acme.a")).toEqual({ value: "first", plugin: "acme" });
    handle.dispose();
    expect(registry.has("acme.a")).toBe(false);
    handle.dispose();
    expect(registry.ids()).toEqual([]);
  });

  it("a stale handle does not remove a newer registration of the same id", () => {
    const registry = new ContributionRegistry<string>();
    const stale = registry.register("acme.a", "first", "acme");
    registry.register("acme.a", "second", "acme");
    stale.dispose();
    expect(registry.get("acme.a")?.value).toBe("second");
  });
});
