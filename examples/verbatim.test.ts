// The examples quote the sources only where a fact must be exact: a run of twelve or more words that also
// stands in a source document is allowed only as a whole title or name (the same rule the content plugins
// follow); anything else would be a copied sentence.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { copiedRuns, copiedSentences, sourcePassage as passage } from "@cohesion/test-support/verbatim";

const examples = fileURLToPath(new URL(".", import.meta.url));


describe("the examples' wording", () => {
  it("copies no sentence of the sources; the only long runs are whole names", () => {
    const runs = copiedRuns([examples]);
    expect(copiedSentences(runs).map((run) => `${run.file}#${run.pointer}: ${run.words}`)).toEqual([]);
    expect(runs.every((run) => run.field === "organisation")).toBe(true);
  });

  it("tells a whole title from a copied sentence, as the verbatim check counts words", () => {
    const dir = mkdtempSync(join(tmpdir(), "cohesion-verbatim-"));
    try {
      // The OECD objective 5 heading (12 words) and a sentence of the EUROCITIES toolkit (21 words).
      const title = passage("004_4425345120a0e79b.txt", "Create spaces where", /["\n]/);
      const sentence = `${passage("002_558a7be916edbc2c.txt", "Participation promoted by the city", /\. /)}.`;
      writeFileSync(join(dir, "doc.json"), JSON.stringify({ title, summary: `As the chapter says: ${title}.`, notes: [sentence], short: "Create spaces where people meet" }));
      writeFileSync(join(dir, "notes.md"), `# Notes\n\n${sentence.toUpperCase()}\n`);
      const runs = copiedRuns([dir]);
      expect(runs.map((run) => [run.pointer, run.field, run.whole, run.count])).toEqual([
        ["/title", "title", true, 12],
        ["/summary", "summary", false, 12],
        ["/notes/0", undefined, true, 21],
        ["", undefined, false, 21],
      ]);
      expect(copiedSentences(runs).map((run) => run.pointer)).toEqual(["/summary", "/notes/0", ""]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
