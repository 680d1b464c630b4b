import type { Host } from "@cohesion/core";
import { walkGuideQuestions } from "@cohesion/model/integrity";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { SCHEMA_VERSION, type Assessment } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { OutputExistsError } from "../atomic-write";
import { EXIT, UsageError, type CliIO } from "../io";
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

/** `cohesion init`, as the command framework runs it. */
export async function run(context: CommandContext): Promise<CommandOutcome> {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError("init needs what to create: `cohesion init assessment`");
  const what = positionals[0] as string;
  if (what !== "assessment") throw new UsageError(`init can create an assessment, not "${what}"`);
  const benchmark = context.string("benchmark");
  const city = context.string("city");
  const country = context.string("country");
  if (!benchmark) throw new UsageError("init assessment needs --benchmark <id>", "`cohesion list benchmarks` shows the installed ones");
  if (!city) throw new UsageError("init assessment needs --city <name>");
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code such as DK, not "${country}"`);
  const options: InitOptions = { benchmark, city, force: context.flag("force"), today: context.today };
  const version = context.string("version");
  const out = context.string("out");
  if (version !== undefined) options.version = version;
  if (country !== undefined) options.country = country;
  if (out !== undefined) options.out = out;
  return initCommand(options, context.io, await context.host(), writeFileAtomic, context.format === "json");
}

/** The fields of a new assessment that are made from --city. */
const CITY_FIELDS = ["/id", "/title", "/subject/name", "/assessedBy/0/name"];

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
export async function initCommand(options: InitOptions, io: CliIO, host: Host, write = writeFileAtomic, json = false): Promise<CommandOutcome> {
  const found = findBenchmark(host, options.benchmark, options.version);
  if (!found.ok) return { exit: EXIT.invalid, problems: [found.problem] };
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
    // Problems of the fields made from --city are the option's: it is what to change.
    const fromCity = report.errors.filter((p) => CITY_FIELDS.some((field) => p.pointer === field || p.pointer.startsWith(`${field}/`)));
    if (fromCity.length === report.errors.length) {
      throw new UsageError(`--city (${options.city.length} characters) does not fit the assessment made from it: ${fromCity.map((p) => p.message).join("; ")}`, "give the city's name as it is usually written");
    }
    return { exit: EXIT.invalid, problems: report.errors };
  }
  if (options.out === undefined || options.out === "-") {
    if (!json) io.stderr.write(`give --out <file>.json to get the questionnaire to fill in (<file>.questions.md) beside it; \`cohesion show benchmark ${benchmark.id}\` prints the questions\n`);
    return { exit: EXIT.ok, result: { document: assessment }, text };
  }
  const companion = companionPath(options.out);
  // Both files are checked before either is written, so a refusal never leaves one of the pair behind.
  if (!options.force) for (const path of [options.out, companion]) if (existsSync(path)) throw new OutputExistsError(path);
  const questionnaire = questionnaireOf(benchmark, host.catalog().scale(benchmark.defaultScale));
  await write(options.out, text, { force: options.force });
  await write(companion, questionnaireMarkdown(questionnaire, { fillIn: { assessmentFile: basename(options.out) } }), { force: options.force });
  const count = Object.keys(answers).length;
  if (!json) {
    io.stderr.write(
      `wrote ${options.out}: ${count} guide questions of ${benchmark.id} ${benchmark.version} to answer (schema ${SCHEMA_VERSION})\n` +
        `wrote ${companion}: each question with its id, the levels to choose from, tips, and room for evidence and notes\n` +
        `next: fill in the answers in ${options.out}, then \`cohesion validate ${options.out}\` and \`cohesion report ${options.out} --out report.html\`\n`,
    );
  }
  return { exit: EXIT.ok, result: { out: options.out, questionnaire: companion, guideQuestions: count, document: assessment } };
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
