// The generated benchmark and data every scoring measurement uses, so that run.mjs, scale.mjs and
// instructions.mjs measure the same work.

export const KEY_FACTORS = 11;
export const QUESTIONS_PER_KEY_FACTOR = 5;
export const LEVELS = ["none", "planned", "partial", "substantial", "full"];
export const POINTS = { none: 0, planned: 25, partial: 50, substantial: 75, full: 100 };
export const COUNTRIES = ["DE", "FR", "IT", "SE", "NL", "PL", "GR", "ES"];
export const sources = [{ publication: "Cohesion scoring benchmark", year: 2026, section: "Generated" }];

/** Deterministic pseudo-random numbers (mulberry32), so every run scores the same data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 3 sections of 4, 4 and 3 key factors, 5 questions each; the first question of each key factor has two sub-questions. */
export function makeBenchmark() {
  const sections = [];
  let k = 0;
  for (const size of [4, 4, 3]) {
    const s = sections.length;
    const keyFactors = [];
    for (let i = 0; i < size; i++, k++) {
      const guideQuestions = [];
      for (let q = 0; q < QUESTIONS_PER_KEY_FACTOR; q++) {
        const question = { id: `k${k}-q${q}`, text: `Question ${q} of key factor ${k}?`, weight: 1 + (q % 3) };
        if (q === 0) question.subQuestions = [0, 1].map((n) => ({ id: `k${k}-q${q}-${n}`, text: "Sub-question?", weight: 1 + n }));
        guideQuestions.push(question);
      }
      keyFactors.push({ id: `kf-${k}`, title: `Key factor ${k}`, weight: 1 + (k % 2), guideQuestions });
    }
    sections.push({ id: `s${s}`, title: `Section ${s}`, weight: s + 1, keyFactors });
  }
  return {
    kind: "benchmark",
    schemaVersion: "1.0",
    id: "perf.benchmark",
    version: "1.0.0",
    title: "Generated benchmark",
    standard: "A generated standard.",
    defaultScale: "cohesion.maturity",
    sections,
    sources,
  };
}

/** Every question id of a benchmark in document order, sub-questions after their parent. */
export function questionIds(benchmark) {
  const ids = [];
  const visit = (q) => {
    ids.push(q.id);
    (q.subQuestions ?? []).forEach(visit);
  };
  for (const s of benchmark.sections) for (const k of s.keyFactors) k.guideQuestions.forEach(visit);
  return ids;
}

/**
 * `count` assessments answering every question at random, each with a place profile. The answers
 * objects are built key by key, which leaves them in V8's dictionary mode (as documents built in
 * code often are); `answer(level)` makes each answer (a shared object per level saves memory at scale).
 */
export function makeData(benchmark, count, seed = 2026, answer = (level) => ({ level })) {
  const next = random(seed);
  const ids = questionIds(benchmark);
  const assessments = [];
  const places = [];
  for (let i = 0; i < count; i++) {
    const answers = {};
    for (const id of ids) answers[id] = answer(LEVELS[Math.floor(next() * LEVELS.length)]);
    assessments.push(makeAssessment(benchmark, i, answers));
    places.push(makePlace(i, next));
  }
  return { assessments, places, questionCount: ids.length };
}

export function makeAssessment(benchmark, i, answers) {
  return {
    kind: "assessment",
    schemaVersion: "1.0",
    id: `perf.assessment-${i}`,
    benchmark: { id: benchmark.id, version: benchmark.version },
    subject: { type: "place", ref: `perf.city-${i}`, name: `City ${i}`, country: COUNTRIES[i % COUNTRIES.length] },
    method: "self",
    assessedBy: [{ name: `City ${i}` }],
    assessedOn: "2026-06-01",
    answers,
  };
}

export function makePlace(i, next) {
  return {
    kind: "place",
    schemaVersion: "1.0",
    id: `perf.city-${i}`,
    name: `City ${i}`,
    country: COUNTRIES[i % COUNTRIES.length],
    population: { value: 20_000 + Math.floor(next() * 2_000_000) },
    migrantShares: [{ measure: "foreign-born", percent: Math.round(next() * 400) / 10, definition: "Born abroad." }],
    sources,
  };
}

/**
 * The baseline: the same weighted means in one hand-written pass over flat arrays, no validation,
 * no traces, no objects per node. Sub-questions roll up into their parent with the parent's own answer.
 */
export function compileBaseline(benchmark) {
  const sections = benchmark.sections.map((s) => ({
    weight: s.weight ?? 1,
    keyFactors: s.keyFactors.map((k) => ({
      weight: k.weight ?? 1,
      questions: k.guideQuestions.map((q) => ({ id: q.id, weight: q.weight ?? 1, subs: (q.subQuestions ?? []).map((c) => ({ id: c.id, weight: c.weight ?? 1 })) })),
    })),
  }));
  return (answers) => {
    let overallSum = 0;
    let overallWeight = 0;
    const keyFactorScores = [];
    for (const section of sections) {
      let sectionSum = 0;
      let sectionWeight = 0;
      for (const keyFactor of section.keyFactors) {
        let sum = 0;
        let weight = 0;
        for (const question of keyFactor.questions) {
          let score = POINTS[answers[question.id].level];
          if (question.subs.length > 0) {
            let qs = score;
            let qw = 1;
            for (const sub of question.subs) {
              qs += sub.weight * POINTS[answers[sub.id].level];
              qw += sub.weight;
            }
            score = qs / qw;
          }
          sum += question.weight * score;
          weight += question.weight;
        }
        const keyFactorScore = sum / weight;
        keyFactorScores.push(keyFactorScore);
        sectionSum += keyFactor.weight * keyFactorScore;
        sectionWeight += keyFactor.weight;
      }
      overallSum += section.weight * (sectionSum / sectionWeight);
      overallWeight += section.weight;
    }
    return { overall: overallSum / overallWeight, keyFactorScores };
  };
}
