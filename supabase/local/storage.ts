// LOCAL ONLY: a small stand-in for Supabase Storage, because its server cannot
// be installed from npm. It answers the calls supabase-js's `storage.from(bucket)`
// makes for files (upload, update, remove) and serves public buckets' files at
// Storage's public address, under /storage/v1 as on Supabase:
//
//   POST   /object/<bucket>/<name>          upload (x-upsert: true replaces a file already there)
//   PUT    /object/<bucket>/<name>          update (replaces it)
//   DELETE /object/<bucket>  {prefixes}     remove these names
//   DELETE /object/<bucket>/<name>          remove one
//   GET    /object/public/<bucket>/<name>   a public bucket's file, to anyone, with no key
//
// As Supabase Storage does, it keeps what it knows of each file as a row of
// storage.objects (supabase/local/bootstrap.sql) and writes that row as the
// caller: the bearer JWT is checked with the project's secret, then the row is
// inserted, updated or deleted in a transaction with the JWT's role and claims
// set as PostgREST sets them, so the policies on storage.objects decide who may
// do what. A bucket's size limit and content types (storage.buckets'
// file_size_limit and allowed_mime_types) are checked before anything is
// written. The bytes are kept under the data folder's storage/<bucket>/<name>.
// No signed URLs, listing, moving, copying, image transformations or resumable
// uploads: nothing of OpenBeat uses them.
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { jwtVerify } from 'jose';
import pg from 'pg';

/**
 * The largest body the emulation reads, whatever a bucket allows: Supabase's default global
 * limit is 50 MB, but nothing OpenBeat stores comes near this, and a body is held in memory.
 */
export const maxUploadBytes = 10 * 1024 * 1024;

export interface StorageEmulator {
  /** Answers a request under /storage/v1; `rest` is the path after it. `hasKey`: the request carried a valid project API key. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, rest: string, hasKey: boolean): void;
  close(): Promise<void>;
}

interface StorageOptions {
  /** Signs in as `authenticator`, as PostgREST does, which may take on the API roles. */
  databaseUrl: string;
  jwtSecret: string;
  /** The stack's data folder: files go to its storage/ folder. */
  dataDir: string;
}

/** Where the local Storage keeps a bucket's files. */
export function storageDir(dataDir: string): string {
  return path.join(dataDir, 'storage');
}

const apiRoles = new Set(['anon', 'authenticated', 'service_role']);

/** Storage's error answer: its own status in the body as well (storage-js reads `message`). */
class StorageError extends Error {
  readonly status: number;
  readonly error: string;
  constructor(status: number, error: string, message: string) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

export function createStorageEmulator({ databaseUrl, jwtSecret, dataDir }: StorageOptions): StorageEmulator {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection dies when Postgres restarts; the pool makes a new one at the next call.
  pool.on('error', () => undefined);
  const key = new TextEncoder().encode(jwtSecret);
  const root = storageDir(dataDir);

  /** The claims of the request's JWT, checked as PostgREST checks them: the project's secret, a known role, not expired. */
  const claimsOf = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? (typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined);
    if (!token) throw new StorageError(400, 'Error', 'headers must have required property \'authorization\'');
    try {
      const { payload } = await jwtVerify(token, key);
      if (typeof payload.role !== 'string' || !apiRoles.has(payload.role)) throw new Error('role');
      return payload as Record<string, unknown>;
    } catch {
      throw new StorageError(403, 'Unauthorized', 'invalid signature');
    }
  };

