import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourcePassage } from "@cohesion/test-support/verbatim";
import { allGuideQuestions, inclucities } from "./plugin";
import type { GuideQuestionData } from "./plugin";

// The toolkit itself (shared/seeds beside the repository), flattened to single spaces without emphasis
// marks, to check long titles against the source word for word.
const seedText = readFileSync(new URL("../../../../shared/seeds/003_3b2510fd7b60b3e3.txt", import.meta.url), "utf8")
  .replace(/\*\*/g, "")
  .replace(/\s+/g, " ");

// Facts carried over exactly from the toolkit; a missing or altered one fails here. A title or name of twelve
// words or more is read from the toolkit by its first words (to the end of its line or list entry), so that this
// file names it without copying a long run of the source.
const TOOLKIT = "003_3b2510fd7b60b3e3.txt";
const entry = (start: string) => sourcePassage(TOOLKIT, start, /\s*\*\*\d|\n/);
const KEY_FACTORS = [
  { number: 1, id: "engaging-citizens", title: "Get to know the local context by engaging citizens" },
  {
    number: 2,
    id: "active-partners",
    title: entry("Strengthen individuals and organisations who"),
  },
  {
    number: 3,
    id: "internal-skills",
    title: entry("Build skills and understanding around inclusion"),
  },
  { number: 4, id: "networking-accessibility", title: "Networking and accessibility" },
  { number: 5, id: "imaging", title: "Working on imaging of citizens with migration background" },
];

// Guide questions per key factor as the toolkit lists them (top-level bullets), and the nested ones.
const TOP_LEVEL_QUESTIONS_PER_KEY_FACTOR = [11, 3, 5, 9, 4];
const NESTED_QUESTIONS = { "expert-organisations": ["expert-organisations-social-work", "expert-organisations-education"] };
const PRACTICAL_TIPS_PER_KEY_FACTOR = [0, 1, 0, 5, 6];

const CONTEXT_FACTORS = [
  { id: "competences-across-government", title: "The distribution of competences and relations across levels of government" },
  {
    id: "supportive-policy-framework",
    title: entry("National or regional policy framework"),
  },
  { id: "economic-situation", title: "Economic situation, unemployment" },
  { id: "electoral-cycles", title: "Electoral cycles" },
  { id: "national-discourses", title: "National discourses and debates about migration" },
  { id: "politicisation", title: "Degree of politicisation of migration in public discourse and political system" },
  { id: "data-availability", title: "Data availability" },
  { id: "migrant-population", title: "Characteristics of migrant population" },
];
// What the last context factor may involve, by position in the toolkit's list.
const MIGRANT_POPULATION_DETAILS: [number, string][] = [
  [1, "Qualifications"],
  [2, "Demographics"],
  [3, "Forced migrants"],
  [4, "Legal status (e.g. undocumented)"],
  [5, "Transit/settled intentions"],
];

const PRACTICES: { title: string; localTitle?: string; start?: string; keyFactor: string }[] = [
  { title: "Interreligious/Inter-philosophical Platform", keyFactor: "engaging-citizens" },
  { title: "Welcome in Mechelen", keyFactor: "active-partners" },
  {
    title: "Language policy and training regarding 'accessible' language use, Intercultural competence range",
    keyFactor: "internal-skills",
  },
  { title: "Celebration of international days (e.g. International Migrants Day)", keyFactor: "internal-skills" },
  { title: "Samen Inburgeren", localTitle: "Samen Inburgeren", start: "2012", keyFactor: "networking-accessibility" },
  { title: "People make the city", localTitle: "Mensen maken de stad", start: "2014", keyFactor: "imaging" },
];

const THEMES = ["Gender-sensitive integration", "Building a 'city for all'", "Labour market integration", "Language learning support"];

const PLACES = [
  { id: "inclucities.mechelen", name: "Mechelen", country: "BE" },
  { id: "inclucities.capaci", name: "Capaci", country: "IT" },
];

const AICCRE = sourcePassage(TOOLKIT, "Associazione Italiana per il", /,/);
const CONTRIBUTORS = ["City of Capaci", AICCRE, "City of Mechelen", "Vereniging van Vlaamse Steden en Gemeenten (VVSG)", "MigrationWork"];

