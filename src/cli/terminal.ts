/**
 * What phuluc prints to a terminal carries no control characters from user text: a
 * workbook or draft could otherwise hold escape sequences ("\u001b[2J", a fake prompt,
 * a hidden line after "\r") or bidirectional overrides that change what the user sees.
 * And a closed output (`phuluc check x --json | head -1`) ends the run quietly.
 */

/** C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and isolates. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and escape characters removed (tab and newline kept). */
export function cleanForTerminal(s: string): string {
  return s.replace(CONTROLS, "");
}

const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON for printing: JSON.stringify escapes C0 controls; the others that a terminal acts on
 * (C1, bidirectional controls) are escaped too, so the data is kept exactly and the terminal
 * shows them as text.
 */
export function jsonText(x: unknown): string {
  return JSON.stringify(x, null, 2).replace(JSON_UNSAFE, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

export interface Out {
  out(s: string): void;
  err(s: string): void;
}

/** An output whose every write is cleaned by cleanForTerminal. */
export function cleanIo(io: Out): Out {
  // A leading carriage return is phuluc's own (a progress line updated in place); any other is removed.
  const keepCr = (s: string) => (s.startsWith("\r") ? "\r" + cleanForTerminal(s.slice(1)) : cleanForTerminal(s));
  return { out: (s) => io.out(cleanForTerminal(s)), err: (s) => io.err(keepCr(s)) };
}

let guarded = false;
let stdoutClosed = false;
let stderrClosed = false;

/**
 * The process's stdout and stderr, made safe for a reader that goes away: after EPIPE
 * (`| head`), writes are dropped instead of ending in an error and a stack trace.
 */
export function processOut(): Out {
  if (!guarded) {
    guarded = true;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e && e.code === "EPIPE") stdoutClosed = true;
    });
    process.stderr.on("error", (e: NodeJS.ErrnoException) => {
      if (e && e.code === "EPIPE") stderrClosed = true;
    });
  }
  return {
    out: (s) => {
      if (stdoutClosed) return;
      try {
        process.stdout.write(s);
      } catch {
        stdoutClosed = true;
      }
    },
    err: (s) => {
      if (stderrClosed) return;
      try {
        process.stderr.write(s);
      } catch {
        stderrClosed = true;
      }
    },
  };
}
