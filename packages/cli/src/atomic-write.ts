import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./io";

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
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean }): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`${path} is a folder — give the path of a file to write`);
  if (found?.isCharacterDevice() || found?.isFIFO()) {
    await writeInPlace(path, content);
    return;
  }
  if (found && !found.isFile()) throw new UsageError(`${path} is ${found.isSocket() ? "a socket" : "a block device"}, not a file — give the path of a file to write`);
  if (found && !options.force) throw new OutputExistsError(path);
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") throw new UsageError(`${dirname(path)} cannot be a folder: a file stands in its path — give an --out inside a folder`);
    throw failed(path, error);
  });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content, { flag: "wx" });
    if (options.force) await rename(temp, path);
    else await publishWithoutOverwrite(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error instanceof OutputExistsError ? error : failed(path, error, temp);
  }
}

async function writeInPlace(path: string, content: string | Uint8Array): Promise<void> {
  try {
    const handle = await open(path, "w");
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw failed(path, error);
  }
}

// The temporary file is ours; what the user needs to hear about is the target and its folder.
function failed(path: string, error: unknown, temp?: string): WriteFailedError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(path);
  if (code === "EACCES" || code === "EPERM") return new WriteFailedError(path, `permission denied: the folder ${folder} is not writable`);
  if (code === "EROFS") return new WriteFailedError(path, `the folder ${folder} is on a read-only file system`);
  if (code === "ENOSPC") return new WriteFailedError(path, "no space left on the device");
  if (code === "EDQUOT") return new WriteFailedError(path, "disk quota exceeded");
  const message = error instanceof Error ? error.message : String(error);
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
