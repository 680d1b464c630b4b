/*
 * Small, valid documents of every kind that reference one another, for this package's tests.
 * The wording is made up for the tests; it is not content.
 */

const sources = [{ publication: "Test publication", year: 2014, section: "Test section" }];

export const framework = {
  kind: "framework",
  schemaVersion: "1.0",
  id: "test.domains",
  title: "Test domains",
  frameworkType: "domain-model",
  items: [
    { id: "structural", title: "Structural", itemType: "domain" },
    {
      id: "social",
      title: "Social",
      itemType: "domain",
      items: [{ id: "bridges", title: "Bridges", itemType: "relationship" }],
    },
    { id: "theme-participation", title: "Participation theme", itemType: "theme", benchmarkRefs: ["test.participation"] },
  ],
  sources,
};

export const scale = {
  kind: "scale",
  schemaVersion: "1.0",
  id: "test.ladder",
  title: "Test ladder",
  levels: [
    { id: "low", label: "Low", value: 1, group: "bottom" },
    { id: "middle", label: "Middle", value: 2, group: "bottom" },
    { id: "high", label: "High", value: 3, group: "top" },
  ],
  groups: [
    { id: "bottom", label: "Bottom" },
    { id: "top", label: "Top" },
  ],
};

export const benchmark = {
  kind: "benchmark",
  schemaVersion: "1.0",
  id: "test.participation",
  version: "1.0.0",
  title: "Test participation benchmark",
  themeRef: "test.domains#theme-participation",
  standard: "The city involves residents in decisions about their area.",
  defaultScale: "cohesion.maturity",
  sections: [
    {
      id: "engagement",
      title: "Engagement",
      keyFactors: [
        {
          id: "stakeholders",
          number: 1,
          title: "Stakeholders",
          guideQuestions: [
            {
              id: "q-who",
              text: "Who takes part?",
              subQuestions: [
                { id: "q-who-groups", text: "Which groups?", weight: 2 },
                { id: "q-who-reach", text: "How are they reached?" },
              ],
            },
          ],
          practiceRefs: ["test.market-hall"],
        },
        {
          id: "resources",
          number: 2,
          title: "Resources",
          guideQuestions: [{ id: "q-budget", text: "Is there a budget?" }],
        },
      ],
    },
    {
      id: "follow-up",
      title: "Follow-up",
      weight: 0.5,
      keyFactors: [
        {
          id: "evaluation",
          title: "Evaluation",
          guideQuestions: [{ id: "q-evaluate", text: "Is the scheme evaluated?" }],
          recommendedActions: [{ id: "survey", title: "Yearly survey", practiceRefs: ["test.market-hall"] }],
        },
      ],
    },
  ],
  contextFactors: [
    { id: "funding", title: "Funding" },
    { id: "politics", title: "Politics", mayInvolve: ["Elections"] },
  ],
  sources,
};

export const benchmarkV2 = {
  ...benchmark,
  version: "1.10.0",
  sections: [
    ...benchmark.sections,
    {
      id: "learning",
      title: "Learning",
      keyFactors: [{ id: "exchange", title: "Exchange", guideQuestions: [{ id: "q-exchange", text: "Do you learn from peers?" }] }],
    },
  ],
};

export const place = {
  kind: "place",
  schemaVersion: "1.0",
  id: "test.aarhus",
  name: "Aarhus",
  country: "DK",
  population: { value: 330000, year: 2015, qualifier: "about" },
  sizeBand: "medium",
  migrantShares: [{ measure: "foreign-born", percent: 14.5, year: 2015, definition: "Born abroad." }],
  sources,
};

export const practice = {
  kind: "practice",
  schemaVersion: "1.0",
  id: "test.market-hall",
  title: "Market hall meetings",
  city: "Aarhus",
  country: "DK",
  placeRef: "test.aarhus",
  period: { start: "2012", end: "2014-06" },
  summary: "Residents meet monthly in the market hall.",
  budget: [{ amount: 25000, currency: "EUR", per: "year" }],
  outcomes: [{ indicator: "Visitors", value: 400, unit: "people", year: 2013 }],
  keyFactors: ["test.participation#stakeholders"],
  domains: ["test.domains#bridges"],
  links: [{ title: "Project page", url: "https://example.org/market-hall" }],
  sources,
};

export const participationScheme = {
  kind: "scheme",
  schemaVersion: "1.0",
  schemeKind: "participation",
  id: "test.gellerup-panel",
  title: "Gellerup panel",
  placeRef: "test.aarhus",
  area: { name: "Gellerup", placeRef: "test.aarhus" },
  participationLevel: { scale: "test.ladder", level: "middle" },
  benchmark: { id: "test.participation", version: "1.0.0" },
  practiceRefs: ["test.market-hall"],
  sources,
};

export const mentoringScheme = {
  kind: "scheme",
  schemaVersion: "1.0",
  schemeKind: "mentoring",
  id: "test.mentoring",
  title: "Mentoring",
  mentor: { city: "Aarhus", country: "DK", placeRef: "test.aarhus" },
  mentees: [{ city: "Tampere", country: "FI" }],
  benchmark: { id: "test.participation" },
  phases: [{ id: "visit", title: "Visit", studyVisits: [{ host: "Aarhus", date: "2014-03" }] }],
  actionPlan: { objectives: [{ id: "panel", title: "Set up a panel" }] },
  sources,
};