interface BenchmarkData {
  id: string;
  version: string;
  title: string;
  publisher: string;
  themeRef: string;
  defaultScale: string;
  sections: {
    keyFactors: {
      id: string;
      number: number;
      title: string;
      statement: string;
      rationale: string;
      guideQuestions: GuideQuestionData[];
      practicalTips?: string[];
      practiceRefs?: string[];
    }[];
  }[];
  contextFactors: { id: string; title: string; mayInvolve?: string[] }[];
  contributors: { name: string }[];
}

const documents = inclucities.entries.map((entry) => entry.document);
const ofKind = (kind: string): Record<string, unknown>[] => documents.filter((document) => document["kind"] === kind);
const benchmark = ofKind("benchmark")[0] as unknown as BenchmarkData;

describe("the 'city for all' benchmark", () => {
  it("is version 1.0.0 of inclucities.city-for-all on the maturity scale, published by CEMR", () => {
    expect(benchmark).toMatchObject({
      id: "inclucities.city-for-all",
      version: "1.0.0",
      title: "How to build a vision of a 'city for all'",
      defaultScale: "cohesion.maturity",
      themeRef: "inclucities.themes#city-for-all",
    });
    expect(benchmark.publisher).toContain("CEMR");
    expect(benchmark.sections).toHaveLength(1);
  });

  const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);

  it("has the five key factors in order, numbered, with their exact titles", () => {
    expect(keyFactors.map(({ number, id, title }) => ({ number, id, title }))).toEqual(KEY_FACTORS);
  });

  it("holds every title whole, as the toolkit's list of key factors (with page numbers) and of context factors words it", () => {
    const pages = [5, 6, 7, 8, 10];
    keyFactors.forEach((keyFactor, index) => expect(seedText).toContain(`${keyFactor.number}. ${keyFactor.title} ${pages[index]}`));
    for (const factor of benchmark.contextFactors) expect(seedText).toContain(`- ${factor.title}`);
  });

  it("gives every key factor a statement, a rationale and example practices", () => {
    for (const keyFactor of keyFactors) {
      expect(keyFactor.statement.length, keyFactor.id).toBeGreaterThan(40);
      expect(keyFactor.rationale.length, keyFactor.id).toBeGreaterThan(100);
      expect(keyFactor.practiceRefs?.length ?? 0, keyFactor.id).toBeGreaterThan(0);
    }
  });

  it("keeps the toolkit's word in key factor 2: citizens above all need confidence", () => {
    const activePartners = keyFactors.find((keyFactor) => keyFactor.number === 2);
    expect(seedText).toContain("Citizens need to have, above all, confidence");
    expect(activePartners?.rationale).toContain("confidence");
    expect(activePartners?.rationale).not.toMatch(/\btrust\b/);
  });

  it("holds every guiding question, with the nested ones as sub-questions", () => {
    expect(keyFactors.map((keyFactor) => keyFactor.guideQuestions.length)).toEqual(TOP_LEVEL_QUESTIONS_PER_KEY_FACTOR);
    for (const [parentId, childIds] of Object.entries(NESTED_QUESTIONS)) {
      const parent = allGuideQuestions(benchmark).find((question) => question.id === parentId);
      expect(parent?.subQuestions?.map((question) => question.id)).toEqual(childIds);
    }
    const all = allGuideQuestions(benchmark);
    expect(all).toHaveLength(34);
    expect(new Set(all.map((question) => question.id)).size).toBe(all.length);
  });

  it("holds the practical tips the toolkit gives", () => {
    expect(keyFactors.map((keyFactor) => keyFactor.practicalTips?.length ?? 0)).toEqual(PRACTICAL_TIPS_PER_KEY_FACTOR);
  });

  it("marks its standard and the context factors' one-line descriptions as editorial, and the toolkit's own content as source", () => {
    type Marked = { provenance?: Record<string, string> };
    expect((benchmark as unknown as Marked).provenance).toEqual({ standard: "editorial", rationale: "source", coverage: "source" });
    for (const factor of benchmark.contextFactors) expect((factor as unknown as Marked).provenance?.["description"], factor.id).toBe("editorial");
    expect((benchmark.contextFactors.find((factor) => factor.id === "migrant-population") as unknown as Marked).provenance?.["mayInvolve"]).toBe("source");
    for (const keyFactor of keyFactors) expect((keyFactor as unknown as Marked).provenance?.["rationale"], keyFactor.id).toBe("source");
    for (const question of allGuideQuestions(benchmark)) expect((question as unknown as Marked).provenance?.["text"], question.id).toBe("source");
  });

  it("has the eight context factors with their exact titles and the details of the migrant population", () => {
    expect(benchmark.contextFactors.map(({ id, title }) => ({ id, title }))).toEqual(CONTEXT_FACTORS);
    expect(benchmark.contextFactors.find((factor) => factor.id === "migrant-population")?.mayInvolve).toEqual(
      MIGRANT_POPULATION_DETAILS.map(([, detail]) => detail),
    );
  });

  it("names AICCRE in full, as the toolkit's closing note does", () => {
    expect(seedText).toContain(`The City of Capaci and the ${AICCRE}`);
  });

  it("names the cities and organisations that shaped it", () => {
    expect(benchmark.contributors.map((contributor) => contributor.name)).toEqual(CONTRIBUTORS);
  });
});

