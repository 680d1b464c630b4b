import { describe, expect, it } from "vitest";
import { EVIDENCE_REVIEW, LESSONS_REPORT, allItems, cohesionBelonging } from "./plugin";
import type { FrameworkData } from "./plugin";

// Facts carried over from the two papers; a missing or altered one fails here.
const LR = LESSONS_REPORT;
const ER = EVIDENCE_REVIEW;

const DOMAINS = [
  { id: "socio-economic", title: "Socio-economic" },
  { id: "social", title: "Social" },
  { id: "cultural", title: "Cultural" },
  { id: "civic-political", title: "Civic and political" },
  { id: "identity", title: "Identity" },
];
const KEY_TERMS = ["Diversity", "Cohesion", "Belonging", "Identity", "Participation"];
const SOCIAL_CONNECTIONS = ["Social bonds", "Social bridges", "Social links"];
const FACTORS = ["Social interaction", "Cultural integration", "Civic participation", "Identity and belonging"];
const AREAS = [
  { id: "smart-mainstreaming", title: "Smart mainstreaming" },
  { id: "inclusive-identities", title: "Inclusive identities" },
  { id: "intercultural-models", title: "Intercultural models" },
  { id: "cultural-approaches", title: "Cultural approaches" },
  { id: "designing-integration-into-places", title: "Designing integration into places" },
  { id: "new-modes-of-civic-engagement", title: "New modes of civic engagement" },
];
const CHALLENGES = [
  { id: "timing", title: "Timing" },
  { id: "multiple-actors", title: "Multiple actors" },
  { id: "contextual-turbulence", title: "Contextual turbulence" },
  { id: "institutional-and-policy-turbulence", title: "Institutional and policy turbulence" },
];
const BARRIERS = ["Practical barriers", "Economic barriers", "Personal barriers", "Motivational barriers", "Institutional barriers", "Cultural barriers"];
const SUCCESS_FACTORS = [
  "Clear, coherent and consistent frameworks",
  "Outreach and partnership with the voluntary and community sector",
  "Welcome packs and welcome events",
  "Events that bring different groups together",
];
const LESSON_GROUPS = [
  { title: "Approaching integration", lessons: 5 },
  { title: "Governance", lessons: 7 },
];

// Groups the papers name as left out, under the three findings that name them.
const EXCLUDED_GROUPS = [
  {
    id: "often-excluded-from-civic-life",
    title: "Groups often found to be excluded",
    groups: ["New migrants", "Particular racialised minorities", "Second generation youth", "Marginalised members of majority populations"],
  },
  {
    id: "left-out-by-mainstreaming",
    title: "Key groups typically left out by mainstreamed approaches",
    groups: ["New migrants", "Migrants with limited or unclear legal status", "Hidden migrant populations"],
  },
  { id: "most-marginalised", title: "The most marginalised groups", groups: ["Refused asylum seekers", "Newly arrived migrants"] },
];
const HIDDEN_MIGRANTS = ["Those working long hours", "Older migrants without language skills", "Migrants from emerging countries of origin or ethnic groups"];
const LEVELS_OF_INTEGRATION = ["A minimal level of integration", "A more meaningful level of integration", "A sense of common belonging"];
// Section 6 of the lessons report: where each city's project intervened.
const INTERVENTION_POINTS = [
  { id: "policy-effectors", title: "Changing the way policy effectors work", cities: ["brighton-and-hove"] },
  { id: "intercultural-integration", title: "Opportunities for intercultural integration", cities: ["aarhus", "torino"] },
  { id: "civic-engagement", title: "Civic engagement", cities: ["helsinki", "tampere"] },
];
const INTERCULTURAL_CITIES = [
  "Relations with civil society",
  "Public funding",
  "The public realm",
  "Urban planning",
  "Housing",
  "Leadership",
  "Opening up the political system and public service",
];
// Section 8 (Future): what the participants achieved within the project.
const ACHIEVEMENTS = [
  "high-level strategy",
  "new partnerships within and between agencies",
  "new platforms for policy change inside municipalities",
  "direct engagement of migrant and non-migrant residents and citizens",
  "innovative service models",
  "research evidence to support change",
];

