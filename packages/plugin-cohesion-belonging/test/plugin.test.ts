import { describeContentPlugin, referenceProbe } from "@cohesion/test-support/content-plugin-kit";
import { EVIDENCE_REVIEW, LESSONS_REPORT, cohesionBelonging } from "./plugin";

// No benchmark: its practices link to framework items instead (integrity.test.ts).
describeContentPlugin(cohesionBelonging, {
  id: "cohesion-belonging",
  name: "Cohesion and Belonging",
  kinds: ["framework", "scale", "practice", "place", "scheme"],
  documents: { framework: 11, scale: ["cohesion-belonging.arnstein-ladder"], practice: 42, place: 5, scheme: 5 },
  citations: { publications: [LESSONS_REPORT, EVIDENCE_REVIEW], year: 2016 },
  schemaProbe: { kind: "place", set: { sizeBand: "enormous" }, pointer: "/sizeBand" },
  integrityProbes: [
    referenceProbe("a practice whose framework item does not exist", "cohesion-belonging.one-voice", {
      domains: ["cohesion-belonging.areas-of-intervention#no-such-area"],
    }),
  ],
});
