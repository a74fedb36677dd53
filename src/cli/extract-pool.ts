import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputDocument } from '../ingest/read-inputs.js';

/**
 * Extraction on worker threads. `extractLines` splits a list of documents over the workers and
 * returns their JSON lines in input order. Each worker loads its own resources (about a second),
 * so small inputs are better done inline.
 */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];
  private next = 0;

  /**
   * Start `size` threads running `script`: by default the compiled extract-worker.js beside this
   * module (worker threads load JavaScript, so this runs from the built package, dist/).
   */
  constructor(
    size = Math.min(4, availableParallelism()),
    script: URL = new URL('./extract-worker.js', import.meta.url),
  ) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const w = new Worker(script);
      this.ready.push(
        new Promise((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        }),
      );
      this.workers.push(w);
    }
  }

  /** Extract documents on all workers; the JSON lines come back in input order. */
  async extractLines(docs: InputDocument[]): Promise<string[]> {
    await Promise.all(this.ready);
    const size = Math.ceil(docs.length / this.workers.length);
    const parts = this.workers
      .map((w, i) => docs.slice(i * size, (i + 1) * size))
      .map((part, i) => (part.length === 0 ? Promise.resolve([]) : this.run(this.workers[i]!, part)));
    return (await Promise.all(parts)).flat();
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private run(w: Worker, docs: InputDocument[]): Promise<string[]> {
    const seq = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { seq?: number; lines?: string[] }): void => {
        if (msg.seq !== seq) return;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve(msg.lines ?? []);
      };
      w.on('message', onMessage);
      w.once('error', reject);
      w.postMessage({ seq, docs });
    });
  }
}
