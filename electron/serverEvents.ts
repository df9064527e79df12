// Browser mode's push channel: catalogue events (shared/events.ts) as Server-Sent Events on
// `events`. The route sits behind the server's own token check; this module only streams.
// A comment line every 15 s keeps idle connections (and proxies) from timing the stream out.
import type http from 'node:http';
import type { CatalogueEvents } from './catalogue/events/catalogueEvents.ts';

const KEEP_ALIVE_MS = 15_000;

export function serveEvents(req: http.IncomingMessage, res: http.ServerResponse, hub: Pick<CatalogueEvents, 'on'>): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Sent at once, so a proxy or the browser does not sit on the stream's first bytes.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  // Reconnect after a second; the client re-reads what it shows when it reconnects.
  res.write('retry: 1000\n\n');
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  const unsubscribe = hub.on(send);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const close = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', close);
  res.on('error', close);
}
