// Port helpers: the stack's internal services take any free loopback port;
// the site prefers a well-known one and moves up when it is taken.
import net from 'node:net';
import type http from 'node:http';

/** A free loopback port: `preferred` or the next free one after it, or any free one for 0. */
export async function freePort(preferred = 0, tries = 20): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) {
    const free = await probe(port);
    if (free !== undefined) return free;
    if (preferred === 0) break;
  }
  throw new StackError(`No free port in ${preferred}–${preferred + tries - 1}: stop what runs there.`);
}

function probe(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error)));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/** Listens on `preferred`, or the next free port within `tries`; resolves to the port used. */
export async function listenNearPort(server: http.Server, preferred: number, tries = 20): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) {
    const bound = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(false);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, 'localhost');
    });
    if (bound) return port;
  }
  throw new StackError(`Ports ${preferred}–${preferred + tries - 1} are all in use: stop what runs there, or set PORT to a free port.`);
}

/** An error whose message is meant for the person at the terminal, as it is. */
export class StackError extends Error {}
