import type { Host } from "@cohesion/core";
import type { ReportMentor, ReportPeers } from "@cohesion/adapter-report";
import { attachGaps, matchMentors, peerPosition, recommendPractices, scoreAssessment, scoringModelsPoint, type AnyScoringModel } from "@cohesion/scoring";
import type { Assessment, Benchmark, ScoreReport, ValidationProblem } from "@cohesion/schema";
import { findBenchmark } from "./find-benchmark";
import { formatProblem } from "./format-problems";
import { expandInputs, readSource } from "./inputs";
import { EXIT, type CliIO } from "./io";
import { cliProblem } from "./problems";
import { failureProblem, isIoFailure, readOneDocument } from "./read-document";
import { suggestionText } from "./suggest";

/** What `score` and `report` need to know. */
export interface ScoreRunOptions {
  file: string;
  model?: string;
  peers?: string;
  target?: number;
}

/** A scored assessment with everything a report shows. */
export interface ScoreRun {
  assessment: Assessment;
  benchmark: Benchmark;
  report: ScoreReport;
  peers?: ReportPeers;
  mentors?: ReportMentor[];
}

const DEFAULT_MODEL = "cohesion.weighted-mean";

/**
 * Reads, validates and scores one assessment with the installed content: gaps against its targets (or
 * `--target`), practices to learn from, and, with `--peers`, its position among the peer assessments of
 * the same benchmark and its mentor candidates. Problems are printed and turned into an exit code.
 *
 * @example
 * ```ts
 * const run = await runScoring({ file: "athens.json", peers: "examples/assessments" }, io, host);
 * if (typeof run === "number") process.exitCode = run;
 * ```
 */
export async function runScoring(options: ScoreRunOptions, io: CliIO, host: Host): Promise<ScoreRun | number> {
  const fail = (problems: readonly ValidationProblem[], code: number) => {
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return code;
  };
  const loaded = await readOneDocument(options.file, io, "assessment document");
  if ("code" in loaded) return fail([failureProblem(loaded)], isIoFailure(loaded) ? EXIT.usage : EXIT.invalid);
  const { value: document } = loaded;
  const kind = document && typeof document === "object" && "kind" in document ? String((document as { kind: unknown }).kind) : "nothing";
  if (kind !== "assessment") {
    return fail([{ ...cliProblem("wrong_kind", "/kind", { file: options.file, expected: "assessment", found: kind }), file: options.file }], EXIT.invalid);
  }
  const validation = host.validate(document);
  if (!validation.valid) return fail(validation.errors.map((p) => ({ ...p, file: options.file })), EXIT.invalid);
  const assessment = document as Assessment;
  const found = findBenchmark(host, assessment.benchmark.id, assessment.benchmark.version);
  if (!found.ok) return fail([{ ...found.problem, file: options.file }], EXIT.invalid);
  const benchmark = found.benchmark;

  const modelId = options.model ?? DEFAULT_MODEL;
  const model = await host.contribution(scoringModelsPoint, modelId);
  if (!model) {
    const available = host.declared(scoringModelsPoint).map((m) => m.id);
    const listed = [...new Set([DEFAULT_MODEL, ...available])];
    return fail([cliProblem("unknown_model", "", { model: modelId, suggestion: suggestionText(modelId, listed), available: listed.join(", ") })], EXIT.usage);
  }
  const catalog = host.catalog();
  const scales = catalog.scales();
  const places = catalog.places();
  const score = (a: Assessment) => scoreAssessment(a, benchmark, { model: model as AnyScoringModel, scales });
  const scored = score(assessment);
  if (!scored.ok) return fail(scored.errors.errors.map((p) => ({ ...p, file: options.file })), EXIT.invalid);
  const gapped = attachGaps(scored.report, { ...(assessment.targets ? { targets: assessment.targets } : {}), ...(options.target === undefined ? {} : { uniformTarget: options.target }) });
  let report: ScoreReport = gapped.ok ? gapped.report : scored.report;
  const run: ScoreRun = { assessment, benchmark, report };

  const recommendations = recommendPractices(report, { practices: catalog.practices(), places, benchmark, ...(report.gaps ? { gaps: report.gaps } : {}) });
  if (recommendations.ok) report = { ...report, recommendations: recommendations.report };

  if (options.peers !== undefined) {
    const peers = await readPeerAssessments(options.peers, io);
    if (typeof peers === "number") return peers;
    const others: ScoreReport[] = [];
    const notes: string[] = [];
    for (const peer of peers) {
      if (peer.id === assessment.id) continue;
      if (peer.benchmark.id !== benchmark.id || peer.benchmark.version !== benchmark.version) {
        notes.push(`${peer.id} answers ${peer.benchmark.id} ${peer.benchmark.version}, not ${benchmark.id} ${benchmark.version}: left out of the peers`);
        continue;
      }
      const result = score(peer);
      if (result.ok) others.push(result.report);
      else notes.push(`${peer.id} could not be scored: ${result.errors.errors[0]?.message ?? "invalid"}`);
    }
    const position = peerPosition(assessment.id, [report, ...others], { places });
    if (position.ok) {
      report = { ...report, peers: position.report.peers, messages: [...(report.messages ?? []), ...position.report.messages] };
      const shown = adapterPeers(report);
      if (shown) run.peers = shown;
    }
    const mentors = matchMentors(report, others, { places, ...(report.gaps ? { gaps: report.gaps } : {}) });
    if (mentors.ok) {
      report = { ...report, mentors: mentors.report.mentors, messages: [...(report.messages ?? []), ...mentors.report.messages] };
      run.mentors = mentors.report.mentors.map((m) => ({ name: m.subject, score: m.match * 100, reason: m.reason }));
    }
    for (const note of notes) {
      report = { ...report, messages: [...(report.messages ?? []), { code: "peer_left_out", severity: "info", message: note }] };
    }
  }
  run.report = report;
  return run;
}

function adapterPeers(report: ScoreReport): ReportPeers | undefined {
  const groups = report.peers?.groups ?? [];
  const group = groups.find((g) => g.dimension === "all") ?? groups[0];
  if (!group) return undefined;
  const medians: Record<string, number | null> = {};
  for (const statistic of group.keyFactors ?? []) medians[statistic.ref] = statistic.quartiles?.median ?? null;
  medians[report.overall.ref] = group.overall.quartiles?.median ?? null;
  return { count: group.members, medians, group: group.label, ...(group.overall.rankText ? { rank: group.overall.rankText } : {}) };
}

async function readPeerAssessments(dir: string, io: CliIO): Promise<Assessment[] | number> {
  const peers: Assessment[] = [];
  for await (const source of expandInputs([dir])) {
    if ("type" in source) {
      io.stderr.write(`${formatProblem(failureProblem(source))}\n`);
      return EXIT.usage;
    }
    for await (const batch of readSource(source)) {
      for (const item of batch) {
        if (item.type === "failure") continue;
        const value = item.value as { kind?: unknown };
        if (value && typeof value === "object" && value.kind === "assessment") peers.push(item.value as Assessment);
      }
    }
  }
  return peers;
}
