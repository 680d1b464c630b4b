import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./io";

/** Why a write was refused. */
export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
  }
}

/**
 * Writes a file atomically: the content goes to a temporary file beside the target, which is then
 * renamed over it, so a reader never sees half a file. An existing file is kept unless `force` is set;
 * a folder at the path is refused (a {@link UsageError}).
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/report.html", html, { force: false });
 * ```
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean }): Promise<void> {
  const file = await openFileAtomic(path, options);
  try {
    await file.write(content);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/** A file being written by {@link openFileAtomic}: nothing is at its path until {@link AtomicFile.commit}. */
export interface AtomicFile {
  write(content: string | Uint8Array): Promise<void>;
  /** Puts the written file at its path (over an existing one only with `force`). */
  commit(): Promise<void>;
  /** Drops what was written; the path is left as it was. */
  abort(): Promise<void>;
}

/**
 * Opens a file to be written in pieces (a stream of NDJSON lines) and published whole, as
 * {@link writeFileAtomic} publishes one string: through a temporary file beside it and a rename.
 *
 * @example
 * ```ts
 * const file = await openFileAtomic("out/practices.ndjson", { force: false });
 * for (const line of lines) await file.write(`${line}\n`);
 * await file.commit();
 * ```
 */
export async function openFileAtomic(path: string, options: { force: boolean }): Promise<AtomicFile> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`${path} is a folder — give the path of a file to write`);
  if (found && !options.force) throw new OutputExistsError(path);
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") throw new UsageError(`${dirname(path)} cannot be a folder: a file stands in its path — give an --out inside a folder`);
    throw error;
  });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx");
  let closed = false;
  const close = async () => {
    if (!closed) await handle.close();
    closed = true;
  };
  return {
    write: async (content) => {
      if (typeof content === "string") await handle.write(content);
      else await handle.write(content);
    },
    commit: async () => {
      await close();
      try {
        if (options.force) await rename(temp, path);
        else await publishWithoutOverwrite(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    abort: async () => {
      await close();
      await rm(temp, { force: true });
    },
  };
}

// A hard link fails when the target exists, so a file created since the check above is still kept.
async function publishWithoutOverwrite(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new OutputExistsError(path);
    // Filesystems without hard links: fall back to the existence check already made.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}
