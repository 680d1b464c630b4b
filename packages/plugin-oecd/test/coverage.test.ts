import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourcePassage } from "@cohesion/test-support/verbatim";
import { oecd } from "./plugin";

// The chapter itself (shared/seeds beside the repository), flattened to single spaces without emphasis marks,
// so that titles can be checked against the source word for word.
const seedText = readFileSync(new URL("../../../../shared/seeds/004_4425345120a0e79b.txt", import.meta.url), "utf8")
  .replace(/\*\*|\*/g, "")
  .replace(/\s+/g, " ");

// Facts carried over exactly from the chapter; a missing or altered one fails here. A title of twelve words or
// more is read from the chapter by its first words (up to the end of its heading or quotation), so that this
// file names it without copying a long run of the source.
const CHAPTER = "004_4425345120a0e79b.txt";
const heading = (start: string) => sourcePassage(CHAPTER, start, /\n/);
const quoted = (start: string) => sourcePassage(CHAPTER, start, /[”"]/);
const SECTION_TITLE = "Block 2. Time and space";
const OBJECTIVES = [
  {
    number: 4,
    id: "objective-4",
    title: heading("Design integration policies that take time"),
    tools: [
      "Use integrated approaches from “Moment Zero/Day One”",
      "Multiply the entry points for migrants to access services over time",
      heading("Involve migrants, research institutions and local"),
    ],
  },
  {
    number: 5,
    id: "objective-5",
    title: quoted("Create spaces where the interaction"),
    tools: [
      "Ensure equal access to quality public services across all neighbourhoods",
      "Encourage bottom-up initiatives for creating spaces that foster integration",
    ],
  },
];
// Other objectives of the checklist the chapter names (by number), outside Block 2.
const OTHER_OBJECTIVES: [number, string][] = [
  [2, quoted("Seek policy coherence in addressing")],
  [7, quoted("Strengthen co-operation with non-state")],
  [9, "Match migrant skills with economic and job opportunities"],
  [10, "Secure access to adequate housing"],
  [12, quoted("Establish education responses to address")],
];

const CASE_STUDY_CITIES: [string, string][] = [
  ["Amsterdam", "NL"],
  ["Athens", "GR"],
  ["Barcelona", "ES"],
  ["Berlin", "DE"],
  ["Glasgow", "GB"],
  ["Gothenburg", "SE"],
  ["Paris", "FR"],
  ["Rome", "IT"],
  ["Vienna", "AT"],
];

// Every city example, by objective and tool (0 = cited in the observations, not under a tool).
const PRACTICES: { id: string; title: string; city?: string; country: string; objective: 4 | 5; tool: number }[] = [
  { id: "oecd.altena-kuemmerer", title: "Kümmerer", city: "Altena", country: "DE", objective: 4, tool: 1 },
  { id: "oecd.amsterdam-approach", title: "Amsterdam Approach", city: "Amsterdam", country: "NL", objective: 4, tool: 1 },
  { id: "oecd.berlin-welcome-centre", title: "Welcome Centre", city: "Berlin", country: "DE", objective: 4, tool: 1 },
  { id: "oecd.barcelona-saier", title: "SAIER", city: "Barcelona", country: "ES", objective: 4, tool: 2 },
  { id: "oecd.barcelona-padron", title: "Barcelona resident registry", city: "Barcelona", country: "ES", objective: 4, tool: 2 },
  { id: "oecd.berlin-berlinpass", title: "Berlinpass", city: "Berlin", country: "DE", objective: 4, tool: 2 },
  { id: "oecd.glasgow-govanhill-service-hub", title: "Govanhill Service Hub", city: "Glasgow", country: "GB", objective: 4, tool: 2 },
  { id: "oecd.vienna-start-wien", title: "Start Wien", city: "Vienna", country: "AT", objective: 4, tool: 2 },
  { id: "oecd.canada-settlement-workers", title: "Settlement workers in schools and libraries", country: "CA", objective: 4, tool: 2 },
  { id: "oecd.athens-migrant-integration-centres", title: "Migrant Integration Centres", city: "Athens", country: "GR", objective: 4, tool: 2 },
  { id: "oecd.migrants-organise", title: "Migrants Organise", country: "GB", objective: 4, tool: 3 },
  { id: "oecd.berlin-integration-guides", title: "Integration guides", city: "Berlin", country: "DE", objective: 4, tool: 3 },
  { id: "oecd.gothenburg-refugee-guide-language-friend", title: "refugee-guide and language friend", city: "Gothenburg", country: "SE", objective: 4, tool: 3 },
  { id: "oecd.gothenburg-university-research", title: "Research with the University of Gothenburg", city: "Gothenburg", country: "SE", objective: 4, tool: 3 },
  { id: "oecd.rome-comunita-di-ospitalita", title: "Comunità di Ospitalità", city: "Rome", country: "IT", objective: 4, tool: 3 },
  { id: "oecd.canada-community-connections", title: "Community Connections programming", country: "CA", objective: 4, tool: 3 },
  { id: "oecd.gothenburg-sustainability-strategy", title: "Gothenburg sustainability strategy", city: "Gothenburg", country: "SE", objective: 5, tool: 0 },
  { id: "oecd.barcelona-ciudad-meridiana-library", title: "Library in Ciudad Meridiana", city: "Barcelona", country: "ES", objective: 5, tool: 1 },
  { id: "oecd.glasgow-kids-orchestra", title: "Kids' Orchestra", city: "Glasgow", country: "GB", objective: 5, tool: 1 },
  { id: "oecd.glasgow-refugee-pupils", title: "Refugee pupils across schools", city: "Glasgow", country: "GB", objective: 5, tool: 1 },
  { id: "oecd.gothenburg-angered-integration-centre", title: "Integration Centre of Angered", city: "Gothenburg", country: "SE", objective: 5, tool: 1 },
  { id: "oecd.paris-libraries-and-shelters", title: "Public libraries linked with shelters", city: "Paris", country: "FR", objective: 5, tool: 1 },
  { id: "oecd.athens-together", title: "Together", city: "Athens", country: "GR", objective: 5, tool: 1 },
  { id: "oecd.altena-integration-centre", title: "Integration centre", city: "Altena", country: "DE", objective: 5, tool: 2 },
  { id: "oecd.amsterdam-prison-to-community-centre", title: "From prison to community centre", city: "Amsterdam", country: "NL", objective: 5, tool: 2 },
  { id: "oecd.amsterdam-meevaart-boost-ringdijk", title: "Meevaart and Boost Ringdijk", city: "Amsterdam", country: "NL", objective: 5, tool: 2 },
  { id: "oecd.athens-melissa", title: "Melissa", city: "Athens", country: "GR", objective: 5, tool: 2 },
  { id: "oecd.athens-generation-2-0", title: "Generation 2.0", city: "Athens", country: "GR", objective: 5, tool: 2 },
  { id: "oecd.gothenburg-support-group", title: "The Support Group", city: "Gothenburg", country: "SE", objective: 5, tool: 2 },
  { id: "oecd.paris-les-grands-voisins", title: "Les Grands Voisins", city: "Paris", country: "FR", objective: 5, tool: 2 },
  { id: "oecd.rome-library-network", title: "Municipal library network", city: "Rome", country: "IT", objective: 5, tool: 2 },
];

// Figures in the examples, exactly as the chapter gives them.
const BUDGETS: Record<string, [number, number][]> = {
  "oecd.amsterdam-approach": [
    [2015, 31_200_000],
    [2016, 35_300_000],
  ],
  "oecd.berlin-integration-guides": [
    [2014, 2_200_000],
    [2016, 4_380_000],
    [2017, 4_468_000],
  ],
};
const FUNDING_AMOUNTS: Record<string, number[]> = { "oecd.amsterdam-approach": [10_000_000, 4_000_000, 21_300_000] };
const OUTCOME_VALUES: Record<string, number[]> = {
  "oecd.amsterdam-approach": [70, 3],
  "oecd.barcelona-saier": [12],
  "oecd.vienna-start-wien": [25, 6],
  "oecd.athens-migrant-integration-centres": [2, 10],
  "oecd.gothenburg-university-research": [2],
  "oecd.rome-comunita-di-ospitalita": [14],
  "oecd.amsterdam-prison-to-community-centre": [600, 72],
  "oecd.amsterdam-meevaart-boost-ringdijk": [2, 30],
  "oecd.gothenburg-support-group": [16],
  "oecd.paris-les-grands-voisins": [26],
};
const PERIODS: Record<string, { start?: string; end?: string }> = {
  "oecd.amsterdam-approach": { start: "2016" },
  "oecd.paris-libraries-and-shelters": { start: "2015" },
  "oecd.athens-together": { start: "2015-04", end: "2015-06" },
};
const STATISTICS: [string, number, string][] = [
  ["regions-long-settled-migrants", 9, "Chapter 2"],
  ["job-probability-drop", 23, "Hangartner (2016)"],
  ["children-language-classes", 81, "survey"],
  ["refugee-employment-gap", 20, "OECD/European Union"],
  ["consultative-mechanisms", 46, "sample"],
  ["gothenburg-foreign-born", 26, "Göteborgs stad"],
];

interface Action {
  id: string;
  title: string;
  description?: string;
  practiceRefs?: string[];
}
interface KeyFactor {
  id: string;
  number?: number;
  title: string;
  statement?: string;
  rationale?: string;
  pitfalls?: string[];
  guideQuestions: { id: string; guidance?: string; subQuestions?: unknown[] }[];
  recommendedActions?: Action[];
  practiceRefs?: string[];
}
interface FrameworkItem {
  id: string;
  title: string;
  code?: string;
  itemType?: string;
  items?: FrameworkItem[];
}
interface PracticeData {
  id: string;
  title: string;
  city?: string;
  country: string;
  placeRef?: string;
  keyFactors?: string[];
  period?: { start?: string; end?: string };
  budget?: { amount: number; currency: string; year?: number }[];
  funding?: { amount?: { amount: number } }[];
  outcomes?: { value: number }[];
}

const documents = oecd.entries.map((entry) => entry.document);
const byKind = (kind: string): Record<string, unknown>[] => documents.filter((document) => document["kind"] === kind);
const benchmark = byKind("benchmark")[0] as unknown as {
  id: string;
  version: string;
  publisher: string;
  defaultScale: string;
  sections: { id: string; title: string; keyFactors: KeyFactor[] }[];
  statistics: { id: string; figures: { value: number }[]; citedSource?: string }[];
};
const framework = byKind("framework")[0] as unknown as { id: string; frameworkType: string; items: FrameworkItem[] };
const practices = byKind("practice") as unknown as PracticeData[];
const places = byKind("place") as unknown as { id: string; name: string; country: string }[];

describe("the OECD Block 2 chapter is covered in full", () => {
  it("every literal title in this test stands in the chapter", () => {
    const titles = [
      ...OBJECTIVES.flatMap((objective) => [`Objective ${objective.number}. ${objective.title}`, ...objective.tools]),
      ...OTHER_OBJECTIVES.map(([number, title]) => `Objective ${number}. ${title}`),
      `Chapter 4. ${SECTION_TITLE}`,
    ];
    for (const title of titles) expect(seedText, title).toContain(title);
  });

  it("holds one benchmark, version 1.0.0, with one Block 2 section", () => {
    expect(byKind("benchmark")).toHaveLength(1);
    expect(benchmark).toMatchObject({ id: "oecd.time-and-space", version: "1.0.0", publisher: "OECD", defaultScale: "cohesion.maturity" });
    expect(benchmark.sections.map((section) => section.title)).toEqual([SECTION_TITLE]);
  });

  it("marks as editorial what the chapter does not give (standard, statements, pitfalls, guide questions) and the rationales as the source's", () => {
    type Marked = { provenance?: Record<string, string> };
    const whole = benchmark as unknown as Marked;
    expect(whole.provenance).toMatchObject({ standard: "editorial", rationale: "source" });
    for (const keyFactor of benchmark.sections.flatMap((section) => section.keyFactors)) {
      expect((keyFactor as unknown as Marked).provenance, keyFactor.id).toEqual({ statement: "editorial", rationale: "source", pitfalls: "editorial" });
      for (const question of keyFactor.guideQuestions) {
        expect((question as unknown as Marked).provenance, question.id).toEqual(question.guidance === undefined ? { text: "editorial" } : { text: "editorial", guidance: "editorial" });
      }
    }
  });

  it("has objectives 4 and 5 as its key factors, with their whole, exact titles and numbers", () => {
    const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
    expect(keyFactors.map((keyFactor) => [keyFactor.id, keyFactor.number, keyFactor.title])).toEqual(
      OBJECTIVES.map((objective) => [objective.id, objective.number, objective.title]),
    );
    for (const keyFactor of keyFactors) {
      expect(keyFactor.statement?.length ?? 0, keyFactor.id).toBeGreaterThan(50);
      expect(keyFactor.rationale?.length ?? 0, keyFactor.id).toBeGreaterThan(200);
      expect(keyFactor.pitfalls?.length ?? 0, keyFactor.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("has every tool that could work as a recommended action, in order, with at least one guide question pointing to it", () => {
    for (const objective of OBJECTIVES) {
      const keyFactor = benchmark.sections[0]?.keyFactors.find((candidate) => candidate.id === objective.id);
      const actions = keyFactor?.recommendedActions ?? [];
      expect(actions).toHaveLength(objective.tools.length);
      objective.tools.forEach((tool, index) => {
        expect(actions[index]?.title, tool).toBe(tool);
      });
      actions.forEach((action, index) => {
        expect(action.description?.length ?? 0, action.id).toBeGreaterThan(50);
        expect(action.practiceRefs?.length ?? 0, action.id).toBeGreaterThan(0);
        const tool = `Tool ${index + 1}.`;
        expect(keyFactor?.guideQuestions.some((question) => question.guidance?.startsWith(tool)), `${objective.id} ${tool}`).toBe(true);
      });
    }
  });

  it("holds every city example as a practice linked to its objective and listed under its tool", () => {
    expect(practices.map((practice) => practice.id).sort()).toEqual(PRACTICES.map((practice) => practice.id).sort());
    for (const expected of PRACTICES) {
      const practice = practices.find((candidate) => candidate.id === expected.id);
      expect(practice?.title, expected.id).toBe(expected.title);
      expect(practice?.city, expected.id).toBe(expected.city);
      expect(practice?.country, expected.id).toBe(expected.country);
      expect(practice?.keyFactors).toEqual([`oecd.time-and-space#objective-${expected.objective}`]);
      const keyFactor = benchmark.sections[0]?.keyFactors.find((candidate) => candidate.id === `objective-${expected.objective}`);
      expect(keyFactor?.practiceRefs, expected.id).toContain(expected.id);
      if (expected.tool > 0) expect(keyFactor?.recommendedActions?.[expected.tool - 1]?.practiceRefs, expected.id).toContain(expected.id);
      if (expected.city !== undefined) expect(practice?.placeRef, expected.id).toBe(`oecd.${expected.city.toLowerCase()}`);
    }
  });

  it("keeps the examples' budgets, funding amounts, counts and dates exact", () => {
    const find = (id: string): PracticeData | undefined => practices.find((practice) => practice.id === id);
    for (const [id, budget] of Object.entries(BUDGETS)) {
      expect(find(id)?.budget?.map((money) => [money.year, money.amount]), id).toEqual(budget);
      for (const money of find(id)?.budget ?? []) expect(money.currency).toBe("EUR");
    }
    for (const [id, amounts] of Object.entries(FUNDING_AMOUNTS)) {
      expect(find(id)?.funding?.flatMap((funding) => (funding.amount === undefined ? [] : [funding.amount.amount])), id).toEqual(amounts);
    }
    for (const [id, values] of Object.entries(OUTCOME_VALUES)) expect(find(id)?.outcomes?.map((figure) => figure.value), id).toEqual(values);
    for (const [id, period] of Object.entries(PERIODS)) expect(find(id)?.period, id).toMatchObject(period);
  });

  it("has a place for each case-study city, and for Altena", () => {
    const expected = [...CASE_STUDY_CITIES, ["Altena", "DE"]];
    expect(places.map((place) => [place.name, place.country]).sort()).toEqual([...expected].sort());
    for (const [name] of CASE_STUDY_CITIES) expect(seedText).toContain(name);
  });

  it("keeps the statistics the chapter cites, with their sources", () => {
    expect(benchmark.statistics.map((statistic) => [statistic.id, statistic.figures[0]?.value])).toEqual(
      STATISTICS.map(([id, value]) => [id, value]),
    );
    STATISTICS.forEach(([id, , cited]) => {
      expect(benchmark.statistics.find((statistic) => statistic.id === id)?.citedSource, id).toContain(cited);
    });
  });

  it("has a checklist framework with Block 2 holding objectives 4 and 5, and only the other objectives the chapter names", () => {
    expect(framework).toMatchObject({ id: "oecd.checklist", frameworkType: "checklist" });
    const block = framework.items.find((item) => item.id === "block-2");
    expect(block).toMatchObject({ code: "Block 2", itemType: "block", title: SECTION_TITLE });
    expect(block?.items?.map((item) => [item.code, item.title])).toEqual(
      OBJECTIVES.map((objective) => [`Objective ${objective.number}`, objective.title]),
    );
    const others = framework.items.filter((item) => item.itemType === "objective");
    expect(others.map((item) => [item.code, item.title])).toEqual(OTHER_OBJECTIVES.map(([number, title]) => [`Objective ${number}`, title]));
    expect(framework.items.filter((item) => item.itemType === "block")).toHaveLength(1);
  });
});
