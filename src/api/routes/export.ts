import { Readable } from 'node:stream';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../export/export-store.js';
import { exportFor } from '../../services/exports.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';

/** `GET /api/export`: the resolved store as STIX 2.1, GTD-style CSV or JSON Lines, as the caller may see it. */
export function exportRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/export',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary: 'Export what the caller may see: `stix` (2.1 bundle), `csv` (GTD columns) or `jsonl`',
        description:
          'Answers the file as an attachment: application/stix+json, text/csv or application/x-ndjson.',
        querystring: z.object({ format: z.enum(EXPORT_FORMATS) }),
      },
    },
    async (request, reply) => {
      const file = await exportFor(rc.services, principalOf(request), request.query.format);
      // The first chunk is read before answering, so that a failure to start is a JSON error.
      const iterator = file.chunks[Symbol.asyncIterator]();
      const first = await iterator.next();
      async function* rest(): AsyncGenerator<string> {
        if (first.done) return;
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      }
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(Readable.from(rest()));
    },
  );
}
