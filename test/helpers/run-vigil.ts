import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Run the built command (`dist/cli/main.js`), as users do, with `env` added to the environment; `npm test` builds first. */
export function vigil(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like {@link vigil}, without blocking this process (for tests that serve HTTP to the command). */
export function vigilAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A long-running vigil process (`vigil worker`, `vigil serve`): its output lines so far, and its exit. */
export interface VigilProcess {
  child: ChildProcess;
  stdoutLines: string[];
  stderrLines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start the built command in the background (for workers and other processes that run until stopped). */
export function startVigil(args: string[]): VigilProcess {
  const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: root });
  const lines = (stream: NodeJS.ReadableStream): string[] => {
    const out: string[] = [];
    let partial = '';
    stream.on('data', (d: Buffer) => {
      const got = (partial + d.toString()).split('\n');
      partial = got.pop()!;
      out.push(...got);
    });
    return out;
  };
  const stdoutLines = lines(child.stdout!);
  const stderrLines = lines(child.stderr!);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdoutLines, stderrLines, exited };
}