const RUNGS = [
  { id: "manipulation", label: "Manipulation", group: "non-participation" },
  { id: "therapy", label: "Therapy", group: "non-participation" },
  { id: "informing", label: "Informing", group: "tokenism" },
  { id: "consultation", label: "Consultation", group: "tokenism" },
  { id: "placation", label: "Placation", group: "tokenism" },
  { id: "partnership", label: "Partnership", group: "citizen-power" },
  { id: "delegated-power", label: "Delegated Power", group: "citizen-power" },
  { id: "citizen-control", label: "Citizen Control", group: "citizen-power" },
];
const RUNG_GROUPS = [
  { id: "non-participation", label: "Non-participation" },
  { id: "tokenism", label: "Tokenism" },
  { id: "citizen-power", label: "Citizen power" },
];

interface Share {
  measure: string;
  percent: number;
  qualifier?: string;
  scope?: string;
  definitionSays: string;
}
const CITIES: { id: string; name: string; country: string; population: number; metropolitan?: number; sizeBand: string; shares: Share[] }[] = [
  {
    id: "aarhus", name: "Aarhus", country: "DK", population: 325000, sizeBand: "medium",
    shares: [{ measure: "non-western-origin", percent: 10, qualifier: "over", definitionSays: "non-Western origin" }],
  },
  {
    id: "brighton-and-hove", name: "Brighton and Hove", country: "GB", population: 280000, sizeBand: "medium",
    shares: [
      { measure: "minority-ethnic", percent: 20, qualifier: "over", definitionSays: "minority ethnic" },
      { measure: "foreign-born", percent: 20, qualifier: "nearly", definitionSays: "born abroad" },
    ],
  },
  {
    id: "helsinki", name: "Helsinki", country: "FI", population: 624000, metropolitan: 1400000, sizeBand: "large",
    shares: [
      { measure: "foreign-nationals", percent: 8.0, definitionSays: "Foreign citizens" },
      { measure: "foreign-born", percent: 11.1, definitionSays: "born abroad" },
      { measure: "foreign-born", percent: 20, qualifier: "up-to", scope: "some neighbourhoods", definitionSays: "born abroad" },
      { measure: "other-language-speakers", percent: 12.2, definitionSays: "other than Finnish or Swedish" },
    ],
  },
  {
    id: "tampere", name: "Tampere", country: "FI", population: 220000, sizeBand: "medium",
    shares: [
      { measure: "other-language-speakers", percent: 6, qualifier: "over", definitionSays: "other than Finnish or Swedish" },
      { measure: "migrants", percent: 18, qualifier: "up-to", scope: "some neighbourhoods", definitionSays: "Migrant populations" },
    ],
  },
  {
    id: "torino", name: "Torino", country: "IT", population: 899000, sizeBand: "large",
    shares: [{ measure: "foreign-nationals", percent: 16, definitionSays: "Foreign nationals" }],
  },
];

// Each plan's title as the report gives it; long titles are split into a main title and a subtitle.
const PLANS = [
  { city: "aarhus", title: "Rethink the Village: Trige – a modern village" },
  { city: "brighton-and-hove", title: "Engaging with the community", subtitle: "through the Joint Strategic Needs Assessment for International Migrants" },
  { city: "helsinki", title: "Promoting e-Participation for Immigrants" },
  { city: "tampere", title: "Inclusion as a tool for deeper integration", subtitle: "How to prepare migrant communities for civic participation and local elections" },
  { city: "torino", title: "Intercultural city and urban regeneration", subtitle: "Urban Barriera and the Turin’s Interfaith Centre" },
];

