import type { Output } from "./io";

/**
 * A progress bar on a terminal, redrawn at most ten times a second; on anything that is not a TTY it
 * stays silent, so piped output and logs stay clean.
 *
 * @example
 * ```ts
 * const progress = createProgress(process.stderr, "practices.ndjson", totalBytes);
 * progress.advance(chunk.length);
 * progress.done();
 * ```
 */
export function createProgress(out: Output, label: string, total: number): { advance(bytes: number): void; done(): void } {
  if (!out.isTTY || total <= 0) return { advance() {}, done() {} };
  let seen = 0;
  let last = 0;
  const draw = () => {
    const width = Math.max(10, Math.min(40, (out.columns ?? 80) - label.length - 20));
    const share = Math.min(1, seen / total);
    const filled = Math.round(width * share);
    out.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(share * 100)}%`);
  };
  return {
    advance(bytes) {
      seen += bytes;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw();
      }
    },
    done() {
      seen = total;
      draw();
      out.write("\n");
    },
  };
}
