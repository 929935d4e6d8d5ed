// A built site served as files only, for the finder on a jurisdiction other
// than the one the local stack serves (the finder needs no API).
import http from 'node:http';
import sirv from 'sirv';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export function serveStatic(dist: string): Promise<LocalServer> {
  const serve = sirv(dist, { etag: true });
  return listenOnLoopback(http.createServer((req, res) => serve(req, res, () => void res.writeHead(404).end())));
}

/** Listens on a free loopback port; `close` also drops open keep-alive connections. */
export async function listenOnLoopback(server: http.Server): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
