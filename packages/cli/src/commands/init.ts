import type { Host } from "@cohesion/core";
import { walkGuideQuestions } from "@cohesion/model";
import type { Assessment } from "@cohesion/schema";
import { writeFileAtomic } from "../atomic-write";
import { findBenchmark } from "../find-benchmark";
import { formatProblem } from "../format-problems";
import { EXIT, type CliIO } from "../io";

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
 * for every guide question of the benchmark (sub-questions included), ready to be filled in.
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
  if (!report.valid) {
    for (const problem of report.errors) io.stderr.write(`${formatProblem(problem)}\n`);
    return EXIT.invalid;
  }
  if (options.out === undefined || options.out === "-") {
    io.stdout.write(text);
    return EXIT.ok;
  }
  await write(options.out, text, { force: options.force });
  const count = Object.keys(answers).length;
  io.stderr.write(`wrote ${options.out}: ${count} guide questions of ${benchmark.id} ${benchmark.version} to answer\n`);
  return EXIT.ok;
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
