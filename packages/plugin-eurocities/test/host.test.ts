import { createHost } from "@cohesion/core";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR, documentId, loadContributedDocuments } from "./content";

describe("EUROCITIES plugin in the plugin host", () => {
  it("loads as data with no problems and yields every contributed document", async () => {
    const host = createHost({ discover: false });
    try {
      const info = host.addPlugin(PACKAGE_DIR);
      expect(info.id).toBe("eurocities");
      const report = host.report();
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
      const loaded = host.documents().map(documentId).filter((id) => id?.startsWith("eurocities.") === true);
      const expected = loadContributedDocuments().map((entry) => String(entry.document["id"]));
      expect(loaded.sort()).toEqual([...expected].sort());
      expect(host.origin("eurocities.neighbourhood-participation", "benchmark")).toBeDefined();
    } finally {
      await host.dispose();
    }
  });
});
