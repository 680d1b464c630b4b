import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourcePassage } from "@cohesion/test-support/verbatim";
import { allGuideQuestions, eurocities, theBenchmark } from "./plugin";

// What the toolkit holds, written out here as data: a fact missing from the content, or altered, fails.
const SECTIONS = [
  { id: "city-wide-framework", title: "CITY-WIDE FRAMEWORK", keyFactors: [1, 2, 3] },
  { id: "within-the-neighbourhood", title: "WITHIN THE NEIGHBOURHOOD", keyFactors: [4, 5, 6, 7, 8, 9, 10, 11] },
];

const KEY_FACTORS = [
  { number: 1, id: "defining-the-neighbourhood", title: "DEFINING THE NEIGHBOURHOOD", questions: 4, nested: {} },
  {
    number: 2,
    id: "participation-strategy",
    title: "CITY'S PARTICIPATION STRATEGY",
    questions: 5,
    nested: { "kf2-guidelines": 4 },
  },
  { number: 3, id: "equal-voices", title: "EQUAL VOICES", questions: 3, nested: { "kf3-guidance-topics": 6 } },
  { number: 4, id: "community-self-organisation", title: "COMMUNITY SELF-ORGANISATION", questions: 4, nested: {} },
  { number: 5, id: "neighbourhood-review", title: "NEIGHBOURHOOD REVIEW", questions: 3, nested: { "kf5-evidence": 3 } },
  {
    number: 6,
    id: "neighbourhood-plan",
    title: "NEIGHBOURHOOD PLAN FOR PARTICIPATION",
    questions: 3,
    nested: { "kf6-action-plan": 4 },
  },
  { number: 7, id: "resources", title: "RESOURCES: RUNNING THE SCHEME", questions: 4, nested: {} },
  {
    number: 8,
    id: "support-for-participants",
    title: "SUPPORT FOR COMMUNITY PARTICIPANTS",
    questions: 4,
    nested: { "kf8-access-support": 3, "kf8-elections": 2 },
  },
  { number: 9, id: "stakeholders", title: "STAKEHOLDERS", questions: 5, nested: {} },
  { number: 10, id: "neighbourhood-coordination", title: "COORDINATION AT NEIGHBOURHOOD LEVEL", questions: 5, nested: {} },
  { number: 11, id: "monitoring-and-evaluation", title: "MONITORING AND EVALUATION", questions: 7, nested: {} },
] as const;

const CONTEXT_FACTORS = [
  { title: "National legislation and policy", details: 2 },
  { title: "Data availability", details: 1 },
  { title: "Migrant population", details: 2 },
  { title: "Labour market and other economic conditions", details: 3 },
  { title: "City resources", details: 2 },
  { title: "City's political situation", details: 3 },
  { title: "Civil society in the city", details: 2 },
];

// Every city example, with the key factors it illustrates (Turin's neighbourhood houses serve two).
const PRACTICES = [
  { city: "Athens", country: "GR", title: "Kypseli Square as the focus neighbourhood", keyFactors: [1] },
  { city: "Birmingham", country: "GB", title: "Toolkit for identifying neighbourhoods ('Transforming Place')", keyFactors: [1] },
  { city: "Katowice", country: "PL", title: "Community activation and regeneration in Nikiszowiec", keyFactors: [2] },
  { city: "Rotterdam", country: "NL", title: "Opzoomeren", keyFactors: [2] },
  { city: "Helsinki", country: "FI", title: "Ruuti", keyFactors: [3] },
  { city: "Ghent", country: "BE", title: "The Site (Rabot)", keyFactors: [4] },
  { city: "Turin", country: "IT", title: "Neighbourhood houses", localTitle: "Case del Quartiere", keyFactors: [4, 9] },
  { city: "Ghent", country: "BE", title: "Neighbourhood of the Month: Dampoort", keyFactors: [5] },
  { city: "Aarhus", country: "DK", title: "Young residents help design the Gellerup park", keyFactors: [6] },
  { city: "Leipzig", country: "DE", title: "Integrated concept for Leipzig's East", keyFactors: [6] },
  { city: "Zurich", country: "CH", title: "Neighbourhood community centres and small integration projects", keyFactors: [7] },
  { city: "Birmingham", country: "GB", title: "Our Place", keyFactors: [7] },
  { city: "Malmö", country: "SE", title: "All Activities Centre (AAC)", localTitle: "Allaktivitetshuset", keyFactors: [8] },
  { city: "Dublin", country: "IE", title: "Practical Guide to Integration", keyFactors: [8] },
  { city: "Athens", country: "GR", title: "Social map of Kypseli", keyFactors: [9] },
  { city: "Malmö", country: "SE", title: "Area Teams in Lindängen and Hermodsdal", keyFactors: [10] },
  { city: "Amsterdam", country: "NL", title: "District programme", localTitle: "programma Wijkaanpak", keyFactors: [11] },
];

