import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEPARATORS, splitEvidence } from "./evidence-text";

describe("splitEvidence", () => {
  it("takes a link, the words naming it and the date beside it, and keeps the rest for the notes", () => {
    expect(splitEvidence("Council minutes (2023-05-04): https://example.org/minutes. Residents were consulted.")).toMatchObject({
      links: [{ url: "https://example.org/minutes", title: "Council minutes", titleFrom: "text", date: "2023-05-04" }],
      notes: ["Residents were consulted."],
    });
  });

  it("dates a link by the year right after it and names each link by its own words", () => {
    const split = splitEvidence("Annual report https://example.org/report.pdf (2021); budget plan, 2022: http://example.org/budget");
    expect(split.links).toEqual([
      { url: "https://example.org/report.pdf", title: "Annual report", titleFrom: "text", date: "2021" },
      { url: "http://example.org/budget", title: "budget plan", titleFrom: "text", date: "2022" },
    ]);
    expect(split.notes).toEqual([]);
  });

  it("names a link that opens its sentence by the words after it", () => {
    expect(splitEvidence("https://a.example.org/x council minutes. More below.").links[0]).toMatchObject({ title: "council minutes", titleFrom: "text" });
  });

  it("falls back to the site's host when no words name the link, and keeps pointer words as text", () => {
    const split = splitEvidence("See https://www.malmo.se/aac for the centre.");
    expect(split.links).toEqual([{ url: "https://www.malmo.se/aac", title: "malmo.se", titleFrom: "host" }]);
    expect(split.notes).toEqual(["See", "for the centre."]);
  });

  it("leaves sentence punctuation and unmatched brackets out of a URL, and keeps matched ones", () => {
    expect(splitEvidence("(see http://x.org/a_(b)).").links[0]?.url).toBe("http://x.org/a_(b)");
    expect(splitEvidence("Plan: https://x.org/plan.").links[0]?.url).toBe("https://x.org/plan");
  });

  it("does not take counts for dates, nor text that only looks like a link", () => {
    const split = splitEvidence("https://x.org 1500 people attended. Visit http:// soon, or https://bad host.");
    expect(split.links.map((l) => l.url)).toEqual(["https://x.org", "https://bad"]);
    expect(split.links[0]?.date).toBeUndefined();
  });

  it("keeps text without a link whole", () => {
    expect(splitEvidence("No links, only words (and brackets).")).toMatchObject({ links: [], notes: ["No links, only words (and brackets)."] });
  });

  const evidence = fc.array(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom("https://example.org/a", "http://x.org/p?q=1#f", "https://www.malmo.se/aac", "https://e.org/a_(b)", "http://", "https://exa mple.org"),
      fc.constantFrom(" (2023) ", ", 2021-05: ", " 1500 ", ". ", "; ", "\n", " see ", "—", "(", ")"),
      fc.string({ unit: "binary", maxLength: 12 }),
    ),
    { maxLength: 12 },
  ).map((parts) => parts.join(""));

  it("accounts for every character: each is in exactly one piece, or is white space or a separator", () => {
    fc.assert(
      fc.property(evidence, (text) => {
        const split = splitEvidence(text);
        const owner = new Array<number>(text.length).fill(0);
        for (const piece of split.pieces) {
          expect(piece.text).toBe(text.slice(piece.start, piece.end));
          for (let i = piece.start; i < piece.end; i++) owner[i] = (owner[i] ?? 0) + 1;
        }
        for (let i = 0; i < text.length; i++) {
          expect(owner[i], `character ${i} of ${JSON.stringify(text)}`).toBeLessThanOrEqual(1);
          if (owner[i] === 0) expect(SEPARATORS.has(text[i] as string) || /\s/u.test(text[i] as string), `${JSON.stringify(text[i])} at ${i} of ${JSON.stringify(text)}`).toBe(true);
        }
        // Each piece is where it says: a link's url, title or date, or a run of the notes.
        for (const piece of split.pieces) {
          if (piece.role === "notes") expect(split.notes).toContain(piece.text);
          else expect(split.links[piece.link ?? -1]?.[piece.role]).toBe(piece.text);
        }
        for (const link of split.links) expect(link.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
