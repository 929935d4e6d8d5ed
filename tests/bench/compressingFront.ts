// What a static host adds in front of the site: compression. The local gateway
// serves files as they are, which would make Lighthouse judge the pages by
// sizes no deployment sends; this front compresses text with brotli (or gzip)
// as a host does, and passes everything else, headers included, unchanged.
import http from 'node:http';
import { brotli, gzip } from './compress.ts';
import { listenOnLoopback, type LocalServer } from './staticSite.ts';

const compressible = /^(text\/|application\/(javascript|json|geo\+json|manifest\+json|xml|x-protobuf|vnd\.mapbox-vector-tile)|image\/svg\+xml)/;

export function startCompressingFront(origin: string): Promise<LocalServer> {
  const target = new URL(origin);
  const cache = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host, 'accept-encoding': 'identity' } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          const accepted = String(req.headers['accept-encoding'] ?? '');
          const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
          if (encoding && req.method === 'GET' && answer.statusCode === 200 && body.length > 0 && compressible.test(String(headers['content-type'] ?? ''))) {
            const key = `${encoding} ${req.url} ${headers.etag ?? body.length}`;
            const packed = cache.get(key) ?? (encoding === 'br' ? brotli(body) : gzip(body));
            cache.set(key, packed);
            headers['content-encoding'] = encoding;
            headers['content-length'] = String(packed.length);
            headers.vary = 'Accept-Encoding';
            res.writeHead(answer.statusCode, headers);
            res.end(packed);
            return;
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return listenOnLoopback(server);
}
