// DO NOT EDIT — generated from schemas/ by scripts/codegen.mjs
/* eslint-disable */

/**
 * Any Cohesion document; `kind` tells which.
 */
export type CohesionDocument =
  Framework | Scale | Benchmark | Practice | Place | Scheme | Assessment | ScoreReport | PluginManifest;
/**
 * MAJOR.MINOR version of the Cohesion schemas, for example "1.0".
 */
export type SchemaVersion = string;
/**
 * A document id: the plugin's namespace, a dot, then a kebab-case name, for example "eurocities.neighbourhood-participation".
 */
export type NamespacedId = string;
/**
 * A name, label or title.
 */
export type ShortText = string;
/**
 * Free text written in our own words.
 */
export type Text = string;
/**
 * A semantic version MAJOR.MINOR.PATCH, for example "1.0.0".
 */
export type Version = string;
/**
 * A kebab-case id (lower-case letters and digits joined by single hyphens, for example "participation-strategy"), unique within its parent document (a key factor, a guide question, a level).
 */
export type LocalId = string;
/**
 * A calendar year.
 */
export type Year = number;
/**
 * Whose content a prose field holds: the cited source's, restated in our own words, or Cohesion's own.
 * - `"source"`: Restates what the cited source says, in our own words; the source stands behind it.
 * - `"editorial"`: Written for Cohesion: a gloss, summary, judgement, assumption, invented illustration or question that the cited source does not give.
 */
export type Provenance = "source" | "editorial";
/**
 * The publications this content is drawn from; at least one.
 *
 * @minItems 1
 */
export type Sources = Source[];
/**
 * A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.
 */
export type PartialDate = string;
/**
 * ISO 3166-1 alpha-2 country code in capitals, for example "DK".
 */
export type CountryCode = string;
/**
 * How exactly the source states the figure.
 * - `"exactly"`: The source gives the figure as is.
 * - `"about"`: The source gives an approximate figure (around, some, roughly).
 * - `"over"`: The source says more than the figure.
 * - `"under"`: The source says less than the figure.
 * - `"nearly"`: The source says almost the figure.
 * - `"up-to"`: The figure is a maximum (for example, in some neighbourhoods).
 * - `"at-least"`: The figure is a minimum.
 */
export type Qualifier = "exactly" | "about" | "over" | "under" | "nearly" | "up-to" | "at-least";
/**
 * A domain, area of intervention, theme or other framework item addressed as <frameworkId>#<itemId>.
 */
export type FrameworkItemReference = string;
/**
 * A relative weight; siblings are weighted in proportion to it. Defaults to 1.
 */
export type Weight = number;
/**
 * A share from 0 to 100.
 */
export type Percentage = number;
/**
 * A key factor addressed as <benchmarkId>#<keyFactorId>, for example "eurocities.neighbourhood-participation#stakeholders".
 */
export type KeyFactorReference = string;
/**
 * An initiative run over time: a neighbourhood participation scheme, a city-to-city mentoring scheme or a city's action plan, told apart by schemeKind.
 */
