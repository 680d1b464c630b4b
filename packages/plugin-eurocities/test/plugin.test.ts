import { describeContentPlugin, describeExampleAssessment, dropDocument, referenceProbe } from "@cohesion/test-support/content-plugin-kit";
import { EXAMPLE_ASSESSMENTS, PUBLICATION, eurocities } from "./plugin";

describeContentPlugin(eurocities, {
  id: "eurocities",
  name: "EUROCITIES",
  kinds: ["framework", "benchmark", "practice", "place", "scheme"],
  documents: {
    framework: ["eurocities.integrating-cities-toolkits"],
    benchmark: ["eurocities.neighbourhood-participation"],
    practice: 17,
    place: 21,
    scheme: ["eurocities.malmo-south-all-activities-centres", "eurocities.ghent-dampoort-neighbourhood-of-the-month"],
  },
  citations: { publications: [PUBLICATION], year: 2014 },
  schemaProbe: { kind: "practice", omit: "summary" },
  integrityProbes: [
    referenceProbe("a practice that points at a key factor the benchmark lacks", "eurocities.rotterdam-opzoomeren", {
      keyFactors: ["eurocities.neighbourhood-participation#no-such-key-factor"],
    }),
    { name: "a scheme whose place is missing", change: dropDocument("eurocities.malmo"), reportedOn: "eurocities.malmo-south-all-activities-centres" },
  ],
});

// Neither example sets a target for every key factor.
const expectations = { notes: /toolkit gives no ratings for any city/, targets: "some key factors" } as const;
describeExampleAssessment(eurocities, EXAMPLE_ASSESSMENTS.athens, {
  holds: { id: "eurocities.example-athens-kypseli", method: "self", subject: { type: "place", ref: "eurocities.athens", name: "Athens" } },
  ...expectations,
});
describeExampleAssessment(eurocities, EXAMPLE_ASSESSMENTS.malmo, {
  holds: { id: "eurocities.example-malmo-all-activities-centres", method: "external", subject: { type: "scheme", ref: "eurocities.malmo-south-all-activities-centres" } },
  ...expectations,
});
