import { z } from 'zod';
import { documentView, listDocuments } from '../../services/documents.js';
import { principalOf, type ApiApp, type RouteContext } from '../api-types.js';
import { toDocumentDetailResponse } from '../responses.js';
import {
  documentDetailSchema,
  documentSummarySchema,
  errorResponses,
  idString,
  pageSchema,
  pagingQuery,
} from '../schemas.js';

/** `/api/documents`: stored documents the caller may see. */
export function documentRoutes(app: ApiApp, rc: RouteContext): void {
  app.get(
    '/api/documents',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'Documents, newest first (title, date, URL, marking)',
        querystring: pagingQuery,
        response: { 200: pageSchema(documentSummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listDocuments(rc.services, principalOf(request), request.query),
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['reading'],
        summary: 'A document with its text, extraction and annotation mentions',
        params: z.object({ id: idString }),
        response: { 200: documentDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      toDocumentDetailResponse(await documentView(rc.services, principalOf(request), request.params.id)),
  );
}
