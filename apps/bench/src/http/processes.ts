/**
 * The benchmark's server and load processes: started, timed to their "listening on" line, their
 * resident memory read while idle, stopped by SIGTERM. Each runs on its own (loopback only).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type ServerProcess = {
  url: string;
  /** from spawn to the "listening on" line */
  startMs: number;
  /** resident memory of the process and its children now, in bytes (Linux: /proc) */
  rss(): number;
  stop(): Promise<void>;
};

/** The process's resident set, from /proc (the benchmark's machine is Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
}

/** The pids under `pid` (tsx starts the server as a child of its own wrapper process). */
function childrenOf(pid: number): number[] {
  let direct: number[] = [];
  try {
    direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return direct.flatMap((c) => [c, ...childrenOf(c)]);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `command args` and waits for its "listening on <url>" line (60 s at most). */
export async function startServer(command: string, args: string[], cwd: string): Promise<ServerProcess> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let head = '';
  // Kader logs a line per request: read and drop it (as a log collector would), keep the start.
  const keep = (c: string) => {
    if (head.length < 20_000) head += c;
  };
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "listening on" line within 60 s')), 60_000);
      const look = () => {
        const m = /listening on (http:\/\/\S+)/.exec(head);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited early with code ${code}`));
      });
    });
    const startMs = performance.now() - t0;
    const pid = child.pid!;
    return {
      url,
      startMs,
      rss: () => [pid, ...childrenOf(pid)].reduce((sum, p) => sum + rssOf(p), 0),
      stop: () => stopChild(child),
    };
  } catch (err) {
    await stopChild(child);
    throw new Error(`${command} ${args.join(' ')}: ${(err as Error).message}\n${head}`);
  }
}

/** Runs a process to its end and returns its standard output; fails on a non-zero exit. */
export function runToEnd(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')}: exit ${code}\n${err}`)),
    );
  });
}
