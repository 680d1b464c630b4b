import { run } from "./main";

// The binary only wires the process to `run`; everything testable lives there.
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    process.exitCode = code;
    // A plugin's timer or open handle must not keep a finished command alive: once both streams have
    // flushed what was written (a pipe may still hold it), exit; unref'd, the timer fires only when
    // something else still holds the process open.
    let pending = 2;
    const flushed = () => {
      if (--pending === 0) setTimeout(() => process.exit(code), 50).unref();
    };
    process.stdout.write("", flushed);
    process.stderr.write("", flushed);
  },
  (error: unknown) => {
    process.stderr.write(`cohesion: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
