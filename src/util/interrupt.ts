import type { ChildProcess } from 'node:child_process';
import { CATALOG } from '../diagnostics/catalog.ts';

/**
 * Ctrl-C and SIGTERM: what a command must undo when it is interrupted. Writers register their temporary folders,
 * tools their child processes; the CLI enables the handler, which stops the children (their whole process group),
 * runs the cleanups (newest first) and exits with 130 after one diagnostic line.
 *
 * The handler is installed only while something is registered: a JavaScript handler runs only when the event loop
 * is free, so during pure computation (emulation, a sweep) the signal's default action must end the process at
 * once; nothing needs undoing then.
 */
const cleanups = new Set<() => void>();
const children = new Set<ChildProcess>();
let enabled = false;
let installed = false;

/** Run `undo` if the command is interrupted before the returned function is called. */
export function onInterrupt(undo: () => void): () => void {
  cleanups.add(undo);
  update();
  return () => {
    cleanups.delete(undo);
    update();
  };
}

/**
 * Stop `child` (and everything it started) on interruption. Spawn it with `detached: true` so it leads its own
 * process group: a compiler's own children (cc1plus, make, the C++ of Verilator) are then stopped too.
 */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  update();
  const forget = () => (children.delete(child), update());
  child.once('exit', forget);
  child.once('error', forget);
}

/**
 * For a command made of short steps (convert): a signal is handled cleanly at the next step boundary (exit 130, one
 * line) instead of by the default kill. Returns the release.
 */
export const deferInterrupts = (): (() => void) => onInterrupt(() => {});

/** Stop every tracked child process group now. */
export function stopChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const c of children) {
    if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid, signal);
    } catch {
      try {
        c.kill(signal);
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
}

/** Undo everything registered (newest first); each cleanup runs once even if another throws. */
export function runCleanups(): void {
  for (const undo of [...cleanups].reverse()) {
    cleanups.delete(undo);
    try {
      undo();
    } catch {
      /* best effort: the others still run */
    }
  }
}

/** Exit code of an interrupted command (128 + SIGINT, for SIGTERM too: "stopped by the user"). */
export const INTERRUPTED_EXIT_CODE = 130;

function handler(signal: NodeJS.Signals): void {
  const stopped = children.size;
  stopChildren();
  runCleanups();
  const what = stopped ? `; stopped ${stopped} tool process${stopped > 1 ? 'es' : ''}` : '';
  process.stderr.write(`hlsforge: error[interrupted]: ${CATALOG.interrupted}: stopped by ${signal}${what}; temporary files removed, nothing half-written kept\n`);
  process.exit(INTERRUPTED_EXIT_CODE);
}

function update(): void {
  const want = enabled && cleanups.size + children.size > 0;
  if (want === installed) return;
  installed = want;
  for (const s of ['SIGINT', 'SIGTERM'] as const) want ? process.on(s, handler) : process.off(s, handler);
}

/** Enable the SIGINT/SIGTERM handling of the CLI (for the duration of one command); returns its removal. */
export function handleInterrupts(): () => void {
  enabled = true;
  update();
  return () => {
    enabled = false;
    update();
  };
}

/** Let a pending signal be handled between long synchronous steps (the handler only runs when the event loop does). */
export const yieldToSignals = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
