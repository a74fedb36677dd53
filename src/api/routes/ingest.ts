import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Tlp } from '../../ingest/source-document.js';
import {
  ingestRequest,
  type IngestOutcome,
  type IngestRequest,
  type QueuedIngestOutcome,
} from '../../services/ingest-requests.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { errorResponses, tlpSchema } from '../schemas.js';

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const problems = z.array(z.object({ source: z.string(), ruleId: z.string(), reason: z.string() }));
const jsonBody = z.union([
  z.object({ url: httpUrl, marking: tlpSchema.default('TLP:CLEAR') }).strict(),
  z.object({ feed: httpUrl, marking: tlpSchema.default('TLP:CLEAR') }).strict(),
]);

/**
 * `POST /api/ingest`: an uploaded file (multipart, field `file`, optional field `marking`), or
 * `{url}`, or `{feed}`. Answers 200 once stored and resolved, or 202 once queued for the workers
 * (`vigil serve --queue`).
 */
export function ingestRoutes(app: ApiApp, rc: RouteContext): void {
  app.post(
    '/api/ingest',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analysis'],
        summary:
          'Ingest an uploaded file (multipart/form-data: `file`, `marking`), a web page `{url}` or a feed `{feed}`, then resolve; or queue it for the workers when the server runs with --queue',
        body: jsonBody.nullish(),
        response: {
          200: z
            .object({
              read: z.number().int(),
              stored: z.number().int(),
              duplicates: z.number().int(),
              skipped: z.number().int(),
              problems,
              incidents: z.number().int(),
              newAlerts: z.number().int(),
            })
            .describe('Stored and resolved'),
          202: z
            .object({
              read: z.number().int(),
              queuedDocuments: z.number().int(),
              queuedJobs: z.number().int(),
              duplicates: z.number().int(),
              skipped: z.number().int(),
              problems,
            })
            .describe('Queued for `vigil worker` processes, which store and resolve'),
          ...errorResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const answer = async (outcome: IngestOutcome | QueuedIngestOutcome) =>
        'queuedJobs' in outcome ? reply.code(202).send(outcome) : outcome;
      const who = principalOf(request);
      if (request.isMultipart()) {
        let marking: Tlp = 'TLP:CLEAR';
        let file: { filename: string; data: Buffer } | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              throw new AppError('invalid_request', 400, 'send one file, in the field "file"');
            }
            file = { filename: part.filename, data: await part.toBuffer() };
          } else if (part.fieldname === 'marking') {
            marking = tlpSchema.parse(part.value);
          }
        }
        if (!file) throw new AppError('invalid_request', 400, 'no file in the field "file"');
        return answer(await ingestRequest(rc.services, who, { file }, marking));
      }
      if (!request.body)
        throw new AppError(
          'invalid_request',
          400,
          'send a file (multipart/form-data), or {"url"} or {"feed"}',
        );
      const { marking, ...source } = request.body;
      return answer(await ingestRequest(rc.services, who, source as IngestRequest, marking));
    },
  );
}
