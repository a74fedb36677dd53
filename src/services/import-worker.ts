// The worker thread of `vigil import gtd|acled`: reads and converts the file's rows while the main
// thread stores the previous batch (SQLite writes are synchronous there). At most one batch ahead.
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../kb/gazetteer.js';
import { loadKnowledgeBase } from '../kb/resources.js';
import { datasetBatches, type ImportWorkerData } from './import-dataset.js';

const { dataset, path, options } = workerData as ImportWorkerData;
const { kb } = await loadKnowledgeBase();
const gazetteer = loadGazetteer();
let ahead = 0;
let wake: (() => void) | undefined;
parentPort!.on('message', () => {
  ahead--;
  wake?.();
});
for await (const batch of datasetBatches(dataset, path, { ...options, kb, gazetteer })) {
  while (ahead >= 1) await new Promise<void>((resolve) => (wake = resolve));
  ahead++;
  parentPort!.postMessage({ batch });
}
parentPort!.postMessage({ done: true });
