// LOCAL ONLY: the stack's mail catcher, as `supabase start` runs one. A real
// SMTP server (smtp-server, the SMTP server library of the nodemailer project)
// accepts every message for any address and keeps it, as it came, in the data
// folder's mail/ (one .eml file each, for this computer's user only: sign-in
// links are passwords for a while); nothing is relayed anywhere. A small web
// page lists them and shows each (mailbox.ts). Chosen over maildev, which
// brings a web framework, websockets and an MCP server for what is here a
// hundred lines: smtp-server and mailparser are the two small, well-kept
// libraries maildev itself is made of.
import { chmodSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  /** The SMTP server's port on 127.0.0.1: no sign-in, no TLS. */
  smtpPort: number;
  /** Where each message is kept, one .eml file each, named so that they sort in the order they came. */
  folder: string;
  /** How many messages it has taken in since it started. */
  received(): number;
  /** Told of each message once it is kept, before the sender hears it was accepted. */
  onMessage(listener: (file: string) => void): () => void;
  close(): Promise<void>;
}

/** The folder a data folder's caught mail is kept in. */
export function mailFolder(dataDir: string): string {
  return path.join(dataDir, 'mail');
}

/** The names of the kept messages, oldest first. */
export function caughtFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => messageName.test(name)).sort();
  } catch {
    return [];
  }
}
export const messageName = /^\d{13}-\d{9}\.eml$/;

const largestMessage = 10 * 1024 * 1024;

export async function startMailCatcher(dataDir: string, port = 0): Promise<MailCatcher> {
  const folder = mailFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  // Numbered on from what an earlier start kept, so that names keep sorting in arrival order.
  let count = caughtFiles(folder).length;
  let received = 0;
  const listeners = new Set<(file: string) => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: largestMessage,
    logger: false,
    banner: 'OpenBeat local mail catcher: nothing leaves this computer',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        const name = `${Date.now()}-${String(++count).padStart(9, '0')}.eml`;
        const file = path.join(folder, name);
        // Whole or not at all: the page and the tests never read half a message.
        writeFileSync(`${file}.part`, Buffer.concat(chunks), { mode: 0o600 });
        renameSync(`${file}.part`, file);
        received += 1;
        for (const listener of listeners) listener(file);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    smtpPort: (server.server.address() as AddressInfo).port,
    folder,
    received: () => received,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