export type Scheme = (ParticipationScheme | MentoringScheme | ActionPlanScheme) & {
  /**
   * Always "scheme": tells a validator which schema this document follows.
   */
  kind: "scheme";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Which kind of scheme this is.
   * - `"participation"`: A neighbourhood participation scheme.
   * - `"mentoring"`: A city-to-city mentoring scheme.
   * - `"action-plan"`: A city's plan of reform.
   */
  schemeKind: "participation" | "mentoring" | "action-plan";
  /**
   * Namespaced id of the scheme.
   */
  id: NamespacedId;
  /**
   * Name of the scheme.
   */
  title: ShortText;
  /**
   * The rest of a long name, after its main part.
   */
  subtitle?: ShortText;
  /**
   * What the scheme is, in our own words.
   */
  summary?: Text;
  /**
   * The place the scheme belongs to.
   */
  placeRef?: NamespacedId;
  /**
   * When it runs.
   */
  period?: Period;
  /**
   * Where the scheme stands.
   * - `"planned"`: Not started yet.
   * - `"running"`: Under way.
   * - `"completed"`: Finished.
   */
  status?: "planned" | "running" | "completed";
  /**
   * Organisations and groups taking part.
   */
  partners?: Actor[];
  /**
   * Practices the scheme draws on or produced.
   */
  practiceRefs?: NamespacedId[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
};
/**
 * A calendar date, YYYY-MM-DD.
 */
export type CalendarDate = string;
/**
 * A score from 0 to 100.
 */
export type Score = number;

/**
 * A taxonomy: domains of integration, areas of intervention, the themes of a toolkit series, the objectives of a checklist, factors, key terms.
 */
export interface Framework {
  /**
   * Always "framework": tells a validator which schema this document follows.
   */
  kind: "framework";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the framework.
   */
  id: NamespacedId;
  /**
   * Name of the framework.
   */
  title: ShortText;
  /**
   * What the framework organises.
   * - `"domain-model"`: A model of integration domains.
   * - `"areas-of-intervention"`: Areas where intervention works.
   * - `"toolkit-series"`: The themes of a series of toolkits.
   * - `"checklist"`: Objectives of a policy checklist, in blocks.
   * - `"key-terms"`: Defined key terms.
   * - `"factors"`: Factors that promote or hinder an outcome.
   * - `"typology"`: Any other classification.
   */
  frameworkType:
    "domain-model" | "areas-of-intervention" | "toolkit-series" | "checklist" | "key-terms" | "factors" | "typology";
  /**
   * What the framework is for, in our own words.
   */
  description?: Text;
  /**
   * Version of this framework's content.
   */
  version?: Version;
  /**
   * The top-level items, in the order of the source.
   *
   * @minItems 1
   */
  items: FrameworkItem[];
  /**
   * Terms the framework defines.
   */
  glossary?: GlossaryEntry[];
  /**
   * Projects and programmes behind the framework.
   */
  programmes?: Programme[];
  /**
   * Figures the source cites as evidence.
   */
  statistics?: Statistic[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
/**
 * One item of a framework; items may nest.
 *
 * This interface was referenced by `Framework`'s JSON-Schema
 * via the `definition` "frameworkItem".
 */
export interface FrameworkItem {
  /**
   * Id of the item, unique within the framework.
   */
  id: LocalId;
  /**
   * Name of the item, whole and exactly as the source gives it.
   */
  title: ShortText;
  /**
   * @deprecated
   * The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts).
   *
   * @minItems 2
   */
  titleParts?: ShortText[];
  /**
   * A label the source uses for it, such as "Theme C", "Objective 4" or "Block 2".
   */
  code?: string;
  /**
   * What kind of item this is.
   * - `"domain"`: A domain of integration.
   * - `"area-of-intervention"`: An area where intervention has been seen to work.
   * - `"theme"`: A theme of a toolkit series.
   * - `"block"`: A block grouping objectives.
   * - `"objective"`: An objective of a checklist.
   * - `"factor"`: A factor that promotes or hinders an outcome.
   * - `"term"`: A key term.
   * - `"relationship"`: A kind of social tie (bonds, bridges, links).
   * - `"challenge"`: A kind of challenge that plans meet.
   * - `"lesson"`: A lesson learned.
   * - `"barrier"`: A barrier to an outcome.
   * - `"success-factor"`: A condition for success.
   */
  itemType?:
    | "domain"
    | "area-of-intervention"
    | "theme"
    | "block"
    | "objective"
    | "factor"
    | "term"
    | "relationship"
    | "challenge"
    | "lesson"
    | "barrier"
    | "success-factor";
  /**
   * What the item means, in our own words.
   */
  description?: Text;
  /**
   * When the item was introduced, for example the year a toolkit theme appeared.
   */
  year?: Year;
  /**
   * For a factor: whether it promotes or hinders the outcome.
   * - `"promotes"`: Helps the outcome.
   * - `"hinders"`: Stands in its way.
   * - `"mixed"`: Can work either way.
   */
  effect?: "promotes" | "hinders" | "mixed";
  /**
   * Short illustrations of the item.
   */
  examples?: Text[];
  /**
   * Benchmarks that encode this item, for a theme.
   */
  benchmarkRefs?: NamespacedId[];
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this framework item, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words description holds.
     */
    description?: Provenance;
    /**
     * Whose words examples holds (the value covers every item of the list).
     */
    examples?: Provenance;
  };
  /**
   * Items nested below this one.
   */
  items?: FrameworkItem[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources?: Sources;
}
/**
 * Where a piece of content comes from: the publication, its year and the section it is drawn from.
 */
export interface Source {
  /**
   * The title of the publication.
   */
  publication: ShortText;
  /**
   * Authors or authoring organisations.
   */
  authors?: ShortText[];
  /**
   * The organisation that published it.
   */
  publisher?: ShortText;
  /**
   * Year of publication.
   */
  year: Year;
  /**
   * The chapter, section or heading the content is drawn from.
   */
  section: ShortText;
  /**
   * Page or page range, when known.
   */
  pages?: string;
  /**
   * Where the publication can be found.
   */
  url?: string;
}
/**
 * A term and what it means in this document.
 */
export interface GlossaryEntry {
  /**
   * The term defined.
   */
  term: ShortText;
  /**
   * What the term means, in our own words.
   */
  definition: Text;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this glossary entry, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words definition holds.
     */
    definition?: Provenance;
  };
  /**
   * The publications this content is drawn from; at least one.
   */
  sources?: Sources;
}
/**
 * A project or programme with its dates, lead and partners.
 *
 * This interface was referenced by `Framework`'s JSON-Schema
 * via the `definition` "programme".
 */
export interface Programme {
  /**
   * Id of the programme within the framework.
   */
  id: LocalId;
  /**
   * Name of the programme.
   */
  name: ShortText;
  /**
   * Its short name.
   */
  acronym?: string;
  /**
   * When it ran.
   */
  period?: Period;
  /**
   * The organisation that led it.
   */
  lead?: Actor;
  /**
   * Partners that took part.
   */
  partners?: Actor[];
  /**
   * Who funded it and through which fund.
   */
  funding?: Text;
  /**
   * What it did, in our own words.
   */
  description?: Text;
  /**
   * What it produced, such as toolkits.
   */
  outputs?: Text[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
/**
 * When something ran, as precisely as the source says.
 */
export interface Period {
  /**
   * When it began.
   */
  start?: PartialDate;
  /**
   * When it ended or is planned to end.
   */
  end?: PartialDate;
  /**
   * True when the source presents it as still running.
   */
  ongoing?: boolean;
  /**
   * A length of time when the source gives one instead of dates, for example "18 months".
   */
  duration?: ShortText;
  /**
   * Anything else the source says about timing.
   */
  note?: Text;
}
/**
 * A person, organisation or group with a part in something.
 */
export interface Actor {
  /**
   * Name of the organisation, group or person.
   */
  name: ShortText;
  /**
   * What part it plays.
   */
  role?: Text;
  /**
   * Which sector it belongs to.
   * - `"public"`: A public authority or agency.
   * - `"private"`: A business.
   * - `"civil-society"`: An NGO, association or foundation.
   * - `"community"`: Residents or an informal group.
   * - `"academic"`: A university or research body.
   * - `"international"`: A European or international body.
   * - `"funder"`: A body whose part is to fund.
   */
  sector?: "public" | "private" | "civil-society" | "community" | "academic" | "international" | "funder";
  /**
   * The actor's country.
   */
  country?: CountryCode;
  /**
   * The place document of a city actor.
   */
  placeRef?: NamespacedId;
}
/**
 * A figure cited as evidence, with its own source.
 */
export interface Statistic {
  /**
   * Id of the statistic within its document.
   */
  id: LocalId;
  /**
   * What the figure shows, in our own words.
   */
  statement: Text;
  /**
   * The figures behind the statement.
   *
   * @minItems 1
   */
  figures: Figure[];
  /**
   * The study or dataset the publication itself cites for the figure.
   */
  citedSource?: ShortText;
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
/**
 * A measured or counted quantity: an outcome, an indicator or a statistic.
 */
export interface Figure {
  /**
   * What is measured.
   */
  indicator: Text;
  /**
   * The number as the source gives it.
   */
  value: number;
  /**
   * The unit of the value, for example "people", "visits per month", "percent", "EUR".
   */
  unit: ShortText;
  /**
   * The year the figure refers to.
   */
  year?: Year;
  /**
   * The period the figure refers to, when more than a year.
   */
  period?: Period;
  /**
   * How exactly the source states the figure.
   */
  qualifier?: Qualifier;
  /**
   * Where the figure applies, when narrower or wider than the document's subject.
   */
  place?: ShortText;
  /**
   * Anything needed to read the figure correctly.
   */
  note?: Text;
}
/**
 * An ordered set of levels with labels and numeric values, used to answer guide questions. The first level is the lowest.
 */
export interface Scale {
  /**
   * Always "scale": tells a validator which schema this document follows.
   */
  kind: "scale";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the scale.
   */
  id: NamespacedId;
  /**
   * Name of the scale.
   */
  title: ShortText;
  /**
   * How the scale is meant to be used.
   */
  description?: Text;
  /**
   * The levels from lowest to highest; values must increase.
   *
   * @minItems 2
   */
  levels: {
    /**
     * Id of the level, used in answers.
     */
    id: LocalId;
    /**
     * What the level is called.
     */
    label: ShortText;
    /**
     * Numeric value of the level; scoring maps the lowest value to 0 and the highest to 100.
     */
    value: number;
    /**
     * What the level means.
     */
    description?: Text;
    /**
     * Id of the group the level belongs to.
     */
    group?: LocalId;
  }[];
  /**
   * Groups of levels, such as the three groups of Arnstein's ladder.
   */
  groups?: {
    /**
     * Id of the group.
     */
    id: LocalId;
    /**
     * What the group is called.
     */
    label: ShortText;
    /**
     * What the group means.
     */
    description?: Text;
  }[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources?: Sources;
}
/**
 * A qualitative standard for local integration policy: the standard, sections of key factors with guide questions, and context factors.
 */
export interface Benchmark {
  /**
   * Always "benchmark": tells a validator which schema this document follows.
   */
  kind: "benchmark";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the benchmark.
   */
  id: NamespacedId;
  /**
   * Version of this benchmark's content; answers are given to one version.
   */
  version: Version;
  /**
   * Title of the benchmark exactly as the source gives it.
   */
  title: ShortText;
  /**
   * The network or organisation that owns the benchmark.
   */
  publisher?: ShortText;
  /**
   * The toolkit theme this benchmark belongs to.
   */
  themeRef?: FrameworkItemReference;
  /**
   * The standard a city meets, in our own words.
   */
  standard: Text;
  /**
   * Why the standard matters, in our own words.
   */
  rationale?: Text;
  /**
   * Notes on what the benchmark covers and how to read it.
   */
  coverage?: Text[];
  /**
   * Terms used in the benchmark.
   */
  glossary?: GlossaryEntry[];
  /**
   * Id of the scale answers use unless an assessment names another.
   */
  defaultScale: NamespacedId;
  /**
   * Sections of key factors, in the order of the source.
   *
   * @minItems 1
   */
  sections: Section[];
  /**
   * Circumstances that affect a city's ability to meet the benchmark.
   */
  contextFactors?: ContextFactor[];
  /**
   * Cities and organisations that shaped the benchmark.
   */
  contributors?: Actor[];
  /**
   * Figures the source cites as evidence.
   */
  statistics?: Statistic[];
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this benchmark, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words standard holds.
     */
    standard?: Provenance;
    /**
     * Whose words rationale holds.
     */
    rationale?: Provenance;
    /**
     * Whose words coverage holds (the value covers every item of the list).
     */
    coverage?: Provenance;
  };
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
/**
 * A group of key factors.
 *
 * This interface was referenced by `Benchmark`'s JSON-Schema
 * via the `definition` "section".
 */
export interface Section {
  /**
   * Id of the section, unique within the benchmark.
   */
  id: LocalId;
  /**
   * Title of the section exactly as the source gives it.
   */
  title: ShortText;
  /**
   * What the section covers.
   */
  description?: Text;
  /**
   * Weight among the sections.
   */
  weight?: Weight;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this section, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words description holds.
     */
    description?: Provenance;
  };
  /**
   * Key factors of the section, in order.
   *
   * @minItems 1
   */
  keyFactors: KeyFactor[];
}
/**
 * A critical condition for meeting the standard.
 *
 * This interface was referenced by `Benchmark`'s JSON-Schema
 * via the `definition` "keyFactor".
 */
export interface KeyFactor {
  /**
   * Id of the key factor, unique within the benchmark.
   */
  id: LocalId;
  /**
   * The number the source gives the key factor.
   */
  number?: number;
  /**
   * Title of the key factor, whole and exactly as the source gives it.
   */
  title: ShortText;
  /**
   * @deprecated
   * The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts).
   *
   * @minItems 2
   */
  titleParts?: ShortText[];
  /**
   * What a city meeting this key factor does, in our own words.
   */
  statement?: Text;
  /**
   * Why it matters and how to go about it, in our own words.
   */
  rationale?: Text;
  /**
   * What to avoid.
   */
  pitfalls?: Text[];
  /**
   * Weight among the key factors of its section.
   */
  weight?: Weight;
  /**
   * Questions a city answers to test itself; at least one.
   *
   * @minItems 1
   */
  guideQuestions: GuideQuestion[];
  /**
   * Short practical advice.
   */
  practicalTips?: Text[];
  /**
   * Actions or tools that could work.
   */
  recommendedActions?: RecommendedAction[];
  /**
   * Practices that illustrate this key factor.
   */
  practiceRefs?: NamespacedId[];
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this key factor, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words statement holds.
     */
    statement?: Provenance;
    /**
     * Whose words rationale holds.
     */
    rationale?: Provenance;
    /**
     * Whose words pitfalls holds (the value covers every item of the list).
     */
    pitfalls?: Provenance;
    /**
     * Whose words practicalTips holds (the value covers every item of the list).
     */
    practicalTips?: Provenance;
  };
  /**
   * The publications this content is drawn from; at least one.
   */
  sources?: Sources;
}
/**
 * A question a city answers about itself; it may nest sub-questions.
 *
 * This interface was referenced by `Benchmark`'s JSON-Schema
 * via the `definition` "guideQuestion".
 */
export interface GuideQuestion {
  /**
   * Id of the question, unique within the benchmark; answers refer to it.
   */
  id: LocalId;
  /**
   * The question, in our own words.
   */
  text: Text;
  /**
   * What to look for when answering.
   */
  guidance?: Text;
  /**
   * Weight among its sibling questions.
   */
  weight?: Weight;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this guide question, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words text holds.
     */
    text?: Provenance;
    /**
     * Whose words guidance holds.
     */
    guidance?: Provenance;
  };
  /**
   * Questions that detail this one; their answers roll up into it.
   */
  subQuestions?: GuideQuestion[];
}
/**
 * An action or tool that could work.
 *
 * This interface was referenced by `Benchmark`'s JSON-Schema
 * via the `definition` "recommendedAction".
 */
export interface RecommendedAction {
  /**
   * Id of the action within its key factor.
   */
  id: LocalId;
  /**
   * Name of the action.
   */
  title: ShortText;
  /**
   * What the action involves, in our own words.
   */
  description?: Text;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this recommended action, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words description holds.
     */
    description?: Provenance;
  };
  /**
   * Practices that show the action at work.
   */
  practiceRefs?: NamespacedId[];
}
/**
 * A circumstance that can help or hinder a city in meeting the benchmark.
 *
 * This interface was referenced by `Benchmark`'s JSON-Schema
 * via the `definition` "contextFactor".
 */
export interface ContextFactor {
  /**
   * Id of the context factor, unique within the benchmark.
   */
  id: LocalId;
  /**
   * Title, whole and exactly as the source gives it.
   */
  title: ShortText;
  /**
   * @deprecated
   * The title in parts, joined with single spaces, from before titles could be whole. Deprecated since schema version 1.2: give the whole title in title (`cohesion migrate` joins the parts).
   *
   * @minItems 2
   */
  titleParts?: ShortText[];
  /**
   * What the factor is about.
   */
  description?: Text;
  /**
   * What the factor may involve.
   */
  mayInvolve?: Text[];
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this context factor, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words description holds.
     */
    description?: Provenance;
    /**
     * Whose words mayInvolve holds (the value covers every item of the list).
     */
    mayInvolve?: Provenance;
  };
}
/**
 * A good-practice example from a city: what it did, who took part, what it cost and what it achieved.
 */
export interface Practice {
  /**
   * Always "practice": tells a validator which schema this document follows.
   */
  kind: "practice";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the practice.
   */
  id: NamespacedId;
  /**
   * Name of the practice.
   */
  title: ShortText;
  /**
   * The rest of a long name, after its main part.
   */
  subtitle?: ShortText;
  /**
   * Its name in the local language, when the source gives one.
   */
  localTitle?: ShortText;
  /**
   * The city where it took place; left out when the source names only a country.
   */
  city?: ShortText;
  /**
   * The country.
   */
  country: CountryCode;
  /**
   * The place document of the city, when there is one.
   */
  placeRef?: NamespacedId;
  /**
   * When it ran.
   */
  period?: Period;
  /**
   * What the practice is, in our own words.
   */
  summary: Text;
  /**
   * What it did.
   */
  activities?: Text[];
  /**
   * Who ran it or took part.
   */
  actors?: Actor[];
  /**
   * What it cost.
   */
  budget?: Money[];
  /**
   * Where the money came from.
   */
  funding?: {
    /**
     * Who funds it.
     */
    funder: ShortText;
    /**
     * How much.
     */
    amount?: Money;
    /**
     * Share of the budget, in percent.
     */
    share?: Percentage;
    /**
     * Anything else about this funding.
     */
    note?: Text;
  }[];
  /**
   * Measured results and counts.
   */
  outcomes?: Figure[];
  /**
   * Key factors this practice illustrates.
   */
  keyFactors?: KeyFactorReference[];
  /**
   * Domains, areas of intervention or themes it relates to.
   */
  domains?: FrameworkItemReference[];
  /**
   * Where to read more.
   */
  links?: Link[];
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
/**
 * An amount of money as the source gives it.
 */
export interface Money {
  /**
   * The amount, in the currency's main unit.
   */
  amount: number;
  /**
   * ISO 4217 currency code, for example "EUR".
   */
  currency: string;
  /**
   * What the amount is counted over.
   * - `"total"`: For the whole initiative.
   * - `"year"`: Each year.
   * - `"month"`: Each month.
   * - `"project"`: For each project funded.
   * - `"person"`: For each person.
   */
  per?: "total" | "year" | "month" | "project" | "person";
  /**
   * The year the amount applies to.
   */
  year?: Year;
  /**
   * How exactly the source states the figure.
   */
  qualifier?: Qualifier;
  /**
   * What the amount covers or where it comes from.
   */
  note?: Text;
}
/**
 * A titled link to a web page or document.
 */
export interface Link {
  /**
   * What the link points to.
   */
  title: ShortText;
  /**
   * The address.
   */
  url: string;
  /**
   * When the linked material was published or seen.
   */
  date?: PartialDate;
}
/**
 * A city profile used for peer groups and similarity.
 */
export interface Place {
  /**
   * Always "place": tells a validator which schema this document follows.
   */
  kind: "place";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the place.
   */
  id: NamespacedId;
  /**
   * Name of the city in English.
   */
  name: ShortText;
  /**
   * Its name in the local language.
   */
  localName?: ShortText;
  /**
   * The country.
   */
  country: CountryCode;
  /**
   * Region within the country.
   */
  region?: ShortText;
  /**
   * Residents of the city.
   */
  population?: {
    /**
     * Number of residents.
     */
    value: number;
    /**
     * Year of the count.
     */
    year?: Year;
    /**
     * How exactly the source states the figure.
     */
    qualifier?: Qualifier;
    /**
     * Anything needed to read the figure.
     */
    note?: Text;
  };
  /**
   * Residents of the wider metropolitan area.
   */
  metropolitanPopulation?: {
    /**
     * Number of residents.
     */
    value: number;
    /**
     * Year of the count.
     */
    year?: Year;
    /**
     * How exactly the source states the figure.
     */
    qualifier?: Qualifier;
    /**
     * Anything needed to read the figure.
     */
    note?: Text;
  };
  /**
   * The city's size: small under 100,000; medium 100,000 to 499,999; large 500,000 to 999,999; metropolitan 1,000,000 or more.
   * - `"small"`: Under 100,000 residents.
   * - `"medium"`: 100,000 to 499,999 residents.
   * - `"large"`: 500,000 to 999,999 residents.
   * - `"metropolitan"`: 1,000,000 residents or more.
   */
  sizeBand?: "small" | "medium" | "large" | "metropolitan";
  /**
   * Shares of the population by a migration-related measure, each with its definition.
   */
  migrantShares?: {
    /**
     * What is counted.
     * - `"foreign-born"`: Residents born abroad.
     * - `"foreign-nationals"`: Residents without the country's citizenship.
     * - `"other-language-speakers"`: Residents whose main language is not a national language.
     * - `"minority-ethnic"`: Residents of a minority ethnic group.
     * - `"migrant-background"`: Migrants and children of migrants.
     * - `"third-country-nationals"`: Citizens of countries outside the EU.
     * - `"refugees"`: Refugees and asylum seekers.
     * - `"migrants"`: Migrants, where the source does not define the group further.
     * - `"non-western-origin"`: Residents of non-Western origin, as in Danish statistics.
     */
    measure:
      | "foreign-born"
      | "foreign-nationals"
      | "other-language-speakers"
      | "minority-ethnic"
      | "migrant-background"
      | "third-country-nationals"
      | "refugees"
      | "migrants"
      | "non-western-origin";
    /**
     * The share in percent.
     */
    percent: Percentage;
    /**
     * Year of the figure.
     */
    year?: Year;
    /**
     * How exactly the source states the figure.
     */
    qualifier?: Qualifier;
    /**
     * Where the share applies when not the whole city, for example "some neighbourhoods".
     */
    scope?: ShortText;
    /**
     * How the source defines what is counted.
     */
    definition: Text;
  }[];
  /**
   * The city's background, in our own words.
   */
  description?: Text;
  /**
   * The publications this content is drawn from; at least one.
   */
  sources: Sources;
}
export interface ParticipationScheme {
  schemeKind: "participation";
  /**
   * The neighbourhood or area the scheme covers.
   */
  area: {
    /**
     * Name of the area.
     */
    name: ShortText;
    /**
     * What the area is like.
     */
    description?: Text;
    /**
     * The city the area lies in.
     */
    placeRef?: NamespacedId;
  };
  /**
   * Stakeholders engaged in the scheme.
   */
  stakeholders?: Actor[];
  /**
   * Resources invested in running the scheme.
   */
  resources?: {
    /**
     * What the resource is.
     */
    description: Text;
    /**
     * Its money value.
     */
    budget?: Money;
  }[];
  /**
   * Where the scheme stands on a participation scale such as Arnstein's ladder.
   */
  participationLevel?: {
    /**
     * Id of the scale.
     */
    scale: NamespacedId;
    /**
     * Id of the level on that scale.
     */
    level: LocalId;
  };
  /**
   * Figures that track the scheme.
   */
  indicators?: Figure[];
  /**
   * The benchmark the scheme is measured against.
   */
  benchmark?: BenchmarkReference;
}
/**
 * A benchmark, and optionally the version meant.
 */
export interface BenchmarkReference {
  /**
   * The benchmark's namespaced id.
   */
  id: NamespacedId;
  /**
   * The benchmark version; omitted means the latest.
   */
  version?: Version;
}
export interface MentoringScheme {
  schemeKind: "mentoring";
  /**
   * The mentor city.
   */
  mentor: {
    /**
     * Name of the city.
     */
    city: ShortText;
    /**
     * The country.
     */
    country: CountryCode;
    /**
     * The place document of the city.
     */
    placeRef?: NamespacedId;
    /**
     * An association or body that took part with the city.
     */
    organisation?: ShortText;
  };
  /**
   * The mentee cities.
   *
   * @minItems 1
   */
  mentees: {
    /**
     * Name of the city.
     */
    city: ShortText;
    /**
     * The country.
     */
    country: CountryCode;
    /**
     * The place document of the city.
     */
    placeRef?: NamespacedId;
    /**
     * An association or body that took part with the city.
     */
    organisation?: ShortText;
  }[];
  /**
   * The benchmark the mentoring works towards.
   */
  benchmark?: BenchmarkReference;
  /**
   * Phases of the mentoring, including study visits.
   */
  phases?: {
    /**
     * Id of the phase.
     */
    id: LocalId;
    /**
     * What the phase is.
     */
    title: ShortText;
    /**
     * When it happens.
     */
    period?: Period;
    /**
     * What it involves.
     */
    description?: Text;
    /**
     * Visits between the cities.
     */
    studyVisits?: {
      /**
       * The city visited.
       */
      host: ShortText;
      /**
       * When.
       */
      date?: PartialDate;
      /**
       * What the visit covered.
       */
      description?: Text;
    }[];
  }[];
  /**
   * The plan the mentee draws up.
   */
  actionPlan?: {
    /**
     * What the plan aims at.
     */
    objectives?: {
      /**
       * Id of the objective within the scheme.
       */
      id: LocalId;
      /**
       * The objective.
       */
      title: ShortText;
      /**
       * What it means in practice.
       */
      description?: Text;
    }[];
    /**
     * Steps with timeline.
     */
    steps?: {
      /**
       * Id of the step within the scheme.
       */
      id: LocalId;
      /**
       * What the step is.
       */
      title: ShortText;
      /**
       * What it involves.
       */
      description?: Text;
      /**
       * When it happens.
       */
      timeline?: Period;
      /**
       * Who carries it out.
       */
      responsible?: ShortText;
    }[];
  };
}
export interface ActionPlanScheme {
  schemeKind: "action-plan";
  /**
   * What the plan aims to achieve.
   *
   * @minItems 1
   */
  aims: {
    /**
     * Id of the objective within the scheme.
     */
    id: LocalId;
    /**
     * The objective.
     */
    title: ShortText;
    /**
     * What it means in practice.
     */
    description?: Text;
  }[];
  /**
   * Steps with their timeline.
   */
  steps?: {
    /**
     * Id of the step within the scheme.
     */
    id: LocalId;
    /**
     * What the step is.
     */
    title: ShortText;
    /**
     * What it involves.
     */
    description?: Text;
    /**
     * When it happens.
     */
    timeline?: Period;
    /**
     * Who carries it out.
     */
    responsible?: ShortText;
  }[];
  /**
   * Kinds of challenge the plan meets.
   */
  challengesMet?: {
    /**
     * The kind of challenge, as a framework item.
     */
    challenge: FrameworkItemReference;
    /**
     * How the plan meets it.
     */
    description?: Text;
  }[];
  /**
   * Areas of intervention the plan works in.
   */
  areas?: FrameworkItemReference[];
  /**
   * What came of the plan so far.
   */
  outcomes?: Text[];
}
/**
 * A city's or a scheme's answers to one version of a benchmark.
 */
export interface Assessment {
  /**
   * Always "assessment": tells a validator which schema this document follows.
   */
  kind: "assessment";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * Namespaced id of the assessment.
   */
  id: NamespacedId;
  /**
   * A name for the assessment.
   */
  title?: ShortText;
  /**
   * The benchmark and the version answered.
   */
  benchmark: {
    /**
     * The benchmark's namespaced id.
     */
    id: NamespacedId;
    /**
     * The benchmark version the answers refer to.
     */
    version: Version;
  };
  /**
   * Who or what is assessed.
   */
  subject: {
    /**
     * Whether a city or a scheme is assessed.
     * - `"place"`: A city.
     * - `"scheme"`: A scheme run by a city.
     */
    type: "place" | "scheme";
    /**
     * The place or scheme document, when there is one.
     */
    ref?: NamespacedId;
    /**
     * Name of the city or scheme.
     */
    name: ShortText;
    /**
     * Its country.
     */
    country?: CountryCode;
  };
  /**
   * Id of the scale the answers use; defaults to the benchmark's default scale.
   */
  scale?: NamespacedId;
  /**
   * How the assessment was made.
   * - `"self"`: The city assessed itself.
   * - `"peer"`: Peer cities assessed it.
   * - `"mentor"`: A mentor city assessed it with the mentee.
   * - `"external"`: An outside expert assessed it.
   */
  method: "self" | "peer" | "mentor" | "external";
  /**
   * Who made the assessment.
   *
   * @minItems 1
   */
  assessedBy: Actor[];
  /**
   * When the assessment was made.
   */
  assessedOn: CalendarDate;
  /**
   * Answers keyed by guide question id. A question left out is unanswered.
   */
  answers: {
    [k: string]: Answer;
  };
  /**
   * Context factors keyed by their id, marked as enabling or constraining.
   */
  contextFactors?: {
    [k: string]: ContextFactorMark;
  };
  /**
   * Scores the city aims for.
   */
  targets?: {
    /**
     * Target overall score.
     */
    overall?: Score;
    /**
     * Target scores keyed by key factor id.
     */
    keyFactors?: {
      [k: string]: Score;
    };
  };
  /**
   * True when the answers are made up to show the tools, not a real rating.
   */
  illustrative?: boolean;
  /**
   * Anything else about the assessment.
   */
  notes?: Text;
  /**
   * The publications this content is drawn from; at least one.
   */
  sources?: Sources;
}
/**
 * The answer to one guide question.
 *
 * This interface was referenced by `Assessment`'s JSON-Schema
 * via the `definition` "answer".
 */
export interface Answer {
  /**
   * Id of the scale level chosen, or "n/a" when the question does not apply.
   */
  level?: string;
  /**
   * @deprecated
   * What supports the answer, as free text. Deprecated since schema version 1.1: give documents and pages in evidenceLinks and other remarks in notes (`cohesion migrate` moves them).
   */
  evidence?: Text;
  /**
   * Documents and web pages that support the answer, each with a title, its address and, when known, its date.
   *
   * @minItems 1
   */
  evidenceLinks?: Link[];
  /**
   * Comments on the answer.
   */
  notes?: Text;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this answer, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words evidence holds.
     */
    evidence?: Provenance;
    /**
     * Whose words notes holds.
     */
    notes?: Provenance;
  };
}
/**
 * How a context factor bears on the city.
 *
 * This interface was referenced by `Assessment`'s JSON-Schema
 * via the `definition` "contextFactorMark".
 */
export interface ContextFactorMark {
  /**
   * Whether the factor helps or hinders.
   * - `"enabling"`: It helps the city meet the benchmark.
   * - `"constraining"`: It holds the city back.
   * - `"neutral"`: It makes no clear difference.
   */
  influence: "enabling" | "constraining" | "neutral";
  /**
   * Why.
   */
  notes?: Text;
  /**
   * Tells the source's content from Cohesion's own, field by field: for each prose field of this context factor mark, "source" when it restates what the cited source says, "editorial" when Cohesion wrote it. A field left out here is not marked either way.
   */
  provenance?: {
    /**
     * Whose words notes holds.
     */
    notes?: Provenance;
  };
}
/**
 * The scores of one assessment under one scoring model, with the trace behind every number, gaps, strengths, practices to learn from, peer position and mentor candidates.
 */
export interface ScoreReport {
  /**
   * Always "score-report": tells a validator which schema this document follows.
   */
  kind: "score-report";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * The assessment scored.
   */
  assessment?: {
    /**
     * Id of the assessment.
     */
    id: NamespacedId;
    /**
     * Name of the city or scheme assessed.
     */
    subject: ShortText;
    /**
     * Whether a city or a scheme was assessed.
     * - `"place"`: A city.
     * - `"scheme"`: A scheme run by a city.
     */
    subjectType?: "place" | "scheme";
    /**
     * The place or scheme document of the subject, when the assessment names one; peers and mentors look the city's profile up by it.
     */
    subjectRef?: NamespacedId;
    /**
     * The subject's country, when the assessment gives it.
     */
    country?: CountryCode;
    /**
     * When the assessment was made.
     */
    assessedOn?: CalendarDate;
    /**
     * Id of the scale the answers were read on.
     */
    scale?: NamespacedId;
    /**
     * True when the assessment's answers are made up to show the tools, not a real rating.
     */
    illustrative?: boolean;
  };
  /**
   * The benchmark and version scored against.
   */
  benchmark: {
    /**
     * The benchmark's id.
     */
    id: NamespacedId;
    /**
     * The benchmark version.
     */
    version: Version;
    /**
     * The benchmark's title.
     */
    title?: ShortText;
  };
  /**
   * The scoring model and the parameters it ran with.
   */
  model: {
    /**
     * Namespaced id of the model.
     */
    id: NamespacedId;
    /**
     * Version of the model.
     */
    version: Version;
    /**
     * Human-readable name of the model.
     */
    title?: ShortText;
    /**
     * The parameters the model ran with, defaults filled in; their shape is defined by each model.
     */
    parameters: {
      [k: string]: unknown;
    };
  };
  /**
   * The overall score and its tree of sections, key factors and questions.
   */
  overall: ScoreNode;
  /**
   * For models with a pass mark: whether the standard is met; null when it cannot be told.
   */
  standardMet?: boolean | null;
  /**
   * Key factors below target, largest priority (difference times weight) first.
   */
  gaps?: Gap[];
  /**
   * Key factors at or above target, largest weighted margin first.
   */
  strengths?: Gap[];
  /**
   * Practices to learn from, for each gap.
   */
  recommendations?: Recommendation[];
  /**
   * Where the subject stands among peers scored on the same benchmark, overall and within peer groups.
   */
  peers?: {
    /**
     * How many score reports were compared, the subject's included.
     */
    population: number;
    /**
     * The peer groups, "all" first, then population band, migrant share band and country.
     */
    groups: PeerGroup[];
  };
  /**
   * Candidate mentor cities or schemes, best match first; never the subject itself.
   */
  mentors?: MentorCandidate[];
  /**
   * Notes on the scoring: unknown answers ignored, subjects without profile data, and the like.
   */
  messages?: Message[];
}
/**
 * A score for the whole benchmark, a section, a key factor or a guide question, with its trace.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "scoreNode".
 */
export interface ScoreNode {
  /**
   * What is scored: "overall", a section id, a key factor reference or a question id.
   */
  ref: ShortText;
  /**
   * Which level of the benchmark this node is.
   * - `"overall"`: The whole benchmark.
   * - `"section"`: A section.
   * - `"key-factor"`: A key factor.
   * - `"guide-question"`: A guide question.
   */
  level: "overall" | "section" | "key-factor" | "guide-question";
  /**
   * Title of what is scored.
   */
  title?: ShortText;
  /**
   * Score from 0 to 100, or null when there is no score (no applicable answers, or insufficient evidence).
   */
  score: number | null;
  /**
   * Share of applicable questions below this node that were answered, weighted, from 0 to 1.
   */
  coverage: number;
  /**
   * Whether the node has a score.
   * - `"scored"`: It has a score.
   * - `"insufficient-evidence"`: Too few questions answered for a score.
   * - `"not-applicable"`: Every question below it is marked n/a.
   * - `"unanswered"`: No question below it is answered.
   */
  status: "scored" | "insufficient-evidence" | "not-applicable" | "unanswered";
  /**
   * The model's band for the score.
   */
  band?: {
    /**
     * Id of the band.
     */
    id: LocalId;
    /**
     * What the band is called.
     */
    label: ShortText;
  };
  /**
   * Weight of this node among its siblings.
   */
  weight: Weight;
  /**
   * For a question: the level chosen, or n/a.
   */
  answer?: string;
  /**
   * How the score was made: each input (answers or child nodes) with its weight, share and contribution; contributions of the inputs that counted add up to the score.
   */
  trace?: {
    /**
     * The input: a child node or an answer.
     */
    ref: ShortText;
    /**
     * What sort of input this is.
     * - `"answer"`: The answer to the question this node scores.
     * - `"own-answer"`: The answer given to a parent question itself, counted beside its sub-questions.
     * - `"child"`: A node below this one.
     */
    input: "answer" | "own-answer" | "child";
    /**
     * For an answer: the level chosen, or n/a.
     */
    level?: string;
    /**
     * The input's score.
     */
    score: number | null;
    /**
     * Its weight.
     */
    weight: number;
    /**
     * The input's weight as a share of the weights that counted, from 0 to 1; 0 when it did not count.
     */
    share?: number;
    /**
     * What it added to the parent's score.
     */
    contribution?: number | null;
    /**
     * Why the input counted as it did.
     */
    note?: Text;
  }[];
  /**
   * The nodes below this one.
   */
  children?: ScoreNode[];
}
/**
 * The distance between a key factor's score and its target.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "gap".
 */
export interface Gap {
  /**
   * The key factor.
   */
  keyFactor: KeyFactorReference;
  /**
   * Its title.
   */
  title?: ShortText;
  /**
   * Its score.
   */
  score: Score;
  /**
   * The target.
   */
  target: Score;
  /**
   * Target minus score (positive for a gap, negative or zero for a strength).
   */
  difference: number;
  /**
   * The key factor's effective weight in the overall score.
   */
  weight: number;
  /**
   * Difference times weight: the ranking key.
   */
  priority: number;
  /**
   * Where the target comes from.
   * - `"key-factor-target"`: The assessment's own target for this key factor.
   * - `"overall-target"`: The assessment's overall target, applied to a key factor without its own target.
   * - `"uniform-target"`: The target the caller set for every key factor.
   */
  targetSource: "key-factor-target" | "overall-target" | "uniform-target";
}
/**
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "recommendation".
 */
export interface Recommendation {
  /**
   * The key factor with a gap.
   */
  keyFactor: KeyFactorReference;
  /**
   * Title of the key factor.
   */
  title?: ShortText;
  /**
   * Practices linked to it, most similar city first.
   */
  practices: {
    /**
     * Id of the practice.
     */
    practice: NamespacedId;
    /**
     * Title of the practice.
     */
    title?: ShortText;
    /**
     * The practice's city.
     */
    city?: ShortText;
    /**
     * The practice's country.
     */
    country?: CountryCode;
    /**
     * The place document used for the practice's city, when one was found.
     */
    placeRef?: NamespacedId;
    /**
     * How alike the practice's city is to the subject, from 0 (nothing alike or nothing known) to 1.
     */
    similarity: number;
    /**
     * How each context dimension contributed to the similarity.
     */
    similarityFactors?: SimilarityFactor[];
    /**
     * Why this practice is suggested, in plain English.
     */
    reason: Text;
  }[];
}
/**
 * One dimension of how alike two cities are.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "similarityFactor".
 */
export interface SimilarityFactor {
  /**
   * Which part of the context is compared.
   * - `"size"`: Population size.
   * - `"migrant-share"`: Share of foreign-born or migrant residents.
   * - `"country"`: Country.
   */
  dimension: "size" | "migrant-share" | "country";
  /**
   * How alike the two cities are on this dimension, from 0 to 1; null when either is unknown.
   */
  similarity: number | null;
  /**
   * Weight of the dimension in the overall similarity.
   */
  weight: number;
  /**
   * The comparison in words.
   */
  note: Text;
}
/**
 * A group of subjects the subject is compared with, and where it stands in it.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "peerGroup".
 */
export interface PeerGroup {
  /**
   * What the group has in common.
   * - `"all"`: Every subject scored on the benchmark.
   * - `"population"`: Subjects in the same population band.
   * - `"migrant-share"`: Subjects in the same band of foreign-born or migrant residents.
   * - `"country"`: Subjects in the same country.
   */
  dimension: "all" | "population" | "migrant-share" | "country";
  /**
   * Id of the group within its dimension, for example "medium", "10-20", "de" or "unknown".
   */
  id: LocalId;
  /**
   * The group in words.
   */
  label: ShortText;
  /**
   * How many subjects are in the group, the subject included.
   */
  members: number;
  /**
   * Position on the overall score.
   */
  overall: PeerStatistic;
  /**
   * Position on each key factor, in benchmark order.
   */
  keyFactors: PeerStatistic[];
}
/**
 * Where the subject stands on one score among the members of a peer group.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "peerStatistic".
 */
export interface PeerStatistic {
  /**
   * What is compared: "overall" or a key factor reference.
   */
  ref: ShortText;
  /**
   * Title of what is compared.
   */
  title?: ShortText;
  /**
   * The subject's score; null when the subject has none.
   */
  score: number | null;
  /**
   * The subject's rank, 1 for the highest score (ties share the better rank); null when the subject has no score.
   */
  rank: number | null;
  /**
   * How many members of the group have a score here (N).
   */
  of: number;
  /**
   * The rank as "n of N", or "unranked of N".
   */
  rankText: ShortText;
  /**
   * Percentile rank: the share of scored members below the subject plus half of those level with it, from 0 to 100; null when the subject has no score.
   */
  percentile: number | null;
  /**
   * Lower quartile, median and upper quartile of the group's scores (linear interpolation); absent when no member has a score.
   */
  quartiles?: {
    /**
     * 25th percentile.
     */
    q1: Score;
    /**
     * 50th percentile.
     */
    median: Score;
    /**
     * 75th percentile.
     */
    q3: Score;
  };
  /**
   * How many members score in each bin; bins cover 0 to 100, the last one includes 100.
   */
  histogram: {
    /**
     * Lowest score in the bin (inclusive).
     */
    from: Score;
    /**
     * Upper end of the bin (exclusive, except for the last bin).
     */
    to: Score;
    /**
     * Members in the bin.
     */
    count: number;
  }[];
}
/**
 * Another subject proposed as a mentor, with why.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "mentorCandidate".
 */
export interface MentorCandidate {
  /**
   * Id of the mentor's assessment.
   */
  assessment: NamespacedId;
  /**
   * Name of the mentor city or scheme.
   */
  subject: ShortText;
  /**
   * The mentor's place or scheme document, when known.
   */
  subjectRef?: NamespacedId;
  /**
   * How good the pairing is, from 0 to 1: strength where the mentee is weak, blended with similarity of context.
   */
  match: number;
  /**
   * How far the mentor is ahead where the mentee is weak, from 0 to 1.
   */
  strength: number;
  /**
   * How alike the two cities are, from 0 to 1.
   */
  similarity: number;
  /**
   * How each context dimension contributed to the similarity.
   */
  similarityFactors?: SimilarityFactor[];
  /**
   * Key factors where the mentor is ahead of the mentee, largest lead first.
   */
  keyFactors: {
    /**
     * The key factor.
     */
    keyFactor: KeyFactorReference;
    /**
     * Its title.
     */
    title?: ShortText;
    /**
     * The mentor's score.
     */
    mentorScore: Score;
    /**
     * The mentee's score.
     */
    menteeScore: Score;
    /**
     * Mentor score minus mentee score.
     */
    lead: number;
  }[];
  /**
   * Why the pairing is proposed, in plain English.
   */
  reason: Text;
}
/**
 * A note produced while scoring.
 *
 * This interface was referenced by `ScoreReport`'s JSON-Schema
 * via the `definition` "message".
 */
export interface Message {
  /**
   * Stable snake_case code.
   */
  code: string;
  /**
   * How serious it is.
   * - `"error"`: The result is wrong without a fix.
   * - `"warning"`: The result may mislead.
   * - `"info"`: For information.
   */
  severity: "error" | "warning" | "info";
  /**
   * What happened, in English.
   */
  message: Text;
  /**
   * JSON Pointer into the assessment.
   */
  pointer?: string;
  /**
   * Values the message was built from, so a tool can word it in another language.
   */
  params?: {
    [k: string]: unknown;
  };
}
/**
 * The "cohesion" key of a plugin's package.json: what the plugin contributes and which host versions it works with.
 */
export interface PluginManifest {
  /**
   * Always "plugin-manifest": tells a validator which schema this document follows.
   */
  kind: "plugin-manifest";
  /**
   * The MAJOR.MINOR version of the Cohesion schemas this document was written for.
   */
  schemaVersion: SchemaVersion;
  /**
   * The plugin's namespace; every id it contributes starts with it and a dot.
   */
  id: LocalId;
  /**
   * Version of the manifest format.
   */
  manifestVersion: 1;
  /**
   * Name shown to people.
   */
  displayName?: ShortText;
  /**
   * What the plugin offers.
   */
  description?: Text;
  /**
   * Host versions the plugin works with.
   */
  engines: {
    /**
     * A semver range of @cohesion/core, for example "^0.1.0".
     */
    cohesion: string;
  };
  /**
   * Module implementing behaviour contributions, relative to the package folder; imported only when one of them is first used.
   */
  main?: string;
  /**
   * What the plugin adds. Content entries are paths, relative to the package folder, of JSON files holding one document or an array of documents.
   */
  contributes: {
    /**
     * Framework documents.
     */
    frameworks?: string[];
    /**
     * Scale documents.
     */
    scales?: string[];
    /**
     * Benchmark documents.
     */
    benchmarks?: string[];
    /**
     * Practice documents.
     */
    practices?: string[];
    /**
     * Place documents.
     */
    places?: string[];
    /**
     * Scheme documents.
     */
    schemes?: string[];
    /**
     * Assessment documents.
     */
    assessments?: string[];
    /**
     * Scoring models implemented by main.
     */
    scoringModels?: {
      /**
       * Namespaced id of the model.
       */
      id: NamespacedId;
      /**
       * Name of the model.
       */
      title: ShortText;
      /**
       * How it scores.
       */
      description?: Text;
    }[];
    /**
     * Adapters to outside formats implemented by main.
     */
    adapters?: {
      /**
       * Namespaced id of the adapter.
       */
      id: NamespacedId;
      /**
       * Name of the adapter.
       */
      title: ShortText;
      /**
       * The outside format, for example "xlsx" or "html".
       */
      format: ShortText;
      /**
       * Whether it reads, writes or both.
       * - `"import"`: Reads the format into Cohesion documents.
       * - `"export"`: Writes Cohesion documents to the format.
       * - `"both"`: Both.
       */
      direction: "import" | "export" | "both";
    }[];
    /**
     * JSON Merge Patches (RFC 7396) that extend a core schema with the plugin's own fields.
     */
    schemaExtensions?: {
      /**
       * The document kind extended.
       * - `"framework"`: Framework documents.
       * - `"scale"`: Scale documents.
       * - `"benchmark"`: Benchmark documents.
       * - `"practice"`: Practice documents.
       * - `"place"`: Place documents.
       * - `"scheme"`: Scheme documents.
       * - `"assessment"`: Assessment documents.
       */
      kind: "framework" | "scale" | "benchmark" | "practice" | "place" | "scheme" | "assessment";
      /**
       * Path of the JSON Merge Patch file, relative to the package folder.
       */
      patch: string;
      /**
       * The schema versions the patch was written for, as a range of MAJOR.MINOR versions in npm's range syntax: "^1.1" is 1.1 and every later 1.x, "1.1 - 1.3" those three. When absent, the major of the manifest's own schemaVersion from that version on. A host whose schema version is outside the range refuses the plugin when the patch touches a field the host's schema changed, removed or added since the newest version in the range, and when no version in the range is one it ships.
       */
      schemaVersions?: string;
    }[];
  };
}

/**
 * What every Cohesion validator returns: a verdict and the problems found, each with a stable code, a severity, a JSON Pointer, a message and its parameters. It is an output envelope, not a document, so it carries no kind.
 */
export interface ValidationReport {
  /**
   * True when no problem has severity error.
   */
  valid: boolean;
  /**
   * The problems found, in document order.
   */
  errors: ValidationProblem[];
}
/**
 * One problem found in a document.
 *
 * This interface was referenced by `ValidationReport`'s JSON-Schema
 * via the `definition` "problem".
 */
export interface ValidationProblem {
  /**
   * Stable snake_case code, such as missing_required_field.
   */
  code: string;
  /**
   * How serious it is.
   * - `"error"`: The document is invalid.
   * - `"warning"`: Valid, but something should change (for example a deprecated field).
   * - `"info"`: For information.
   */
  severity: "error" | "warning" | "info";
  /**
   * RFC 6901 JSON Pointer to where the problem is; "" is the whole document. Unbounded in length, since a pointer cut short would point elsewhere.
   */
  pointer: string;
  /**
   * What is wrong, where and how to fix it, in English, built from a template and params.
   */
  message: string;
  /**
   * The values the message was built from, so a tool can build its own message.
   */
  params: {
    [k: string]: unknown;
  };
  /**
   * The file the document came from, when known.
   */
  file?: string;
  /**
   * The line of the file, when known (for NDJSON, the document's line).
   */
  line?: number;
}
