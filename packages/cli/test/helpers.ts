import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `cohesion` binary from the repository root, as a user would. */
export function cohesion(args: readonly string[], options: { input?: string; cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Ran {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder removed after the callback. */
export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-cli-"));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A temporary folder removed once the async callback settles. */
export async function withTempDirAsync<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "cohesion-cli-"));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when output shows a JavaScript stack trace, which a user must never see. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}

/** The JSON envelope every command writes with `--format json`. */
export interface Envelope<R = unknown> {
  command: string;
  ok: boolean;
  exit: number;
  problems: { code: string; severity: string; pointer: string; message: string; params: Record<string, unknown>; file?: string; line?: number }[];
  result?: R;
}

/** Parses standard output as the JSON envelope, checking its shape on the way. */
export function envelope<R = unknown>(stdout: string): Envelope<R> {
  const parsed = JSON.parse(stdout) as Envelope<R>;
  if (typeof parsed.command !== "string" || typeof parsed.ok !== "boolean" || typeof parsed.exit !== "number" || !Array.isArray(parsed.problems)) {
    throw new Error(`not a command envelope: ${stdout.slice(0, 200)}`);
  }
  return parsed;
}

/** Evidence a person enters for one answer, to find again in the report. */
export interface EnteredEvidence {
  readonly question: string;
  readonly notes: string;
  readonly linkTitle: string;
  readonly url: string;
}

/**
 * Fills every other question of a blank assessment written by `cohesion init`, as an integration officer
 * would halfway through: a level, an evidence link with title and date, and a note. Returns what was entered.
 */
export function fillHalf(assessment: { answers: Record<string, Record<string, unknown>> }, levels: readonly string[]): EnteredEvidence[] {
  const entered: EnteredEvidence[] = [];
  Object.keys(assessment.answers).forEach((question, i) => {
    if (i % 2 === 1) return;
    const evidence = { question, notes: `Checked with the district office for ${question} (note ${i}).`, linkTitle: `Council minutes on ${question}`, url: `https://city.example.org/minutes/${question}.pdf` };
    assessment.answers[question] = {
      level: levels[i % levels.length],
      evidenceLinks: [{ title: evidence.linkTitle, url: evidence.url, date: "2025-06" }],
      notes: evidence.notes,
    };
    entered.push(evidence);
  });
  return entered;
}
