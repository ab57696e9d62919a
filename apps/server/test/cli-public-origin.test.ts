import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The CLI as `tsx src/cli.ts` runs it; only option parsing is exercised, so no database is opened. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: SERVER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('--public-origin', () => {
  it('refuses a value that is not scheme, host and port, from the option or KADER_PUBLIC_ORIGIN', async () => {
    const withPath = await cli(['migrate', '--db', '/nonexistent/never/k.db', '--public-origin', 'https://kader.example/admin']);
    expect(withPath.code).toBe(2);
    expect(withPath.out).toContain('--public-origin');
    expect(withPath.out).toContain('only scheme, host and port');
    const fromEnv = await cli(['migrate', '--db', '/nonexistent/never/k.db'], { KADER_PUBLIC_ORIGIN: 'ftp://kader.example' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.out).toContain('https:// or http://');
  });

  it('is listed in the help', async () => {
    const help = await cli(['--help']);
    expect(help.out).toContain('--public-origin <url>');
    expect(help.out).toContain('KADER_PUBLIC_ORIGIN');
  });
});