// A practice the papers place only in a country has no city.
const PRACTICES: { title: string; city?: string; country: string; cites: string }[] = [
  { title: "Democracity", city: "Aarhus", country: "DK", cites: LR },
  { title: "Art of Hosting", city: "Aarhus", country: "DK", cites: LR },
  { title: "City branding as an LGBT-friendly city", city: "Brighton and Hove", country: "GB", cites: LR },
  { title: "Multi-agency refugee and migrant forum", city: "Brighton and Hove", country: "GB", cites: LR },
  { title: "One Voice", city: "Brighton and Hove", country: "GB", cites: LR },
  { title: "City of Sanctuary", city: "Brighton and Hove", country: "GB", cites: LR },
  { title: "Learning walks in schools", city: "Brighton and Hove", country: "GB", cites: LR },
  { title: "Experiment for Local Democracy", city: "Helsinki", country: "FI", cites: LR },
  { title: "Open Ahjo", city: "Helsinki", country: "FI", cites: LR },
  { title: "Alvari", city: "Tampere", country: "FI", cites: LR },
  { title: "Valma forum", city: "Tampere", country: "FI", cites: LR },
  { title: "Migrant Council", city: "Tampere", country: "FI", cites: LR },
  { title: "Torino grows plural", city: "Torino", country: "IT", cites: LR },
  { title: "Involving migrant associations in active citizenship", city: "Torino", country: "IT", cites: LR },
  { title: "Neighbourhood houses", city: "Torino", country: "IT", cites: LR },
  { title: "Care, shared management and regeneration of the urban commons", city: "Torino", country: "IT", cites: LR },
  { title: "Urban Barriera", city: "Torino", country: "IT", cites: LR },
  { title: "Turin is my city", city: "Torino", country: "IT", cites: LR },
  { title: "I Love Hackney", city: "Hackney", country: "GB", cites: ER },
  { title: "One Oldham", city: "Oldham", country: "GB", cites: ER },
  { title: "Wij Amsterdammers", city: "Amsterdam", country: "NL", cites: ER },
  { title: "Oxlo: Oslo Extra Large", city: "Oslo", country: "NO", cites: ER },
  { title: "YaD Arts", country: "GB", cites: ER },
  { title: "Xenos – Living and Working in Diversity", country: "DE", cites: ER },
  { title: "Antirassistisch-Interkulturelles Informationszentrum", city: "Berlin", country: "DE", cites: ER },
  { title: "Centre de la Culture Judéo-Marocaine", city: "Brussels", country: "BE", cites: ER },
  { title: "Centre Bruxellois d'Action Interculturelle", city: "Brussels", country: "BE", cites: ER },
  { title: "COMPERIO Centrum Współpracy Kultur (Intercultural Cooperation Centre)", city: "Warsaw", country: "PL", cites: ER },
  { title: "The Salerno Laboratory for Inter-religious Dialogue", city: "Salerno", country: "IT", cites: ER },
  { title: "Derby Multi-Faith Centre", city: "Derby", country: "GB", cites: ER },
  { title: "The Faiths Forum (3FF)", country: "GB", cites: ER },
  { title: "Lewisham's Intercultural Cities programme", city: "Lewisham", country: "GB", cites: ER },
  { title: "Portsmouth's home festival", city: "Portsmouth", country: "GB", cites: ER },
  { title: "Fèisean (Gaelic festivals)", city: "Scottish Highlands and Islands", country: "GB", cites: ER },
  { title: "Isle of Dogs Music", city: "Isle of Dogs", country: "GB", cites: ER },
  { title: "Bataille Monument", city: "Kassel", country: "DE", cites: ER },
  { title: "Ristinummi 2.0", city: "Vaasa", country: "FI", cites: ER },
  { title: "The CityRepair", city: "Portland", country: "US", cites: ER },
  { title: "Project for Public Spaces (PPS)", city: "New York City", country: "US", cites: ER },
  { title: "Placemaking Chicago", city: "Chicago", country: "US", cites: ER },
  { title: "Newtown Neighbourhood project", city: "London", country: "GB", cites: ER },
  { title: "Nantes Council for the Citizenship of Foreigners (CNCE)", city: "Nantes", country: "FR", cites: ER },
];

