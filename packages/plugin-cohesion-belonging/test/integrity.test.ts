import { BUILTIN_SCALES, checkIntegrity } from "@cohesion/model";
import type { CohesionDocument } from "@cohesion/schema";
import { describe, expect, it } from "vitest";
import { allItems, loadContributedDocuments } from "./content";
import type { FrameworkData } from "./content";

// Every contributed document is a content document with an id, unlike some members of CohesionDocument.
type ContentDocument = CohesionDocument & { readonly id: string; readonly kind: string };
const documents = loadContributedDocuments().map((entry) => entry.document as unknown as ContentDocument);
const frameworks = documents.filter((document) => document.kind === "framework") as unknown as FrameworkData[];
const itemRefs = new Set(frameworks.flatMap((framework) => allItems(framework).map((item) => `${framework.id}#${item.id}`)));

describe("Cohesion and Belonging content integrity", () => {
  it("reports nothing over all contributed documents and the built-in scales", () => {
    const report = checkIntegrity([...documents, ...BUILTIN_SCALES]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("reports a practice whose framework item does not exist, so the check above is not vacuous", () => {
    const broken = documents.map((document) =>
      document.id === "cohesion-belonging.one-voice"
        ? ({ ...document, domains: ["cohesion-belonging.areas-of-intervention#no-such-area"] } as unknown as ContentDocument)
        : document,
    );
    const report = checkIntegrity([...broken, ...BUILTIN_SCALES]);
    expect(report.valid).toBe(false);
    expect(report.errors.some((problem) => problem.params["documentId"] === "cohesion-belonging.one-voice")).toBe(true);
  });

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
      for (const ref of scheme.areas) expect(ref.startsWith("cohesion-belonging.areas-of-intervention#") && itemRefs.has(ref), ref).toBe(true);
      for (const { challenge } of scheme.challengesMet) {
        expect(challenge.startsWith("cohesion-belonging.project-challenges#") && itemRefs.has(challenge), challenge).toBe(true);
      }
    }
  });
});
