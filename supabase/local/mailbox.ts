// LOCAL ONLY: the web page of the stack's mail catcher (mailCatcher.ts), on a
// port of its own, never part of the built site: the messages caught, newest
// first, and each one's headers, text and HTML. Plain HTML, no script.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { caughtFiles, messageName } from './mailCatcher.ts';
import { listenNearPort } from './ports.ts';

/** How many messages the list shows: the newest. */
const listed = 200;

export interface MailboxPage {
  url: string;
  close(): Promise<void>;
}

export interface CaughtMessage {
  file: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** Each header as it came (unfolded), by its lower-case name: the first, if it came more than once. */
  headers: Map<string, string>;
}

/** A kept message, parsed; the files never change, so each is parsed once. */
export function mailReader(folder: string) {
  const parsed = new Map<string, Promise<CaughtMessage>>();
  const read = (name: string): Promise<CaughtMessage> => {
    let message = parsed.get(name);
    if (!message) {
      message = simpleParser(readFileSync(path.join(folder, name))).then((mail) => caught(name, mail));
      parsed.set(name, message);
    }
    return message;
  };
  return {
    read,
    async all(): Promise<CaughtMessage[]> {
      return Promise.all(caughtFiles(folder).map(read));
    },
  };
}

function caught(file: string, mail: ParsedMail): CaughtMessage {
  const addresses = (field: ParsedMail['to']) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
  return {
    file,
    receivedAt: new Date(Number(file.slice(0, 13))),
    from: mail.from?.text ?? '',
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    headers: new Map(
      [...mail.headerLines].reverse().map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()]),
    ),
  };
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Escaped text whose web addresses are links: a sign-in link is followed from here. */
const linked = (value: string) => escape(value).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);

const style = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:1rem}dt{font-weight:bold}dd{margin:0 0 .5rem 0;overflow-wrap:anywhere}
a{color:#0b4fa3}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · OpenBeat local mailbox</title><style>${style}</style></head>
<body><main>${body}</main></body></html>`;
}

async function listPage(reader: ReturnType<typeof mailReader>, folder: string): Promise<string> {
  const names = caughtFiles(folder);
  const newest = await Promise.all(names.slice(-listed).reverse().map(reader.read));
  const rows = newest
    .map((m) => `<tr><td><time datetime="${m.receivedAt.toISOString()}">${escape(m.receivedAt.toLocaleString('en-GB'))}</time></td><td>${escape(m.to.join(', '))}</td><td><a href="/message/${m.file}">${escape(m.subject || '(no subject)')}</a></td></tr>`)
    .join('\n');
  return page(
    'Mailbox',
    `<h1>Local mailbox</h1>
<p>Every email the local stack sends is caught here and goes nowhere else. ${names.length === 0 ? 'Nothing has been sent yet.' : ''}</p>
${names.length === 0 ? '' : `<table><caption>${names.length > listed ? `The ${listed} newest of ${names.length} messages` : `${names.length} message${names.length === 1 ? '' : 's'}`}, newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`}`,
  );
}

function messagePage(m: CaughtMessage): string {
  const header = (name: string) => {
    const value = m.headers.get(name.toLowerCase());
    return value === undefined ? '' : `<dt>${escape(name)}</dt><dd>${linked(value)}</dd>`;
  };
  return page(
    m.subject || '(no subject)',
    `<p><a href="/">All messages</a></p>
<h1>${escape(m.subject || '(no subject)')}</h1>
<dl><dt>From</dt><dd>${escape(m.from)}</dd><dt>To</dt><dd>${escape(m.to.join(', '))}</dd><dt>Received</dt><dd>${escape(m.receivedAt.toISOString())}</dd>
<dt>Message-ID</dt><dd>${escape(m.messageId)}</dd>${header('Content-Language')}${header('List-Unsubscribe')}${header('List-Unsubscribe-Post')}</dl>
<h2>Text</h2><pre>${linked(m.text)}</pre>
${m.html ? `<h2>HTML</h2><p><a href="/message/${m.file}/html">Open the HTML part</a> (shown sandboxed, without scripts)</p>` : ''}
<p><a href="/message/${m.file}/raw">The message as it came</a></p>`,
  );
}

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Serves the mailbox on localhost: `preferred` or the next free port, or any for 0. */
export async function serveMailbox(folder: string, preferred = 0): Promise<MailboxPage> {
  const reader = mailReader(folder);
  const server = http.createServer((request, response) => {
    const respond = async () => {
      const url = new URL(request.url ?? '/', 'http://mailbox');
      if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET, HEAD' }).end();
      if (url.pathname === '/') return void response.writeHead(200, pageHeaders).end(await listPage(reader, folder));
      const [, first, name = '', part, ...rest] = url.pathname.split('/');
      if (first !== 'message' || !messageName.test(name) || rest.length > 0 || !caughtFiles(folder).includes(name)) {
        return void response.writeHead(404, pageHeaders).end(page('Not found', '<h1>No such message</h1><p><a href="/">All messages</a></p>'));
      }
      const message = await reader.read(name);
      if (part === undefined) return void response.writeHead(200, pageHeaders).end(messagePage(message));
      if (part === 'html') return void response.writeHead(200, { ...pageHeaders, 'content-security-policy': `sandbox; ${pageHeaders['content-security-policy']}` }).end(message.html);
      if (part === 'raw') return void response.writeHead(200, { ...pageHeaders, 'content-type': 'text/plain; charset=utf-8' }).end(readFileSync(path.join(folder, name)));
      response.writeHead(404, pageHeaders).end(page('Not found', '<h1>No such part</h1>'));
    };
    respond().catch(() => response.headersSent ? response.end() : response.writeHead(500).end());
  });
  let port: number;
  if (preferred === 0) {
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    port = (server.address() as { port: number }).port;
  } else {
    port = await listenNearPort(server, preferred);
  }
  return {
    url: `http://localhost:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
