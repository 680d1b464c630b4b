import { escapeMarkdown as md } from "@cohesion/adapter-report";
import type { Provenance } from "@cohesion/schema";
import { levelChoices, PROVENANCE_LEGEND, sourceLine, type Questionnaire, type QuestionnaireQuestion } from "./questionnaire";

/** The mark after a prose field, as text: " (source)", " (editorial)", or nothing when it is not marked. */
function tag(mark: Provenance | undefined): string {
  return mark === undefined ? "" : ` (${mark})`;
}

/** The mark after a prose field, in Markdown: " _(source)_". */
function mdTag(mark: Provenance | undefined): string {
  return mark === undefined ? "" : ` _(${mark})_`;
}

/** The legend line(s) saying what the marks mean, when the questionnaire carries any. */
function legend(q: Questionnaire): string[] {
  if (!q.marked) return [];
  return [`Whose words: (source) ${PROVENANCE_LEGEND.source}; (editorial) ${PROVENANCE_LEGEND.editorial}. Unmarked text is not classified.`];
}

/** Wraps text to a width, indenting every line; a word longer than the width stays whole. */
function wrap(text: string, width: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/**
 * Renders a questionnaire for a terminal: plain text wrapped to `width` columns, questions indented by
 * nesting, each with the id its answer is keyed by.
 *
 * @example
 * ```ts
 * process.stdout.write(questionnaireText(questionnaireOf(benchmark, scale), process.stdout.columns ?? 100));
 * ```
 */
export function questionnaireText(q: Questionnaire, width = 100): string {
  const w = Math.max(40, Math.min(width, 120));
  const out: string[] = [];
  out.push(`${q.benchmark.title}`, `${q.benchmark.id} ${q.benchmark.version}${q.benchmark.publisher ? ` · ${q.benchmark.publisher}` : ""} · ${q.questionCount} questions`, "");
  for (const line of legend(q)) out.push(...wrap(line, w, ""), "");
  if (q.benchmark.standard) out.push(...wrap(q.benchmark.standard + tag(q.benchmark.provenance?.standard), w, ""), "");
  if (q.scale) {
    out.push(`Answer each question with a level of ${q.scale.title} (${q.scale.id}), or n/a when it does not apply:`);
    for (const level of q.scale.levels) out.push(...wrap(`${level.label}${level.description ? ` — ${level.description}` : ""}`, w, " ".repeat(16), `  ${level.id.padEnd(12)}  `));
    out.push("");
  }
  const questions = (list: readonly QuestionnaireQuestion[], depth: number): void => {
    for (const item of list) {
      const pad = "  ".repeat(depth + 2);
      out.push(...wrap(item.text + tag(item.provenance?.text), w, `${pad}  `, `${pad}- `), `${pad}  [${item.id}]`);
      if (item.guidance) out.push(...wrap(`Look for: ${item.guidance}${tag(item.provenance?.guidance)}`, w, `${pad}  `));
      questions(item.subQuestions, depth + 1);
    }
  };
  q.sections.forEach((section, s) => {
    out.push(`${s + 1}. ${section.title.toUpperCase()}`);
    if (section.description) out.push(...wrap(section.description + tag(section.provenance?.description), w, "   "));
    out.push("");
    for (const kf of section.keyFactors) {
      out.push(...wrap(kf.title, w, "     ", `  ${kf.number === undefined ? "" : `${kf.number}. `}`));
      if (kf.statement) out.push(...wrap(kf.statement + tag(kf.provenance?.statement), w, "     "));
      out.push("    Questions:");
      questions(kf.questions, 0);
      if (kf.practicalTips.length > 0) {
        out.push("    Tips:");
        for (const tip of kf.practicalTips) out.push(...wrap(tip + tag(kf.provenance?.practicalTips), w, "        ", "      - "));
      }
      if (kf.recommendedActions.length > 0) {
        out.push("    Actions that could work:");
        for (const action of kf.recommendedActions) out.push(...wrap(`${action.title}${action.description ? ` — ${action.description}${tag(action.provenance?.description)}` : ""}`, w, "        ", "      - "));
      }
      out.push("");
    }
  });
  if (q.contextFactors.length > 0) {
    out.push("CONTEXT FACTORS (mark each as enabling or constraining)");
    for (const cf of q.contextFactors) {
      out.push(...wrap(`${cf.title}${cf.description ? ` — ${cf.description}${tag(cf.provenance?.description)}` : ""}`, w, "      ", "  - "), `      [${cf.id}]`);
      for (const item of cf.mayInvolve) out.push(...wrap(item + tag(cf.provenance?.mayInvolve), w, "        ", "      · "));
    }
    out.push("");
  }
  out.push("SOURCES");
  for (const source of q.sources) out.push(...wrap(sourceLine(source), w, "    ", "  - "));
  return `${out.join("\n")}\n`;
}


/**
 * Renders a questionnaire as Markdown. With `fillIn`, each question gets lines to write the answer,
 * evidence and notes on, and the page opens with how to carry them into the assessment's JSON file.
 *
 * @example
 * ```ts
 * await writeFile("capaci.questions.md", questionnaireMarkdown(q, { fillIn: { assessmentFile: "capaci.json" } }));
 * ```
 */
export function questionnaireMarkdown(q: Questionnaire, options: { fillIn?: { assessmentFile: string } } = {}): string {
  const out: string[] = [];
  const fill = options.fillIn;
  out.push(`# ${md(q.benchmark.title)}`, "", `\`${q.benchmark.id}\` version ${q.benchmark.version}${q.benchmark.publisher ? ` · ${md(q.benchmark.publisher)}` : ""} · ${q.questionCount} questions`, "");
  for (const line of legend(q)) out.push(`_${md(line)}_`, "");
  if (q.benchmark.standard) out.push(`> ${md(q.benchmark.standard)}${mdTag(q.benchmark.provenance?.standard)}`, "");
  if (fill) {
    out.push(
      "## How to fill in",
      "",
      `Each question below shows its id in brackets. Record your answer in \`${md(fill.assessmentFile)}\` under \`answers\`, keyed by that id:`,
      "",
      "```json",
      `"${q.sections[0]?.keyFactors[0]?.questions[0]?.id ?? "question-id"}": {`,
      `  "level": "${q.scale?.levels[Math.floor((q.scale.levels.length - 1) / 2)]?.id ?? "level-id"}",`,
      `  "evidenceLinks": [{ "title": "Council decision on the participation budget", "url": "https://example.org/decision.pdf", "date": "2025-03" }],`,
      `  "notes": "Who was consulted and what is still missing."`,
      "}",
      "```",
      "",
      "Leave a question out (or `{}`) while it is unanswered; unanswered questions lower the coverage of a score, they never count as zero. Then run `cohesion validate` and `cohesion report`.",
      "",
    );
  }
  if (q.scale) {
    out.push(`## Levels (${md(q.scale.title)})`, "", "| Level | Id | Meaning |", "|---|---|---|");
    for (const level of q.scale.levels) out.push(`| ${md(level.label)} | \`${level.id}\` | ${md(level.description ?? "")} |`);
    out.push("| Not applicable | `n/a` | The question does not apply to this city; it is left out of the score. |", "");
  }
  const questions = (list: readonly QuestionnaireQuestion[], depth: number): void => {
    const pad = "  ".repeat(depth);
    for (const item of list) {
      out.push(`${pad}- **${md(item.text)}**${mdTag(item.provenance?.text)} \`[${item.id}]\``);
      if (item.guidance) out.push(`${pad}  _Look for:_ ${md(item.guidance)}${mdTag(item.provenance?.guidance)}`);
      if (item.subQuestions.length > 0) out.push(`${pad}  _Its sub-questions below roll up into it: answer them, or this question alone._`);
      if (fill) out.push(`${pad}  - Level (${levelChoices(q)}): `, `${pad}  - Evidence (title, address, date): `, `${pad}  - Notes: `);
      questions(item.subQuestions, depth + 1);
    }
  };
  q.sections.forEach((section, s) => {
    out.push(`## ${s + 1}. ${md(section.title)}`, "");
    if (section.description) out.push(md(section.description) + mdTag(section.provenance?.description), "");
    for (const kf of section.keyFactors) {
      out.push(`### ${kf.number === undefined ? "" : `${kf.number}. `}${md(kf.title)}`, "");
      if (kf.statement) out.push(md(kf.statement) + mdTag(kf.provenance?.statement), "");
      questions(kf.questions, 0);
      out.push("");
      if (kf.practicalTips.length > 0) out.push("**Tips**", "", ...kf.practicalTips.map((tip) => `- ${md(tip)}${mdTag(kf.provenance?.practicalTips)}`), "");
      if (kf.recommendedActions.length > 0) out.push("**Actions that could work**", "", ...kf.recommendedActions.map((a) => `- ${md(a.title)}${a.description ? ` — ${md(a.description)}${mdTag(a.provenance?.description)}` : ""}`), "");
    }
  });
  if (q.contextFactors.length > 0) {
    out.push("## Context factors", "", fill ? `Mark each in \`contextFactors\` as \`{ "influence": "enabling" }\` or \`{ "influence": "constraining" }\`.` : "Circumstances that help or hinder a city in meeting the benchmark.", "");
    for (const cf of q.contextFactors) {
      out.push(`- **${md(cf.title)}** \`[${cf.id}]\`${cf.description ? ` — ${md(cf.description)}${mdTag(cf.provenance?.description)}` : ""}`);
      for (const item of cf.mayInvolve) out.push(`  - ${md(item)}${mdTag(cf.provenance?.mayInvolve)}`);
    }
    out.push("");
  }
  out.push("## Sources", "", ...q.sources.map((source) => `- ${md(sourceLine(source))}`));
  return `${out.join("\n")}\n`;
}
