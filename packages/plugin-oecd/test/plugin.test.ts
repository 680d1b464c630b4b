import { describeContentPlugin, describeExampleAssessment, referenceProbe } from "@cohesion/test-support/content-plugin-kit";
import { EXAMPLE_ASSESSMENT, oecd } from "./plugin";

describeContentPlugin(oecd, {
  id: "oecd",
  name: "OECD",
  kinds: ["framework", "benchmark", "practice", "place"],
  documents: { framework: ["oecd.checklist"], benchmark: ["oecd.time-and-space"], practice: 31, place: 10 },
  citations: {
    publications: ["Working Together for Local Integration of Migrants and Refugees"],
    year: 2018,
    section: /^Chapter 4\. Block 2\. Time and space/,
  },
  schemaProbe: { kind: "benchmark", omit: "standard" },
  integrityProbes: [referenceProbe("a practice whose key factor does not exist", "oecd.vienna-start-wien", { keyFactors: ["oecd.time-and-space#objective-6"] })],
});

// The chapter gives no ratings, so every answer's notes say they are illustrative.
describeExampleAssessment(oecd, EXAMPLE_ASSESSMENT, {
  holds: { id: "oecd.gothenburg-time-and-space", method: "self", subject: { type: "place", ref: "oecd.gothenburg", name: "Gothenburg" } },
  answerNotes: /^Illustrative: .{20,}/,
  notes: /no ratings/,
  targets: "every key factor",
});
