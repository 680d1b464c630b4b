import { createHost } from "@cohesion/core";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "./content";

describe("IncluCities loaded by the plugin host", () => {
  it("loads without problems and contributes every document", async () => {
    const host = createHost();
    const info = host.addPlugin(PACKAGE_DIR);
    expect(info.problems).toEqual([]);
    expect(info.id).toBe("inclucities");
    expect(info.documents).toEqual({
      framework: ["inclucities.themes"],
      benchmark: ["inclucities.city-for-all"],
      practice: [
        "inclucities.mechelen-interreligious-platform",
        "inclucities.mechelen-welcome-in-mechelen",
        "inclucities.mechelen-language-policy",
        "inclucities.mechelen-international-days",
        "inclucities.mechelen-samen-inburgeren",
        "inclucities.mechelen-people-make-the-city",
      ],
      place: ["inclucities.mechelen", "inclucities.capaci"],
      scheme: ["inclucities.mechelen-capaci-city-for-all"],
    });
    expect(host.report().errors).toEqual([]);
    await host.dispose();
  });
});
