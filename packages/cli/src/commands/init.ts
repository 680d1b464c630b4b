import type { Host } from "@cohesion/core";
import { walkGuideQuestions } from "@cohesion/model";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { SCHEMA_VERSION, type Assessment } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import { formatProblem } from "../format-problems";
import { OutputExistsError } from "../atomic-write";
import { EXIT, type CliIO } from "../io";
import { questionnaireOf } from "../questionnaire";
import { questionnaireMarkdown } from "../questionnaire-render";

/** Options of `cohesion init assessment`. */
export interface InitOptions {
  benchmark: string;
  version?: string;
  city: string;
  country?: string;
  out?: string;
  force: boolean;
  today: string;
}

/**
 * `cohesion init assessment --benchmark <id> --city <name>`: writes a blank self-assessment with an entry
 * for every guide question of the benchmark (sub-questions included), for the current schema version, and
 * beside it a Markdown questionnaire (`<name>.questions.md`) with each question's text, id, levels and tips.
 *
 * @example
 * ```sh
 * cohesion init assessment --benchmark inclucities.city-for-all --city Capaci --out capaci.json
 * ```
 */
export async function initCommand(options: InitOptions, io: CliIO, host: Host, write = writeFileAtomic): Promise<number> {
  const found = findBenchmark(host, options.benchmark, options.version);
  if (!found.ok) {
    io.stderr.write(`cohesion: ${found.problem.message}\n`);
    return EXIT.invalid;
  }
  const { benchmark } = found;
  const place = host.catalog().places().find((p) => p.name.toLowerCase() === options.city.toLowerCase());
  const slug = slugify(options.city) || "city";
  const answers: Assessment["answers"] = {};
  for (const { question } of walkGuideQuestions(benchmark)) answers[question.id] = {};
  const contextFactors: NonNullable<Assessment["contextFactors"]> = {};
  const country = options.country ?? place?.country;
  const assessment: Assessment = {
    kind: "assessment",
    schemaVersion: SCHEMA_VERSION,
    id: `local.${slug}-${benchmark.id.split(".").slice(1).join("-")}`,
    title: `${options.city}: ${benchmark.title}`,
    benchmark: { id: benchmark.id, version: benchmark.version },
    subject: { type: "place", name: place?.name ?? options.city, ...(place ? { ref: place.id } : {}), ...(country ? { country } : {}) },
    method: "self",
    assessedBy: [{ name: `${options.city} city administration`, sector: "public" }],
    assessedOn: options.today,
    answers,
    ...(Object.keys(contextFactors).length > 0 ? { contextFactors } : {}),
  };
  const text = `${JSON.stringify(assessment, null, 2)}\n`;
  const report = host.validate(assessment);
  if (!report.valid) {
    for (const problem of report.errors) io.stderr.write(`${formatProblem(problem)}\n`);
    return EXIT.invalid;
  }
  if (options.out === undefined || options.out === "-") {
    io.stdout.write(text);
    io.stderr.write(`give --out <file>.json to get the questionnaire to fill in (<file>.questions.md) beside it; \`cohesion show benchmark ${benchmark.id}\` prints the questions\n`);
    return EXIT.ok;
  }
  const companion = companionPath(options.out);
  // Both files are checked before either is written, so a refusal never leaves one of the pair behind.
  if (!options.force) for (const path of [options.out, companion]) if (existsSync(path)) throw new OutputExistsError(path);
  const questionnaire = questionnaireOf(benchmark, host.catalog().scale(benchmark.defaultScale));
  await write(options.out, text, { force: options.force });
  await write(companion, questionnaireMarkdown(questionnaire, { fillIn: { assessmentFile: basename(options.out) } }), { force: options.force });
  const count = Object.keys(answers).length;
  io.stderr.write(
    `wrote ${options.out}: ${count} guide questions of ${benchmark.id} ${benchmark.version} to answer (schema ${SCHEMA_VERSION})\n` +
      `wrote ${companion}: each question with its id, the levels to choose from, tips, and room for evidence and notes\n` +
      `next: fill in the answers in ${options.out}, then \`cohesion validate ${options.out}\` and \`cohesion report ${options.out} --out report.html\`\n`,
  );
  return EXIT.ok;
}

/** The questionnaire written beside an assessment: `capaci.json` → `capaci.questions.md`. */
export function companionPath(out: string): string {
  return `${out.replace(/\.json$/i, "")}.questions.md`;
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
