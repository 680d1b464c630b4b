import { describeContentPlugin, describeExampleAssessment, referenceProbe } from "@cohesion/test-support/content-plugin-kit";
import { EXAMPLE_ASSESSMENT, inclucities } from "./plugin";

describeContentPlugin(inclucities, {
  id: "inclucities",
  name: "IncluCities",
  kinds: ["framework", "benchmark", "practice", "place", "scheme"],
  documents: {
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
  },
  citations: { publications: ["IncluCities thematic toolkit: Building a 'city for all'"], year: 2022 },
  schemaProbe: { kind: "scheme", omit: "mentor" },
  integrityProbes: [
    referenceProbe("a practice whose key factor does not exist", "inclucities.mechelen-samen-inburgeren", { keyFactors: ["inclucities.city-for-all#no-such-key-factor"] }),
  ],
});

describeExampleAssessment(inclucities, EXAMPLE_ASSESSMENT, {
  holds: { id: "inclucities.capaci-city-for-all", method: "mentor", subject: { type: "place", ref: "inclucities.capaci", name: "Capaci" } },
  notes: /no ratings/,
  targets: "every key factor",
});
