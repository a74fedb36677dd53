import type { Command } from 'commander';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

interface GlobalOptions {
  db?: string;
}

/** Run `fn` with the store the global `--db` option (or `VIGIL_DB`) names, closing it afterwards. */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore((cmd.optsWithGlobals() as GlobalOptions).db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
