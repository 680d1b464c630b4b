import { describe, expect, it } from "vitest";
import { allItems, cohesionBelonging } from "./plugin";
import type { FrameworkData } from "./plugin";

// Integrity over all documents and its probe are in plugin.test.ts; these are the plugin's own links.
// Every contributed document is a content document with an id.
type ContentDocument = { readonly id: string; readonly kind: string };
const documents = cohesionBelonging.entries.map((entry) => entry.document as unknown as ContentDocument);
const frameworks = documents.filter((document) => document.kind === "framework") as unknown as FrameworkData[];
const itemRefs = new Set(frameworks.flatMap((framework) => allItems(framework).map((item) => `${framework.id}#${item.id}`)));

describe("Cohesion and Belonging content integrity", () => {
  it("links every practice to at least one item of this plugin's frameworks", () => {
    const practices = documents.filter((document) => document.kind === "practice") as unknown as { id: string; domains?: string[] }[];
    expect(practices.length).toBeGreaterThan(0);
    for (const practice of practices) {
      expect(practice.domains ?? [], practice.id).not.toHaveLength(0);
      for (const ref of practice.domains ?? []) expect(itemRefs.has(ref), `${practice.id} → ${ref}`).toBe(true);
    }
  });

  it("ties every action plan to its city, to known practices, areas of intervention and challenges", () => {
    const ids = new Set(documents.map((document) => document.id));
    const schemes = documents.filter((document) => document.kind === "scheme") as unknown as {
      id: string;
      placeRef: string;
      practiceRefs?: string[];
      areas: string[];
      challengesMet: { challenge: string }[];
    }[];
    for (const scheme of schemes) {
      expect(ids.has(scheme.placeRef), scheme.id).toBe(true);
      for (const ref of scheme.practiceRefs ?? []) expect(ids.has(ref), `${scheme.id} → ${ref}`).toBe(true);
      // Areas of intervention, and the point in the integration model where the plan intervenes.
      const areaFrameworks = ["cohesion-belonging.areas-of-intervention#", "cohesion-belonging.intervention-points#"];
      for (const ref of scheme.areas) expect(areaFrameworks.some((prefix) => ref.startsWith(prefix)) && itemRefs.has(ref), ref).toBe(true);
      for (const { challenge } of scheme.challengesMet) {
        expect(challenge.startsWith("cohesion-belonging.project-challenges#") && itemRefs.has(challenge), challenge).toBe(true);
      }
    }
  });
});