// Figures the practices carry, exactly as given.
const PRACTICE_FIGURES = [
  { practice: "Experiment for Local Democracy", value: 10, unit: "pilots" },
  { practice: "Fèisean (Gaelic festivals)", value: 30, unit: "festivals", qualifier: "nearly" },
];

const documents = cohesionBelonging.entries.map((entry) => entry.document);
const ofKind = <T>(kind: string): T[] => documents.filter((document) => document["kind"] === kind) as unknown as T[];
const frameworks = ofKind<FrameworkData & { sources: { publication: string }[] }>("framework");
const framework = (id: string): FrameworkData => {
  const found = frameworks.find((candidate) => candidate.id === `cohesion-belonging.${id}`);
  if (found === undefined) throw new Error(`framework cohesion-belonging.${id} is missing`);
  return found;
};

describe("Cohesion and Belonging frameworks", () => {
  it("hold the domains of integration in the review's order", () => {
    const model = framework("integration-domains");
    expect(model.frameworkType).toBe("domain-model");
    const domains = model.items.filter((item) => item.itemType === "domain");
    expect(domains.map(({ id, title }) => ({ id, title }))).toEqual(DOMAINS);
  });

  it("file hyperlinked localism under the review's section on integration online and offline", () => {
    const glossary = framework("key-terms").glossary as readonly { term: string; sources?: readonly { section: string }[] }[] | undefined;
    const entry = glossary?.find((candidate) => candidate.term === "Hyperlinked localism");
    expect(entry?.sources?.map((source) => source.section)).toEqual(["4. Reviewing the evidence: Integration online and offline"]);
  });

  it("define the five key terms", () => {
    const terms = framework("key-terms");
    expect(terms.frameworkType).toBe("key-terms");
    expect(terms.items.map((item) => item.title)).toEqual(KEY_TERMS);
    for (const item of terms.items) expect(item.itemType).toBe("term");
  });

  it("hold social bonds, bridges and links as relationships", () => {
    const typology = framework("social-connections");
    expect(typology.items.map((item) => [item.title, item.itemType])).toEqual(SOCIAL_CONNECTIONS.map((title) => [title, "relationship"]));
  });

  it("group the factors promoting or hindering cohesion under the report's four headings, with both effects present", () => {
    const factors = framework("cohesion-factors");
    expect(factors.frameworkType).toBe("factors");
    expect(factors.items.map((item) => item.title)).toEqual(FACTORS);
    const effects = new Set(allItems(factors).map((item) => item.effect));
    expect(effects.has("promotes") && effects.has("hinders")).toBe(true);
  });

  it("hold the six areas where intervention works, in order", () => {
    const areas = framework("areas-of-intervention");
    expect(areas.frameworkType).toBe("areas-of-intervention");
    expect(areas.items.map(({ id, title }) => ({ id, title }))).toEqual(AREAS);
    for (const item of areas.items) expect(item.itemType).toBe("area-of-intervention");
  });

  it("hold the four kinds of challenge the projects met", () => {
    const challenges = framework("project-challenges");
    expect(challenges.items.map(({ id, title }) => ({ id, title }))).toEqual(CHALLENGES);
    for (const item of challenges.items) expect(item.itemType).toBe("challenge");
  });

  it("hold the barriers to civic participation and the factors of success", () => {
    const civic = framework("civic-participation");
    const byType = (type: string): string[] => civic.items.filter((item) => item.itemType === type).map((item) => item.title);
    expect(byType("barrier")).toEqual(BARRIERS);
    expect(byType("success-factor")).toEqual(SUCCESS_FACTORS);
  });

  it("hold the lessons learned under the report's two headings", () => {
    const lessons = framework("lessons-learned");
    expect(lessons.items.map((group) => ({ title: group.title, lessons: group.items?.length }))).toEqual(LESSON_GROUPS);
    for (const group of lessons.items) for (const item of group.items ?? []) expect(item.itemType).toBe("lesson");
  });

  it("name the groups often left out of civic life, missed by mainstreamed services, or most marginalised", () => {
    const excluded = framework("excluded-groups");
    expect(excluded.items.map((item) => ({ id: item.id, title: item.title, groups: item.items?.map((group) => group.title) }))).toEqual(EXCLUDED_GROUPS);
    const hidden = allItems(excluded).find((item) => item.id === "hidden-migrant-populations");
    expect(hidden?.items?.map((item) => item.title)).toEqual(HIDDEN_MIGRANTS);
  });

  it("hold Ager and Strang's levels of integration, from toleration to common belonging", () => {
    expect(framework("levels-of-integration").items.map((item) => item.title)).toEqual(LEVELS_OF_INTEGRATION);
  });

  it("hold the Council of Europe's Intercultural Cities prescriptions under intercultural models", () => {
    const models = framework("areas-of-intervention").items.find((item) => item.id === "intercultural-models");
    const programme = models?.items?.find((item) => item.id === "intercultural-cities");
    expect(programme?.title).toBe("The Council of Europe's Intercultural Cities programme");
    expect(programme?.items?.map((item) => item.title)).toEqual(INTERCULTURAL_CITIES);
  });

  it("hold the points where the projects intervened, section 6 of the lessons report", () => {
    expect(framework("intervention-points").items.map(({ id, title }) => ({ id, title }))).toEqual(INTERVENTION_POINTS.map(({ id, title }) => ({ id, title })));
  });

  it("list what the working group achieved within the project (section 8, Future)", () => {
    const programmes = (framework("lessons-learned").programmes ?? []) as readonly { id: string; name: string; outputs?: readonly string[] }[];
    const outputs = programmes.find((programme) => programme.id === "cohesion-and-belonging-city-working-group")?.outputs ?? [];
    const achieved = outputs.filter((output) => output.startsWith("Achieved within the project"));
    expect(achieved).toHaveLength(ACHIEVEMENTS.length);
    ACHIEVEMENTS.forEach((achievement, index) => expect(achieved[index]).toContain(achievement));
  });

  it("describe the Action for Inclusion programme and the City Working Group with its five cities", () => {
    const programmes = (framework("lessons-learned").programmes ?? []) as { id: string; name: string; partners?: { placeRef?: string }[] }[];
    expect(programmes.map((programme) => programme.name)).toEqual(["Action for Inclusion in Europe", "Cohesion and Belonging City Working Group"]);
    const group = programmes[1];
    expect(group?.partners?.map((partner) => partner.placeRef)).toEqual(CITIES.map((city) => `cohesion-belonging.${city.id}`));
  });
});