  /** Runs `work` in a transaction as the caller: their role and claims, as PostgREST sets them, so that RLS decides. */
  const asCaller = async <T>(claims: Record<string, unknown>, work: (db: pg.PoolClient) => Promise<T>): Promise<T> => {
    const db = await pool.connect();
    try {
      await db.query('begin');
      await db.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [JSON.stringify(claims), claims.role]);
      const result = await work(db);
      await db.query('commit');
      return result;
    } catch (error) {
      await db.query('rollback').catch(() => undefined);
      throw databaseError(error);
    } finally {
      db.release();
    }
  };

  /**
   * A read as Storage makes it on its own connection, past RLS (the owner's there; here
   * service_role, which `authenticator` may take on and which bypasses RLS).
   */
  const asStorage = async <T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> => {
    const db = await pool.connect();
    try {
      await db.query('begin read only');
      await db.query(`select set_config('role', 'service_role', true)`);
      const { rows } = await db.query<T>(sql, values);
      await db.query('commit');
      return rows;
    } catch (error) {
      await db.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      db.release();
    }
  };

  /** A bucket as Storage reads it. */
  const bucketOf = async (id: string) => {
    const rows = await asStorage<{ public: boolean; file_size_limit: string | null; allowed_mime_types: string[] | null }>(
      `select public, file_size_limit, allowed_mime_types from storage.buckets where id = $1`,
      [id],
    );
    if (!rows[0]) throw new StorageError(404, 'Bucket not found', 'Bucket not found');
    return rows[0];
  };

  const fileOf = (bucket: string, name: string) => path.join(root, bucket, ...name.split('/'));

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, name: string) {
    const claims = await claimsOf(req);
    const limits = await bucketOf(bucket);
    const limit = Math.min(maxUploadBytes, limits.file_size_limit === null ? maxUploadBytes : Number(limits.file_size_limit));
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit + 64 * 1024) throw tooLarge();
    const body = await readBody(req, limit + 64 * 1024);
    const file = await fileIn(req, body);
    if (file.bytes.length > limit) throw tooLarge();
    if (limits.allowed_mime_types && !allowedType(file.contentType, limits.allowed_mime_types)) {
      throw new StorageError(415, 'invalid_mime_type', `mime type ${file.contentType} is not supported`);
    }
    const upsert = req.method === 'PUT' || req.headers['x-upsert'] === 'true';
    const metadata = {
      eTag: `"${randomUUID()}"`,
      size: file.bytes.length,
      mimetype: file.contentType,
      cacheControl: file.cacheControl,
      lastModified: new Date().toUTCString(),
      contentLength: file.bytes.length,
      httpStatusCode: 200,
    };
    const owner = typeof claims.sub === 'string' ? claims.sub : null;
    const target = fileOf(bucket, name);
    const id = await asCaller(claims, async (db) => {
      const values = [bucket, name, owner, metadata];
      const sql =
        req.method === 'PUT'
          ? `update storage.objects set owner = $3::uuid, owner_id = $3, metadata = $4, updated_at = now(), version = gen_random_uuid()::text
              where bucket_id = $1 and name = $2 returning id`
          : `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version) values ($1, $2, $3::uuid, $3, $4, gen_random_uuid()::text)
             ${upsert ? 'on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata, version = excluded.version, updated_at = now()' : ''}
             returning id`;
      const { rows } = await db.query<{ id: string }>(sql, values);
      if (!rows[0]) throw new StorageError(404, 'not_found', 'Object not found');
      // Written in the row's transaction: a file the policies refused is never kept.
      mkdirSync(path.dirname(target), { recursive: true });
      const partial = `${target}.${randomUUID()}.partial`;
      writeFileSync(partial, file.bytes);
      renameSync(partial, target);
      return rows[0].id;
    });
    sendJson(res, 200, { Key: `${bucket}/${name}`, Id: id });
  }

  async function remove(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, name: string | undefined) {
    const claims = await claimsOf(req);
    await bucketOf(bucket);
    let names: string[];
    if (name !== undefined) names = [name];
    else {
      const body = jsonBody((await readBody(req, 1024 * 1024)).toString('utf8'));
      if (!Array.isArray(body.prefixes) || !body.prefixes.every((p) => typeof p === 'string' && validName(p))) {
        throw new StorageError(400, 'Error', 'body must have required property \'prefixes\'');
      }
      names = body.prefixes as string[];
    }
    const removed = await asCaller(claims, async (db) => {
      // What the caller may not delete is not deleted, and not said to be: Storage answers the same way.
      const { rows } = await db.query(`delete from storage.objects where bucket_id = $1 and name = any($2) returning *`, [bucket, names]);
      for (const row of rows) rmSync(fileOf(bucket, row.name as string), { force: true });
      return rows;
    });
    if (name !== undefined && removed.length === 0) throw new StorageError(404, 'not_found', 'Object not found');
    sendJson(res, 200, name !== undefined ? { message: 'Successfully deleted' } : removed);
  }

  async function publicFile(req: http.IncomingMessage, res: http.ServerResponse, bucket: string, name: string) {
    const { public: isPublic } = await bucketOf(bucket);
    const rows = isPublic
      ? await asStorage<{ metadata: { mimetype?: string; cacheControl?: string; eTag?: string } | null }>(
          `select metadata from storage.objects where bucket_id = $1 and name = $2`,
          [bucket, name],
        )
      : [];
    const file = fileOf(bucket, name);
    // A private bucket's file is as absent here as a missing one: Storage answers both alike.
    if (!rows[0] || !existsFile(file)) throw new StorageError(400, 'not_found', 'Object not found');
    const metadata = rows[0].metadata ?? {};
    res.writeHead(200, {
      'content-type': metadata.mimetype ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': metadata.cacheControl ?? 'max-age=3600',
      ...(metadata.eTag && { etag: metadata.eTag }),
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, rest: string, hasKey: boolean) {
    const { pathname } = new URL(rest, 'http://storage');
    const segments = pathname.split('/').filter((part) => part !== '').map(decodedSegment);
    if (segments[0] !== 'object') throw new StorageError(404, 'not_found', 'Not emulated by the local stack: only files (object/...) are.');
    if (segments[1] === 'public' && (req.method === 'GET' || req.method === 'HEAD')) {
      const [bucket, name] = [segments[2], segments.slice(3).join('/')];
      if (!bucket || !validName(name)) throw new StorageError(400, 'Invalid key', `Invalid key: ${name}`);
      return publicFile(req, res, bucket, name);
    }
    if (!hasKey) throw new StorageError(401, 'Unauthorized', 'No API key found in request');
    const [bucket, name] = [segments[1], segments.slice(2).join('/')];
    if (!bucket) throw new StorageError(404, 'not_found', 'Bucket not found');
    if (req.method === 'DELETE') {
      if (name !== '' && !validName(name)) throw new StorageError(400, 'Invalid key', `Invalid key: ${name}`);
      return remove(req, res, bucket, name === '' ? undefined : name);
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      if (!validName(name)) throw new StorageError(400, 'Invalid key', `Invalid key: ${name}`);
      return upload(req, res, bucket, name);
    }
    throw new StorageError(405, 'Method not allowed', `${req.method} is not emulated by the local stack for files.`);
  }

  return {
    handle(req, res, rest, hasKey) {
      route(req, res, rest, hasKey).catch((error: unknown) => {
        const known = error instanceof StorageError ? error : new StorageError(500, 'internal', 'The local Storage emulation failed: see the gateway\'s log.');
        if (!(error instanceof StorageError)) console.error(error);
        if (res.headersSent) return res.destroy();
        if (!req.complete) discardRest(req, res);
        sendJson(res, known.status, { statusCode: String(known.status), error: known.error, message: known.message });
      });
    },
    close: () => pool.end(),
  };
}

/**
 * Reads and throws away the rest of a refused request's body, so that the answer is not met by a
 * reset, within bounds of bytes and time, and closes the connection after it (as the gateway's own
 * tooLarge does for API calls).
 */
function discardRest(req: http.IncomingMessage, res: http.ServerResponse) {
  res.setHeader('connection', 'close');
  let discarded = 0;
  const cutOff = () => req.socket.destroy();
  const timer = setTimeout(cutOff, 10_000).unref();
  req.socket.once('close', () => clearTimeout(timer));
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 2 * maxUploadBytes) cutOff();
  });
  req.resume();
}

function decodedSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new StorageError(400, 'Invalid key', `Invalid key: ${part}`);
  }
}

function jsonBody(text: string): { prefixes?: unknown } {
  try {
    return (JSON.parse(text || '{}') ?? {}) as { prefixes?: unknown };
  } catch {
    throw new StorageError(400, 'Error', 'The body is not JSON.');
  }
}

const tooLarge = () => new StorageError(413, 'Payload too large', 'The object exceeded the maximum allowed size');

/**
 * A name Storage would take, kept to what is safe as a path under the data folder: no empty or
 * dot segments, no backslash or control character (Storage's own rule is a list of allowed characters).
 */
function validName(name: string): boolean {
  if (name === '' || name.length > 1024) return false;
  if (!/^[\w !$&'()*+,;=:@.\-/~]+$/u.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function allowedType(contentType: string, allowed: string[]): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : type === p;
  });
}

/** The file a request carries: a multipart form's file part (what supabase-js sends for a Blob), else the body as it is. */
async function fileIn(req: http.IncomingMessage, body: Buffer): Promise<{ bytes: Buffer; contentType: string; cacheControl: string }> {
  const declared = req.headers['content-type'] ?? 'application/octet-stream';
  if (/^multipart\/form-data/i.test(declared)) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': declared } }).formData().catch(() => {
      throw new StorageError(400, 'Error', 'The form could not be read.');
    });
    const part = [...form.values()].find((value): value is File => typeof value !== 'string');
    if (!part) throw new StorageError(400, 'Error', 'The form holds no file.');
    const seconds = form.get('cacheControl');
    return {
      bytes: Buffer.from(await part.arrayBuffer()),
      contentType: part.type || 'application/octet-stream',
      cacheControl: `max-age=${typeof seconds === 'string' && /^\d+$/.test(seconds) ? seconds : '3600'}`,
    };
  }
  return { bytes: body, contentType: declared, cacheControl: req.headers['cache-control'] ?? 'max-age=3600' };
}

/** The body, or a 413 as soon as it passes `limit`. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** A refusal from Postgres as Storage words it: RLS (42501) is a 403, a name taken a 409. */
function databaseError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: string }).code;
  if (code === '42501') return new StorageError(403, 'Unauthorized', 'new row violates row-level security policy');
  if (code === '23505') return new StorageError(409, 'Duplicate', 'The resource already exists');
  if (code === '23503') return new StorageError(404, 'Bucket not found', 'Bucket not found');
  return error;
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
