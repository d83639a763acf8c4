import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import type { BusEvent } from '../../platform/events.ts';
import { problemResponses } from '../../platform/schemas.ts';

const HEARTBEAT_MS = 25_000; // under common proxy idle timeouts

/** Who hears what: staff hear every case change; a cardholder hears only their own cases, never internal notes. */
export function isVisibleTo(actor: Actor, event: BusEvent): boolean {
  if (actor.kind === 'staff') return true;
  return event.customerId === actor.customerId && event.internal !== true && event.staffOnly !== true;
}

/**
 * Live updates by server-sent events: `case.updated` and `message.created` with `{ caseId }`. Clients refetch
 * what changed, so no case data travels on this stream.
 */
export const liveRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const close of [...open]) close();
  });
  app.get(
    '/api/v1/events',
    { schema: { tags: ['messages'], summary: 'Live updates (text/event-stream): case.updated, message.created', response: problemResponses(401) } },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      out.write('retry: 5000\n: connected\n\n');
      const unsubscribe = deps.events.subscribe((event) => {
        if (event.caseId && isVisibleTo(actor, event)) out.write(`event: ${event.type}\ndata: ${JSON.stringify({ caseId: event.caseId })}\n\n`);
      });
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const close = () => {
        if (!open.delete(close)) return;
        clearInterval(heartbeat);
        unsubscribe();
        out.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
};
