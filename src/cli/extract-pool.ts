import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputDocument } from '../ingest/read-inputs.js';

/** Documents per message to a worker: large enough to amortise messaging, small enough to balance. */
const BATCH = 16;

/**
 * Extraction spread over worker threads, results written in input order. Each worker loads its
 * own resources (about a second), so small inputs are better done inline.
 */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly done = new Map<number, string[]>();
  private pending: InputDocument[] = [];
  private nextSeq = 0;
  private nextOut = 0;
  private failure: Error | undefined;

  constructor(
    private readonly write: (line: string) => Promise<void> | void,
    size = Math.min(4, availableParallelism()),
  ) {
    // Runs from the built package (dist/): worker threads load compiled JavaScript.
    const url = new URL('./extract-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
      w.on('message', (msg: { ready?: boolean; seq?: number; lines?: string[] }) => {
        if (msg.seq !== undefined && msg.lines) this.done.set(msg.seq, msg.lines);
        this.release(w);
      });
      w.on('error', (err) => {
        this.failure = err;
        this.release(w);
      });
      this.workers.push(w);
    }
  }

  /** Queue a document; resolves when it has been handed to a worker (back-pressure). */
  async push(doc: InputDocument): Promise<void> {
    this.pending.push(doc);
    if (this.pending.length >= BATCH) await this.dispatch();
  }

  /** Extract what is queued, write every result in order, and stop the workers. */
  async close(): Promise<void> {
    if (this.pending.length > 0) await this.dispatch();
    while (this.idle.length < this.workers.length && !this.failure)
      await new Promise<void>((r) => this.waiting.push(r));
    await this.flush();
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure) throw this.failure;
  }

  private async dispatch(): Promise<void> {
    while (this.idle.length === 0 && !this.failure) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
    const w = this.idle.pop()!;
    w.postMessage({ seq: this.nextSeq++, docs: this.pending });
    this.pending = [];
    await this.flush();
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  private async flush(): Promise<void> {
    for (let lines = this.done.get(this.nextOut); lines; lines = this.done.get(this.nextOut)) {
      this.done.delete(this.nextOut++);
      for (const line of lines) await this.write(line);
    }
  }
}
