import type { Host } from "@cohesion/core";
import { walkGuideQuestions } from "@cohesion/model";
import type { Assessment } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import type { CommandContext, CommandOutcome } from "../framework/command";
import { EXIT, UsageError, type CliIO } from "../io";

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

/**
 * `cohesion init assessment --benchmark <id> --city <name>`: writes a blank self-assessment with an entry
 * for every guide question of the benchmark (sub-questions included), ready to be filled in.
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
    schemaVersion: "1.0",
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
  if (!report.valid) return { exit: EXIT.invalid, problems: report.errors };
  if (options.out === undefined || options.out === "-") return { exit: EXIT.ok, result: { document: assessment }, text };
  await write(options.out, text, { force: options.force });
  const count = Object.keys(answers).length;
  if (!json) io.stderr.write(`wrote ${options.out}: ${count} guide questions of ${benchmark.id} ${benchmark.version} to answer\n`);
  return { exit: EXIT.ok, result: { out: options.out, guideQuestions: count, document: assessment } };
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