const PARTNER_CITIES = [
  "Aarhus", "Amsterdam", "Athens", "Copenhagen", "Dublin", "Genoa", "Ghent", "Lublin",
  "Malmö", "Manchester", "Milan", "Oslo", "Riga", "Rotterdam", "Tampere",
];

// The toolkit itself (shared/seeds beside the repository), flattened to single spaces without emphasis marks.
const seedText = readFileSync(new URL("../../../../shared/seeds/002_558a7be916edbc2c.txt", import.meta.url), "utf8")
  .replace(/\*\*/g, "")
  .replace(/\s+/g, " ");

// A title of twelve words or more is read from the toolkit by its first words (to the end of its line), so that
// this file names it without copying a long run of the source.
const THEMES = [
  { title: "Introductory and language courses", year: 2012 },
  { title: "Anti-discrimination policies", year: 2012 },
  { title: "Promoting cultural diversity", year: 2012 },
  { title: "Enhancing public perception on migration and diversity", year: 2014 },
  { title: "Managing diversity and promoting equality in cities' administration and service provision", year: 2014 },
  { title: "Making participation effective in diverse neighbourhoods", year: 2014, code: "Theme C" },
  { title: sourcePassage("002_558a7be916edbc2c.txt", "Engagement of migrant communities", /\n/), year: 2014, code: "Theme D" },
];

const documents = eurocities.entries;
const benchmark = theBenchmark();
const keyFactors = benchmark.sections.flatMap((section) => section.keyFactors);
const byKind = (kind: string) => documents.map((entry) => entry.document).filter((document) => document["kind"] === kind);

interface PracticeData {
  id: string;
  city: string;
  country: string;
  title: string;
  localTitle?: string;
  keyFactors: string[];
  budget?: { amount: number; currency: string; per?: string; qualifier?: string }[];
  funding?: { funder: string; share?: number }[];
  outcomes?: { indicator: string; value: number; unit: string; qualifier?: string; year?: number }[];
  period?: { start?: string; end?: string };
}
const practices = byKind("practice") as unknown as PracticeData[];
const practice = (city: string, title: string): PracticeData => {
  const found = practices.find((candidate) => candidate.city === city && candidate.title === title);
  if (found === undefined) throw new Error(`no practice "${title}" in ${city}`);
  return found;
};

