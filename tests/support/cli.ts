// The real CLI, run as a user runs it: bin/fototar.js in a child Node (the same Node 24 as the
// tests). The one runner every test uses, so how the CLI is started (its path, its Node, root's
// file modes) is decided in one place.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { honouringFileModes } from './fileModes.ts';

export const FOTOTAR_BIN = fileURLToPath(new URL('../../bin/fototar.js', import.meta.url));

/** What a finished `fototar` run left: its exit status and its output. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started (or was killed by `timeout`). */
  error?: Error;
}

export interface CliOptions {
  /** Added to the tests' own environment. */
  env?: NodeJS.ProcessEnv;
  timeout?: number;
  /** Held to file modes even as root (a read-only folder is read-only): see fileModes.ts. */
  honourFileModes?: boolean;
}

/** `fototar <args…>`, waited for. */
export function runFototar(args: readonly string[], options: CliOptions = {}): CliResult {
  const line = [FOTOTAR_BIN, ...args];
  const [command, commandArgs] = options.honourFileModes ? honouringFileModes(process.execPath, line) : [process.execPath, line];
  const r = spawnSync(command, commandArgs, { encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: options.timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...(r.error ? { error: r.error } : {}) };
}

/** `fototar <args…>` with no options: the common case. */
export function fototar(...args: string[]): CliResult {
  return runFototar(args);
}

/** `fototar <args…> --json`, which must succeed; its parsed output. */
export function fototarJson(...args: string[]): any {
  const r = runFototar([...args, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Starts the real CLI and resolves `reached` once a stderr line matches (the process keeps running). */
export function startFototar(args: string[], env: NodeJS.ProcessEnv, until: (line: string) => boolean): { proc: ChildProcess; reached: Promise<boolean>; exited: Promise<number | null>; stderr: () => string } {
  const proc = spawn(process.execPath, [FOTOTAR_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let buffer = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const reached = new Promise<boolean>((resolve) => {
    proc.stderr!.on('data', (chunk) => {
      stderr += chunk;
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      if (lines.some(until)) resolve(true);
    });
    proc.stdout!.resume();
    void exited.then(() => resolve(false));
  });
  return { proc, reached, exited, stderr: () => stderr };
}

/** One line on stderr, exit 1, no stack: what every failure of the CLI looks like. Returns the line. */
export function assertOneLineFailure(result: CliResult, command: string): string {
  if (result.status !== 1) throw new Error(`fototar ${command} exited ${result.status}: ${result.stderr}`);
  if (/\n\s+at /.test(result.stderr)) throw new Error(`fototar ${command} printed a stack: ${result.stderr}`);
  const lines = result.stderr.split('\n').filter(Boolean);
  if (lines.length !== 1) throw new Error(`fototar ${command} printed ${lines.length} lines: ${result.stderr}`);
  if (!lines[0].startsWith(`fototar ${command}: `)) throw new Error(`unexpected line: ${lines[0]}`);
  return lines[0];
}
