import { randomBytes } from "node:crypto";
import { link, lstat, open, realpath, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { makeFolder } from "@cohesion/core/folders";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./io";
import { describeThrown } from "@cohesion/schema";

/** Why a write was refused. */
export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
  }
}

/** A write that failed, named by its target (never by the temporary file beside it). */
export class WriteFailedError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: could not be written (${detail})`);
    this.name = "WriteFailedError";
  }
}

/**
 * Writes a file atomically: the content goes to a temporary file beside the target, which is then
 * renamed over it, so a reader never sees half a file. An existing file is kept unless `force` is set;
 * a folder at the path is refused (a {@link UsageError}). A character device or a named pipe at the path
 * (`/dev/stdout`, `/dev/null`, a FIFO) is written to as it is, never replaced by a file; a socket or a
 * block device is refused. A failure to write is a {@link WriteFailedError} naming the target.
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/report.html", html, { force: false });
 * ```
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions): Promise<void> {
  const file = await openFileAtomic(path, options);
  try {
    await file.write(content);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/** How a file may be written. */
export interface WriteOptions {
  /** Replace an existing file. */
  force: boolean;
  /**
   * The files the command read its input from: the output is refused (a {@link UsageError}) when it is one
   * of them, by any path or link, even with `force` — the input would be gone before it could be checked.
   */
  inputs?: readonly string[];
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
export async function openFileAtomic(given: string, options: WriteOptions): Promise<AtomicFile> {
  // A symbolic link is written through: the file it leads to gets the content and the link stays a link
  // (a rename over the link's own path would replace the link with a file).
  const path = (await lstat(given).catch(() => undefined))?.isSymbolicLink() ? await realpath(given).catch(() => given) : given;
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`${given} is a folder — give the path of a file to write`);
  if (found?.isFile()) {
    for (const input of options.inputs ?? []) {
      const read = await stat(input).catch(() => undefined);
      if (read && read.dev === found.dev && read.ino === found.ino) {
        const same = input === given ? "is also the input" : `is the same file as the input ${input}`;
        throw new UsageError(`${given} ${same} — writing it would replace what is being read, even with --force`, "give --out another file");
      }
    }
  }
  // A device or a named pipe is written to as it is: replacing it with a regular file would break it.
  if (found?.isCharacterDevice() || found?.isFIFO()) return inPlace(path);
  if (found && !found.isFile()) throw new UsageError(`${given} is ${found.isSocket() ? "a socket" : "a block device"}, not a file — give the path of a file to write`);
  if (found && !options.force) throw new OutputExistsError(given);
  await makeFolder(dirname(path)).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") throw new UsageError(`${dirname(path)} cannot be a folder: a file stands in its path — give an --out inside a folder`);
    if (code === "EACCES" || code === "EPERM") throw new WriteFailedError(path, `permission denied: the folder ${dirname(path)} does not exist and cannot be made there`);
    throw failed(path, error);
  });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const { write, close } = await writerOf(path, temp, "wx");
  return {
    write,
    commit: async () => {
      await close();
      try {
        if (options.force) await rename(temp, path);
        else await publishWithoutOverwrite(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error instanceof OutputExistsError ? error : failed(path, error, temp);
      }
    },
    abort: async () => {
      await close();
      await rm(temp, { force: true });
    },
  };
}

async function inPlace(path: string): Promise<AtomicFile> {
  const { write, close } = await writerOf(path, undefined, "w");
  return { write, commit: close, abort: close };
}

// Opens `temp` (or the target itself) for writing; every failure is told as a failure to write the target.
async function writerOf(path: string, temp: string | undefined, flags: "w" | "wx"): Promise<{ write: AtomicFile["write"]; close: () => Promise<void> }> {
  let handle: FileHandle;
  try {
    handle = await open(temp ?? path, flags);
  } catch (error) {
    throw failed(path, error, temp);
  }
  let closed = false;
  return {
    write: async (content) => {
      try {
        // writeFile writes all of it from the current position (write may stop short on a pipe).
        await handle.writeFile(content);
      } catch (error) {
        throw failed(path, error, temp);
      }
    },
    close: async () => {
      if (!closed) await handle.close();
      closed = true;
    },
  };
}

// The temporary file is ours; what the user needs to hear about is the target and its folder.
function failed(path: string, error: unknown, temp?: string): WriteFailedError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(path);
  if (code === "EACCES" || code === "EPERM") return new WriteFailedError(path, `permission denied: the folder ${folder} is not writable`);
  if (code === "EROFS") return new WriteFailedError(path, `the folder ${folder} is on a read-only file system`);
  if (code === "ENOSPC") return new WriteFailedError(path, "no space left on the device");
  if (code === "EDQUOT") return new WriteFailedError(path, "disk quota exceeded");
  const message = describeThrown(error);
  return new WriteFailedError(path, temp === undefined ? message : message.split(temp).join(path));
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