describe("coverage of the EUROCITIES toolkit", () => {
  it("has benchmark eurocities.neighbourhood-participation 1.0.0 on the maturity scale, under theme C", () => {
    expect(benchmark).toMatchObject({
      id: "eurocities.neighbourhood-participation",
      version: "1.0.0",
      defaultScale: "cohesion.maturity",
      publisher: "EUROCITIES",
      themeRef: "eurocities.integrating-cities-toolkits#neighbourhood-participation",
    });
  });

  it("has both sections with the toolkit's titles and key factors", () => {
    expect(benchmark.sections.map((section) => ({ id: section.id, title: section.title, keyFactors: section.keyFactors.map((k) => k.number) }))).toEqual(SECTIONS);
  });

  it("has all eleven key factors in order, with exact titles, statement, rationale and example practices", () => {
    expect(keyFactors.map((k) => ({ number: k.number, id: k.id, title: k.title }))).toEqual(
      KEY_FACTORS.map(({ number, id, title }) => ({ number, id, title })),
    );
    for (const keyFactor of keyFactors) {
      expect(keyFactor.statement.length, keyFactor.id).toBeGreaterThan(40);
      expect(keyFactor.rationale.length, keyFactor.id).toBeGreaterThan(40);
      expect(keyFactor.practiceRefs.length, keyFactor.id).toBeGreaterThan(0);
    }
  });

  it("has every guide question, with the nested ones kept as sub-questions", () => {
    KEY_FACTORS.forEach((expected, index) => {
      const keyFactor = keyFactors[index];
      expect(keyFactor?.guideQuestions.length, expected.id).toBe(expected.questions);
      const nested = Object.fromEntries(
        (keyFactor?.guideQuestions ?? []).filter((q) => (q.subQuestions ?? []).length > 0).map((q) => [q.id, q.subQuestions?.length]),
      );
      expect(nested, expected.id).toEqual(expected.nested);
    });
    const all = allGuideQuestions(benchmark);
    expect(all).toHaveLength(69);
    expect(new Set(all.map((question) => question.id)).size).toBe(69);
  });

  it("marks the guide questions, statements and rationales as restating the toolkit, and the section summaries as editorial", () => {
    type Marked = { provenance?: Record<string, string> };
    for (const section of benchmark.sections) expect((section as unknown as Marked).provenance).toEqual({ description: "editorial" });
    for (const keyFactor of keyFactors) expect((keyFactor as unknown as Marked).provenance, keyFactor.id).toEqual({ statement: "source", rationale: "source" });
    for (const question of allGuideQuestions(benchmark)) expect((question as unknown as Marked).provenance, question.id).toEqual({ text: "source" });
  });

  it("has the seven context factors with what each may involve", () => {
    expect(benchmark.contextFactors.map((factor) => ({ title: factor.title, details: factor.mayInvolve.length }))).toEqual(CONTEXT_FACTORS);
  });

  it("defines the terms scheme and migrant, with the 12-month UN threshold", () => {
    expect(benchmark.glossary.map((entry) => entry.term)).toEqual(["Scheme", "Migrant"]);
    expect(benchmark.glossary[1]?.definition).toMatch(/12 months/);
  });

  it("lists the fifteen ImpleMentoring partner cities as contributors, each linked to its place", () => {
    const cities = benchmark.contributors.filter((actor) => actor.placeRef !== undefined);
    expect(cities.map((actor) => actor.name)).toEqual(PARTNER_CITIES);
    const placeIds = new Set(byKind("place").map((place) => place["id"]));
    for (const city of cities) expect(placeIds.has(city.placeRef), city.name).toBe(true);
  });

  it("has every city example as a practice, linked to its key factors", () => {
    expect(practices).toHaveLength(PRACTICES.length);
    for (const expected of PRACTICES) {
      const found = practice(expected.city, expected.title);
      expect(found.country).toBe(expected.country);
      expect(found.localTitle).toBe(expected.localTitle);
      const refs = expected.keyFactors.map((number) => `${benchmark.id}#${KEY_FACTORS[number - 1]?.id}`);
      expect(found.keyFactors).toEqual(refs);
    }
  });

  it("keeps the practices' budgets, funding shares and outcomes as the toolkit states them", () => {
    expect(practice("Zurich", "Neighbourhood community centres and small integration projects").budget).toEqual([
      expect.objectContaining({ amount: 150000, currency: "EUR", per: "year", qualifier: "about" }),
    ]);
    const aac = practice("Malmö", "All Activities Centre (AAC)");
    expect(aac.budget).toEqual([expect.objectContaining({ amount: 170000, currency: "EUR", per: "year", qualifier: "about" })]);
    expect(aac.funding?.find((source) => source.funder.includes("ERDF"))?.share).toBeCloseTo(100 / 3, 0);
    expect(aac.outcomes).toContainEqual(expect.objectContaining({ value: 6000, unit: "visits per month", qualifier: "about" }));
    const opzoomeren = practice("Rotterdam", "Opzoomeren");
    expect(opzoomeren.budget).toEqual([expect.objectContaining({ amount: 1300000, per: "year" })]);
    expect(opzoomeren.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 15, unit: "percent" }),
        expect.objectContaining({ value: 90000, qualifier: "about" }),
        expect.objectContaining({ value: 2500, qualifier: "about" }),
        expect.objectContaining({ value: 1800, qualifier: "over", year: 2013 }),
        expect.objectContaining({ value: 70, year: 2013 }),
        expect.objectContaining({ value: 7, unit: "people" }),
      ]),
    );
    expect(practice("Ghent", "The Site (Rabot)").budget).toEqual([expect.objectContaining({ amount: 100000, per: "year" })]);
    expect(practice("Ghent", "The Site (Rabot)").outcomes).toContainEqual(expect.objectContaining({ value: 1.5, unit: "hectares" }));
    expect(practice("Ghent", "Neighbourhood of the Month: Dampoort").outcomes).toContainEqual(expect.objectContaining({ value: 13, year: 2013 }));
    expect(practice("Turin", "Neighbourhood houses").outcomes).toContainEqual(expect.objectContaining({ value: 9, year: 2014 }));
    const wijkaanpak = practice("Amsterdam", "District programme");
    expect(wijkaanpak.period).toEqual({ start: "2008", end: "2013" });
    expect(wijkaanpak.outcomes).toContainEqual(expect.objectContaining({ value: 19, unit: "neighbourhoods" }));
  });

  it("has the Integrating Cities toolkit series: three 2012 and four 2014 themes, theme C encoded by the benchmark", () => {
    const framework = byKind("framework")[0] as unknown as {
      id: string;
      frameworkType: string;
      items: { id: string; title: string; year: number; code?: string; benchmarkRefs?: string[] }[];
      programmes: { id: string; acronym: string; period?: Record<string, unknown>; partners?: unknown[]; lead?: { name: string } }[];
      statistics: { figures: { value: number; unit: string }[] }[];
    };
    expect(framework.id).toBe("eurocities.integrating-cities-toolkits");
    expect(framework.frameworkType).toBe("toolkit-series");
    expect(
      framework.items.map(({ title, year, code }) => ({ title, year, ...(code === undefined ? {} : { code }) })),
    ).toEqual(THEMES);
    // Every title is whole, exactly as the toolkit words it.
    for (const item of framework.items) expect(seedText).toContain(item.title);
    expect(framework.items.find((item) => item.code === "Theme C")).toMatchObject({
      id: "neighbourhood-participation",
      benchmarkRefs: [benchmark.id],
    });
    const [mixities, implementoring] = framework.programmes;
    expect(mixities?.acronym).toBe("MIXITIES");
    expect(implementoring).toMatchObject({ acronym: "ImpleMentoring", lead: { name: "EUROCITIES" } });
    expect(implementoring?.period).toEqual({ start: "2012-11", end: "2014-05", duration: "18 months" });
    // 15 local authorities plus Migration Work CIC.
    expect(implementoring?.partners).toHaveLength(16);
    const figures = framework.statistics.flatMap((statistic) => statistic.figures);
    expect(figures).toContainEqual(expect.objectContaining({ value: 33, unit: "cities" }));
    expect(figures).toContainEqual(expect.objectContaining({ value: 15, unit: "local authorities" }));
    expect(figures).toContainEqual(expect.objectContaining({ value: 11, unit: "member states" }));
  });

  it("has the participation schemes that assessments can name as their subject", () => {
    const schemes = byKind("scheme") as unknown as { id: string; schemeKind: string; placeRef: string }[];
    expect(schemes.map((scheme) => [scheme.id, scheme.schemeKind, scheme.placeRef])).toEqual([
      ["eurocities.malmo-south-all-activities-centres", "participation", "eurocities.malmo"],
      ["eurocities.ghent-dampoort-neighbourhood-of-the-month", "participation", "eurocities.ghent"],
    ]);
  });
});