describe("Arnstein's ladder of participation", () => {
  const ladder = ofKind<{ id: string; levels: { id: string; label: string; value: number; group: string }[]; groups: { id: string; label: string }[] }>("scale").find(
    (scale) => scale.id === "cohesion-belonging.arnstein-ladder",
  );

  it("has the eight rungs from manipulation to citizen control, valued 1 to 8", () => {
    expect(ladder?.levels.map(({ id, label, group }) => ({ id, label, group }))).toEqual(RUNGS);
    expect(ladder?.levels.map((level) => level.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("groups them as non-participation, tokenism and citizen power", () => {
    expect(ladder?.groups).toHaveLength(3);
    expect(ladder?.groups.map(({ id, label }) => ({ id, label }))).toEqual(RUNG_GROUPS);
  });
});

describe("The five cities", () => {
  const places = ofKind<{
    id: string;
    name: string;
    country: string;
    sizeBand: string;
    population: { value: number };
    metropolitanPopulation?: { value: number };
    migrantShares: { measure: string; percent: number; qualifier?: string; scope?: string; definition: string }[];
  }>("place");

  it("are exactly the five cities of the working group", () => {
    expect(places.map((place) => place.id)).toEqual(CITIES.map((city) => `cohesion-belonging.${city.id}`));
  });

  it.each(CITIES)("$name has its population, size band and migrant shares as given", (city) => {
    const place = places.find((candidate) => candidate.id === `cohesion-belonging.${city.id}`);
    expect(place).toMatchObject({ name: city.name, country: city.country, sizeBand: city.sizeBand, population: { value: city.population } });
    expect(place?.metropolitanPopulation?.value).toBe(city.metropolitan);
    const shares = place?.migrantShares.map(({ measure, percent, qualifier, scope }) => ({ measure, percent, qualifier, scope }));
    expect(shares).toEqual(city.shares.map(({ measure, percent, qualifier, scope }) => ({ measure, percent, qualifier, scope })));
    city.shares.forEach((share, index) => expect(place?.migrantShares[index]?.definition).toContain(share.definitionSays));
  });
});

describe("The five action plans", () => {
  const plans = ofKind<{ schemeKind: string; title: string; subtitle?: string; placeRef: string; challengesMet: unknown[]; areas: string[] }>("scheme");

  it.each(PLANS)("$city has its action plan with the report's title", (plan) => {
    const scheme = plans.find((candidate) => candidate.placeRef === `cohesion-belonging.${plan.city}`);
    expect(scheme?.schemeKind).toBe("action-plan");
    expect(scheme?.title).toBe(plan.title);
    expect(scheme?.subtitle).toBe(plan.subtitle);
    expect(scheme?.challengesMet).toHaveLength(CHALLENGES.length);
    expect(scheme?.areas.length).toBeGreaterThan(0);
  });

  it.each(INTERVENTION_POINTS)("place their project at the intervention point \"$title\"", (point) => {
    const at = plans.filter((plan) => plan.areas.includes(`cohesion-belonging.intervention-points#${point.id}`));
    expect(at.map((plan) => plan.placeRef.replace("cohesion-belonging.", "")).sort()).toEqual(point.cities);
  });

  it("are the only schemes", () => {
    expect(plans).toHaveLength(PLANS.length);
  });
});

describe("Practices named in the two papers", () => {
  const practices = ofKind<{
    title: string;
    city?: string;
    country: string;
    sources: { publication: string }[];
    outcomes?: { value: number; unit: string; qualifier?: string }[];
  }>("practice");

  it("are all present, each once, with city, country and the paper that names it", () => {
    expect(practices.map((practice) => practice.title).sort()).toEqual(PRACTICES.map((practice) => practice.title).sort());
    for (const expected of PRACTICES) {
      const practice = practices.find((candidate) => candidate.title === expected.title);
      expect(practice, expected.title).toBeDefined();
      expect(practice?.city, expected.title).toBe(expected.city);
      expect(practice?.country, expected.title).toBe(expected.country);
      expect(practice?.sources[0]?.publication, expected.title).toBe(expected.cites);
    }
  });

  it("cites Turin's urban commons to the sections that discuss them (3, and 5 under designing integration into places)", () => {
    const commons = practices.find((practice) => practice.title === "Care, shared management and regeneration of the urban commons") as { sources: { section: string }[] } | undefined;
    expect(commons?.sources.map((source) => source.section)).toEqual([
      "3. The cities and their plans: Torino, Italy",
      "5. Lessons learnt about building cohesion and belonging: Designing integration into places",
    ]);
  });

  it.each(PRACTICE_FIGURES)("$practice carries its figure", (figure) => {
    const practice = practices.find((candidate) => candidate.title === figure.practice);
    const { practice: _name, ...expected } = figure;
    expect(practice?.outcomes).toContainEqual(expect.objectContaining(expected));
  });
});
