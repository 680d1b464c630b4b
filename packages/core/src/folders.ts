import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

// Node's own `mkdir(path, { recursive: true })` never returns when the kernel refuses a folder inside an
// existing one with ENOENT (any path under /proc, for instance): it retries the parent for ever. These
// walk up once to the first folder that exists and create each missing one below it once, so every
// failure comes back as the error of the folder that could not be made.

/**
 * Creates a folder and any missing parents, like `mkdir -p`. Resolves when it exists; rejects with the
 * file system's error (code `EEXIST` when a file stands at `path`, `ENOTDIR` when one stands on the way,
 * `ENOENT`/`EACCES`/`EROFS` when a folder cannot be made) and never hangs.
 *
 * @example
 * ```ts
 * await makeFolder("out/reports/2026");
 * ```
 */
export async function makeFolder(path: string): Promise<void> {
  // A few stat and mkdir calls: done synchronously, so the one walk below serves both forms.
  makeFolderSync(path);
}

/**
 * {@link makeFolder}, synchronously.
 *
 * @example
 * ```ts
 * makeFolderSync("/home/ana/.cache/cohesion");
 * ```
 */
export function makeFolderSync(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; ) {
    const found = statSync(at, { throwIfNoEntry: false });
    if (found) {
      if (!found.isDirectory()) throw notAFolder(at, missing.length === 0);
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

// The error `mkdir -p` gives: EEXIST for a file at the path itself, ENOTDIR for one on the way to it.
function notAFolder(at: string, itself: boolean): NodeJS.ErrnoException {
  const code = itself ? "EEXIST" : "ENOTDIR";
  return Object.assign(new Error(`${code}: ${itself ? "file already exists" : "not a directory"}, mkdir '${at}'`), { code, path: at, syscall: "mkdir" });
}
