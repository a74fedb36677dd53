// A worker thread of `vigil extract`: loads the resources once, then extracts batches of documents.
import { parentPort } from 'node:worker_threads';
import { createDoc } from '../doc.js';
import type { InputDocument } from '../ingest/read-inputs.js';
import { loadResources } from '../kb/resources.js';
import { extract } from '../pipeline/extract.js';

const resources = await loadResources();
parentPort!.on('message', (batch: { seq: number; docs: InputDocument[] }) => {
  const lines = batch.docs.map((d) => JSON.stringify(extract(createDoc(d), resources)));
  parentPort!.postMessage({ seq: batch.seq, lines });
});
parentPort!.postMessage({ ready: true });
