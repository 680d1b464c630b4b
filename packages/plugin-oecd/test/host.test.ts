import { createHost } from "@cohesion/core";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "./content";

describe("OECD plugin loaded by the plugin host", () => {
  it("loads without problems and contributes every document", async () => {
    const host = createHost();
    const info = host.addPlugin(PACKAGE_DIR);
    expect(info.problems).toEqual([]);
    expect(info.id).toBe("oecd");
    expect(info.documents.framework).toEqual(["oecd.checklist"]);
    expect(info.documents.benchmark).toEqual(["oecd.time-and-space"]);
    expect(info.documents.practice).toHaveLength(31);
    expect(info.documents.place).toHaveLength(10);
    expect(host.report().errors).toEqual([]);
    await host.dispose();
  });
});