describe("the Mechelen good practices", () => {
  const practices = ofKind("practice") as unknown as {
    id: string;
    title: string;
    localTitle?: string;
    city: string;
    country: string;
    period?: { start?: string };
    keyFactors: string[];
  }[];

  it.each(PRACTICES)("include $title", (expected) => {
    const practice = practices.find((candidate) => candidate.title === expected.title);
    expect(practice).toBeDefined();
    expect(practice).toMatchObject({ city: "Mechelen", country: "BE" });
    expect(practice?.localTitle).toBe(expected.localTitle);
    expect(practice?.period?.start).toBe(expected.start);
    expect(practice?.keyFactors).toEqual([`inclucities.city-for-all#${expected.keyFactor}`]);
  });

  it("are exactly the six the toolkit gives", () => {
    expect(practices).toHaveLength(PRACTICES.length);
  });
});

describe("the IncluCities themes", () => {
  const framework = ofKind("framework")[0] as unknown as {
    id: string;
    frameworkType: string;
    items: { id: string; title: string; benchmarkRefs?: string[] }[];
    programmes: { name: string; period: { start: string; end: string }; lead: { name: string } }[];
    statistics: { figures: { value: number; qualifier?: string }[] }[];
  };

  it("lists the four themes in order, the second encoded by the benchmark", () => {
    expect(framework).toMatchObject({ id: "inclucities.themes", frameworkType: "toolkit-series" });
    expect(framework.items.map((item) => item.title)).toEqual(THEMES);
    expect(framework.items[1]?.benchmarkRefs).toEqual(["inclucities.city-for-all"]);
  });

  it("describes the IncluCities programme, 2020-2023, led by CEMR", () => {
    expect(framework.programmes[0]).toMatchObject({ name: "IncluCities", period: { start: "2020", end: "2023" } });
    expect(framework.programmes[0]?.lead.name).toContain("CEMR");
  });

  it("carries the CEMR and IncluCities figures with their qualifiers", () => {
    const figures = framework.statistics.flatMap((statistic) => statistic.figures.map((figure) => [figure.value, figure.qualifier]));
    expect(figures).toEqual(
      expect.arrayContaining([
        [60, "over"],
        [40, "exactly"],
        [100000, "about"],
        [8, "exactly"],
        [7, "exactly"],
      ]),
    );
  });
});

describe("places and the mentoring scheme", () => {
  const places = ofKind("place") as unknown as { id: string; name: string; country: string; population?: unknown }[];

  it.each(PLACES)("include $name ($country) without figures the toolkit does not give", (expected) => {
    const place = places.find((candidate) => candidate.id === expected.id);
    expect(place).toMatchObject(expected);
    expect(place?.population).toBeUndefined();
  });

  it("pairs Mechelen (with VVSG) as mentor and Capaci (with AICCRE) as mentee on this benchmark", () => {
    const scheme = ofKind("scheme")[0];
    expect(scheme).toMatchObject({
      schemeKind: "mentoring",
      mentor: { city: "Mechelen", country: "BE", placeRef: "inclucities.mechelen" },
      mentees: [{ city: "Capaci", country: "IT", placeRef: "inclucities.capaci", organisation: AICCRE }],
      benchmark: { id: "inclucities.city-for-all", version: "1.0.0" },
      period: { start: "2020", end: "2023" },
    });
    expect((scheme?.["mentor"] as { organisation: string }).organisation).toContain("VVSG");
  });
});