export const actionPlanScheme = {
  kind: "scheme",
  schemaVersion: "1.0",
  schemeKind: "action-plan",
  id: "test.plan",
  title: "Plan",
  aims: [{ id: "trust", title: "More trust" }],
  steps: [{ id: "start", title: "Start", timeline: { start: "2016" } }],
  challengesMet: [{ challenge: "test.domains#structural" }],
  areas: ["test.domains#social"],
  sources,
};

export const assessment = {
  kind: "assessment",
  schemaVersion: "1.0",
  id: "test.aarhus-2014",
  benchmark: { id: "test.participation", version: "1.0.0" },
  subject: { type: "place", ref: "test.aarhus", name: "Aarhus", country: "DK" },
  method: "self",
  assessedBy: [{ name: "Integration office", sector: "public" }],
  assessedOn: "2014-05-01",
  answers: {
    "q-who-groups": { level: "partial", evidence: "Two groups join." },
    "q-who-reach": { level: "n/a" },
    "q-budget": { level: "full" },
  },
  contextFactors: { funding: { influence: "enabling" } },
  targets: { overall: 75, keyFactors: { stakeholders: 80 } },
  illustrative: true,
};

export const scoreReport = {
  kind: "score-report",
  schemaVersion: "1.0",
  assessment: { id: "test.aarhus-2014", subject: "Aarhus", assessedOn: "2014-05-01" },
  benchmark: { id: "test.participation", version: "1.0.0" },
  model: { id: "cohesion.weighted-mean", version: "1.0.0", parameters: { minCoverage: 0.5 } },
  overall: {
    ref: "overall",
    level: "overall",
    score: 62.5,
    coverage: 0.8,
    status: "scored",
    weight: 1,
    band: { id: "developing", label: "Developing" },
    trace: [{ ref: "engagement", input: "child", score: 62.5, weight: 1, share: 1, contribution: 62.5 }],
    children: [
      {
        ref: "engagement",
        level: "section",
        score: null,
        coverage: 0,
        status: "unanswered",
        weight: 1,
        children: [{ ref: "q-budget", level: "guide-question", score: 100, coverage: 1, status: "scored", weight: 1, answer: "full" }],
      },
    ],
  },
  standardMet: null,
  gaps: [{ keyFactor: "test.participation#stakeholders", score: 50, target: 80, difference: 30, weight: 0.5, priority: 15, targetSource: "key-factor-target" }],
  recommendations: [
    {
      keyFactor: "test.participation#stakeholders",
      practices: [
        {
          practice: "test.market-hall",
          similarity: 0.9,
          similarityFactors: [{ dimension: "size", similarity: null, weight: 1, note: "No population known." }],
          reason: "Same city size.",
        },
      ],
    },
  ],
  peers: {
    population: 3,
    groups: [
      {
        dimension: "all",
        id: "all",
        label: "All cities",
        members: 3,
        overall: {
          ref: "overall",
          score: 62.5,
          rank: 1,
          of: 3,
          rankText: "1st of 3",
          percentile: 100,
          quartiles: { q1: 40, median: 50, q3: 62.5 },
          histogram: [{ from: 0, to: 50, count: 2 }],
        },
        keyFactors: [{ ref: "stakeholders", score: null, rank: null, of: 3, rankText: "unranked", percentile: null, histogram: [] }],
      },
    ],
  },
  mentors: [
    {
      assessment: "test.tampere-2014",
      subject: "Tampere",
      match: 0.7,
      strength: 0.8,
      similarity: 0.6,
      keyFactors: [{ keyFactor: "test.participation#stakeholders", mentorScore: 90, menteeScore: 50, lead: 40 }],
      reason: "Strong where Aarhus is weak.",
    },
  ],
  messages: [{ code: "unknown_answer_ignored", severity: "warning", message: "An answer was ignored.", pointer: "/answers/x", params: { id: "x" } }],
};

export const pluginManifest = {
  kind: "plugin-manifest",
  schemaVersion: "1.0",
  id: "test",
  manifestVersion: 1,
  displayName: "Test plugin",
  engines: { cohesion: "^0.1.0" },
  main: "./dist/index.js",
  contributes: {
    benchmarks: ["content/benchmark.json"],
    scoringModels: [{ id: "test.model", title: "Test model" }],
    adapters: [{ id: "test.csv", title: "CSV", format: "csv", direction: "both" }],
    schemaExtensions: [{ kind: "practice", patch: "schema/practice.patch.json" }],
  },
};

/** One valid document of every kind, keyed by a name for test titles. */
export const VALID_DOCUMENTS = {
  framework,
  scale,
  benchmark,
  benchmarkV2,
  place,
  practice,
  participationScheme,
  mentoringScheme,
  actionPlanScheme,
  assessment,
  scoreReport,
  pluginManifest,
} as const;
