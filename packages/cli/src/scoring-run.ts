import type { Host } from "@cohesion/core";
import { DEFAULT_MODEL, enrichReport, scoreAssessment, scoringModelsPoint, type AnyScoringModel } from "@cohesion/scoring";
import type { Assessment, Benchmark, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { findBenchmark } from "./find-benchmark";
import { expandInputs, readSource } from "./inputs";
import type { CommandContext, CommandOutcome } from "./framework/command";
import { EXIT, UsageError, type CliIO } from "./io";
import { parametersFromFlags } from "./model-parameters";
import { cliProblem } from "./problems";
import { failureProblem, isIoFailure, placeProblems, readOneDocument } from "./read-document";
import { suggestionText } from "./suggest";

/** What `score` and `report` need to know. */
export interface ScoreRunOptions {
  file: string;
  model?: string;
  /** `--param name=value` flags, checked against the model's parameters. */
  params?: readonly string[];
  peers?: string;
  target?: number;
}

/** A scored assessment: its report as `enrichReport` leaves it (gaps, practices, peers, mentors, messages). */
export interface ScoreRun {
  assessment: Assessment;
  benchmark: Benchmark;
  report: ScoreReport;
}

/**
 * Reads, validates and scores one assessment with the installed content, then enriches the report with
 * `enrichReport`: gaps against its targets (or `--target`), practices to learn from, and, with `--peers`,
 * its position among the peer assessments of the same benchmark and its mentor candidates. A failure
 * comes back as the command's outcome.
 *
 * @example
 * ```ts
 * const run = await runScoring({ file: "athens.json", peers: "examples/assessments", params: ["threshold=60"], model: "cohesion.threshold" }, io, host);
 * if ("exit" in run) return run;
 * ```
 */
export async function runScoring(options: ScoreRunOptions, io: CliIO, host: Host): Promise<ScoreRun | CommandOutcome> {
  const fail = (problems: readonly ValidationProblem[], exit: number): CommandOutcome => ({ exit, problems });
  const loaded = await readOneDocument(options.file, io, "assessment document");
  if ("code" in loaded) return fail([failureProblem(loaded)], isIoFailure(loaded) ? EXIT.usage : EXIT.invalid);
  const { value: document } = loaded;
  const kind = document && typeof document === "object" && "kind" in document ? String((document as { kind: unknown }).kind) : "nothing";
  if (kind !== "assessment") {
    return fail([{ ...cliProblem("wrong_kind", "/kind", { file: options.file, expected: "assessment", found: kind }), file: options.file }], EXIT.invalid);
  }
  const validation = host.validate(document);
  if (!validation.valid || loaded.duplicates) return fail(placeProblems(loaded, validation.errors), EXIT.invalid);
  const assessment = document as Assessment;
  const found = findBenchmark(host, assessment.benchmark.id, assessment.benchmark.version);
  if (!found.ok) return fail([{ ...found.problem, file: options.file }], EXIT.invalid);
  const benchmark = found.benchmark;

  const modelId = options.model ?? DEFAULT_MODEL.id;
  const model = (await host.contribution(scoringModelsPoint, modelId)) as AnyScoringModel | undefined;
  if (!model) {
    // Declared but not delivered: the plugin failed to activate, which is not the same as a typo.
    const declared = host.declared(scoringModelsPoint).find((m) => m.id === modelId);
    if (declared) {
      const plugin = host.plugin(declared.plugin);
      const why = plugin?.problems.find((p) => p.code === "activation_failed" || p.code === "contribution_not_registered");
      return fail([cliProblem("model_unavailable", "", { model: modelId, plugin: declared.plugin, detail: why?.message ?? `its status is ${plugin?.status ?? "unknown"}` })], EXIT.usage);
    }
    const available = host.declared(scoringModelsPoint).map((m) => m.id);
    const listed = [...new Set([DEFAULT_MODEL.id, ...available])];
    return fail([cliProblem("unknown_model", "", { model: modelId, suggestion: suggestionText(modelId, listed), available: listed.join(", ") })], EXIT.usage);
  }
  const read = parametersFromFlags(options.params ?? [], model);
  if (read.problems.length > 0) return fail(read.problems, EXIT.usage);
  const catalog = host.catalog();
  const scales = catalog.scales();
  const places = catalog.places();
  // The assessment was validated above, so scoring does not check it against its schema again; peers
  // read from a folder were not, and are.
  const score = (a: Assessment, validated: boolean) => scoreAssessment(a, benchmark, { model, scales, parameters: read.parameters, validated });
  const scored = score(assessment, true);
  if (!scored.ok) return fail(scored.errors.errors.map((p) => ({ ...p, file: options.file })), EXIT.invalid);

  let peers: ScoreReport[] | undefined;
  const notes: string[] = [];
  if (options.peers !== undefined) {
    const read = await readPeerAssessments(options.peers);
    if (!("peers" in read)) return read;
    notes.push(...read.notes);
    peers = [];
    const seen = new Set<string>();
    for (const peer of read.peers) {
      if (peer.id === assessment.id) continue;
      // The same city twice would count twice in every peer statistic.
      if (seen.has(peer.id)) {
        notes.push(`${peer.id} is in the peers more than once: only the first is counted`);
        continue;
      }
      seen.add(peer.id);
      if (peer.benchmark.id !== benchmark.id || peer.benchmark.version !== benchmark.version) {
        notes.push(`${peer.id} answers ${peer.benchmark.id} ${peer.benchmark.version}, not ${benchmark.id} ${benchmark.version}: left out of the peers`);
        continue;
      }
      const result = score(peer, false);
      if (result.ok) peers.push(result.report);
      else notes.push(`${peer.id} could not be scored: ${result.errors.errors[0]?.message ?? "invalid"}`);
    }
  }
  const enriched = enrichReport(scored.report, {
    ...(options.target === undefined ? (assessment.targets ? { targets: assessment.targets } : {}) : { uniformTarget: options.target }),
    practices: catalog.practices(),
    benchmark,
    places,
    // The host validated its practices and places against the schemas as its plugins extend them.
    validated: true,
    ...(peers ? { peers, mentors: peers } : {}),
  });
  if (!enriched.ok) return fail(enriched.errors.errors.map((p) => ({ ...p, file: options.file })), EXIT.invalid);
  let report = enriched.report;
  if (notes.length > 0) report = { ...report, messages: [...(report.messages ?? []), ...notes.map((message) => ({ code: "peer_left_out", severity: "info" as const, message }))] };
  return { assessment, benchmark, report };
}

// The assessments in a folder of peers, and a note for each file that could not be read: a peer left out
// changes every rank, so it is never left out without a word.
async function readPeerAssessments(dir: string): Promise<{ peers: Assessment[]; notes: string[] } | CommandOutcome> {
  const peers: Assessment[] = [];
  const notes: string[] = [];
  for await (const source of expandInputs([dir])) {
    if ("type" in source) return { exit: EXIT.usage, problems: [failureProblem(source)] };
    for await (const batch of readSource(source)) {
      for (const item of batch) {
        if (item.type === "failure") {
          notes.push(`${failureProblem(item).message}: left out of the peers`);
          continue;
        }
        const value = item.value as { kind?: unknown };
        if (value && typeof value === "object" && value.kind === "assessment") peers.push(item.value as Assessment);
      }
    }
  }
  return { peers, notes };
}

/** The options `score` and `report` share, from the command line. */
export function scoreRunOptions(context: CommandContext, missing: string): ScoreRunOptions {
  const { positionals } = context.args;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? missing : `${missing} (got ${positionals.length}: ${positionals.join(" ")})`);
  const target = context.string("target");
  const model = context.string("model");
  const peers = context.string("peers");
  const params = context.args.values["param"];
  const options: ScoreRunOptions = { file: positionals[0] as string };
  if (model !== undefined) options.model = model;
  if (peers !== undefined) options.peers = peers;
  if (Array.isArray(params)) options.params = params;
  if (target !== undefined) {
    const value = Number(target);
    if (target.trim() === "" || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--target must be a number from 0 to 100, not "${target}"`);
    options.target = value;
  }
  return options;
}
