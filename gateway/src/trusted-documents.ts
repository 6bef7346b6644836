import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { callerOf, ConfigError, ErrorCode, isProduction, REPO_ROOT, type Caller } from '@cocuk-koruma/platform';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { PORTAL_DIST } from './portal.js';

/**
 * Trusted documents: which operations each client (the token's `azp`) may run.
 *
 * - `manifest:<path>`: only the documents of that manifest of persisted documents (a JSON object
 *   from SHA-256 hash to operation text, as graphql-codegen's client preset writes it), sent by
 *   hash (`documentId: "sha256:<hash>"` or `extensions.persistedQuery.sha256Hash`) or as the very
 *   text of one of them. Any other text is FORBIDDEN, an unknown hash 400 PERSISTED_QUERY_NOT_FOUND.
 * - `free-form`: any operation text, within the graph's limits (cost, depth, aliases) as always;
 *   a hash is looked up in every manifest the gateway holds.
 *
 * `TRUSTED_DOCUMENTS` sets them, `<client id>=<policy>` entries separated by commas or new lines,
 * `*` for every client not named (`free-form` unless given). The portal's client is held to the
 * portal build's manifest under NODE_ENV=production and free-form otherwise (its development
 * server sends text), unless the variable names it.
 */

export const PORTAL_MANIFEST_PATH = path.join(PORTAL_DIST, 'persisted-documents.json');
export const TRUSTED_DOCUMENTS_VARIABLE = 'TRUSTED_DOCUMENTS';
const DEFAULT_CLIENT = '*';

export type PolicySpec = { kind: 'free-form' } | { kind: 'manifest'; path: string };

const CLIENT_ID = /^(\*|[A-Za-z0-9][A-Za-z0-9._:@-]{0,199})$/;
const entrySchema = z
  .string()
  .regex(/^[^=]+=.+$/, 'an entry is <client id>=<policy>')
  .transform((entry) => {
    const at = entry.indexOf('=');
    return { clientId: entry.slice(0, at).trim(), policy: entry.slice(at + 1).trim() };
  })
  .pipe(
    z.object({
      clientId: z
        .string()
        .regex(CLIENT_ID, 'a client id is letters, digits and . _ : @ - (or * for every other client)'),
      policy: z
        .string()
        .regex(/^(free-form|manifest:.+)$/, 'a policy is free-form or manifest:<path>')
        .transform((p): PolicySpec =>
          p === 'free-form'
            ? { kind: 'free-form' }
            : { kind: 'manifest', path: path.resolve(REPO_ROOT, p.slice('manifest:'.length)) },
        ),
    }),
  );

/** `TRUSTED_DOCUMENTS` read and checked: each client id at most once. */
export function parseTrustedDocuments(value: string | undefined): Map<string, PolicySpec> {
  const entries = (value ?? '')
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const specs = new Map<string, PolicySpec>();
  for (const entry of entries) {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new ConfigError(
        `${TRUSTED_DOCUMENTS_VARIABLE}: "${entry}": ${parsed.error.issues[0]?.message}. Write entries as portal=manifest:portal/dist/persisted-documents.json,justice-system=free-form.`,
      );
    }
    if (specs.has(parsed.data.clientId)) {
      throw new ConfigError(`${TRUSTED_DOCUMENTS_VARIABLE}: the client "${parsed.data.clientId}" is named twice.`);
    }
    specs.set(parsed.data.clientId, parsed.data.policy);
  }
  return specs;
}

export type Manifest = ReadonlyMap<string, string>;

// graphql-codegen writes `sha256:<hex>`; a bare hash is taken too.
const HASH = /^(sha256:)?[0-9a-f]{64}$/;
const manifestSchema = z.record(
  z.string().regex(HASH, 'a key is a SHA-256 hash in lower-case hex, sha256: before it or not'),
  z.string().min(1),
);
const bareHash = (hash: string) => hash.replace(/^sha256:/i, '').toLowerCase();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A manifest of persisted documents, each hash checked against its text so an edited file is caught at start. */
export function loadManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`The manifest of persisted documents ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `The manifest ${file} is not a map of SHA-256 hashes to documents: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(parsed.data)) {
    const hash = bareHash(key);
    if (sha256(text) !== hash)
      throw new ConfigError(`The manifest ${file}: the document under ${key} has another hash.`);
    documents.set(hash, text);
  }
  return documents;
}

export type DocumentPolicy =
  { kind: 'free-form'; source: string } | { kind: 'manifest'; source: string; documents: Manifest };

export interface TrustedDocuments {
  /** The policy the token's client is held to. */
  policyOf(clientId: string): DocumentPolicy;
  /** The text of a hash this client may run; null when it may not or no manifest holds it. */
  lookup(clientId: string, hash: string): string | null;
  /** The clients held to a manifest (`*` among them when every unnamed client is). */
  heldToManifest: readonly string[];
}

export interface TrustedDocumentsOptions {
  portalClientId: string;
  env?: NodeJS.ProcessEnv;
  production?: boolean;
  portalManifestPath?: string;
}

export function trustedDocuments(options: TrustedDocumentsOptions): TrustedDocuments {
  const env = options.env ?? process.env;
  const production = options.production ?? isProduction();
  const specs = parseTrustedDocuments(env[TRUSTED_DOCUMENTS_VARIABLE]);
  const portalManifest = options.portalManifestPath ?? PORTAL_MANIFEST_PATH;
  if (!specs.has(options.portalClientId) && production) {
    specs.set(options.portalClientId, { kind: 'manifest', path: portalManifest });
  }
  const manifests = new Map<string, Manifest>();
  const manifestAt = (file: string) => {
    let manifest = manifests.get(file);
    if (!manifest) manifests.set(file, (manifest = loadManifest(file)));
    return manifest;
  };
  const policies = new Map<string, DocumentPolicy>();
  for (const [clientId, spec] of specs) {
    const source = `${TRUSTED_DOCUMENTS_VARIABLE} ${clientId}=${spec.kind === 'manifest' ? `manifest:${spec.path}` : spec.kind}`;
    policies.set(
      clientId,
      spec.kind === 'manifest'
        ? { kind: 'manifest', source, documents: manifestAt(spec.path) }
        : { kind: 'free-form', source },
    );
  }
  // Outside production the portal's build still sends hashes: they resolve when it has been built.
  if (!manifests.has(portalManifest) && fs.existsSync(portalManifest)) manifestAt(portalManifest);
  const fallback: DocumentPolicy = policies.get(DEFAULT_CLIENT) ?? {
    kind: 'free-form',
    source: `the default for clients ${TRUSTED_DOCUMENTS_VARIABLE} does not name`,
  };
  const policyOf = (clientId: string) => policies.get(clientId) ?? fallback;
  return {
    policyOf,
    heldToManifest: [...policies].filter(([, p]) => p.kind === 'manifest').map(([clientId]) => clientId),
    lookup(clientId, hash) {
      const policy = policyOf(clientId);
      if (policy.kind === 'manifest') return policy.documents.get(hash) ?? null;
      for (const manifest of manifests.values()) {
        const text = manifest.get(hash);
        if (text !== undefined) return text;
      }
      return null;
    },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The hash a request names (bare, lower-case): `documentId` or APQ's `persistedQuery.sha256Hash`, `sha256:` before it or not. */
export function requestedHash(body: Record<string, unknown>): string | null {
  if (typeof body.documentId === 'string') return bareHash(body.documentId);
  const extensions = body.extensions;
  if (isObject(extensions) && isObject(extensions.persistedQuery)) {
    const hash = extensions.persistedQuery.sha256Hash;
    if (typeof hash === 'string') return bareHash(hash);
  }
  return null;
}

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

const notFound = (res: Response, hash: string) =>
  refuse(
    res,
    400,
    'PERSISTED_QUERY_NOT_FOUND',
    `Bu istemci için ${hash} özetli kayıtlı bir belge yok. / No persisted document with hash ${hash} is registered for this client.`,
    { hash },
  );

const freeFormRefused = (res: Response, caller: Caller, policy: DocumentPolicy) =>
  refuse(
    res,
    403,
    ErrorCode.FORBIDDEN,
    `İzin verilmiyor: "${caller.clientId}" istemcisi yalnızca kayıtlı belgeleri çalıştırabilir (${policy.source}); işlemi özetiyle gönderin. / Not allowed: the client "${caller.clientId}" may run only its registered documents (${policy.source}); send the operation by its hash.`,
    { rule: 'TRUSTED_DOCUMENTS_ONLY', clientId: caller.clientId },
  );

export interface TrustedDocumentsMiddlewareOptions {
  /** Free-form text a manifest-held client may still send: the family subgraph's read-back made for it. */
  exempt?: (req: Request, caller: Caller) => boolean;
}

/**
 * Express middleware after the JSON body parser and the bearer token, before Apollo: resolves a
 * persisted document's hash to its text (Apollo then runs it like any operation, limits included)
 * and refuses what the caller's client may not run. Apollo's own automatic persisted queries are
 * off in the gateway, so nothing but this decides which hashes exist.
 */
export function trustedDocumentsMiddleware(
  documents: TrustedDocuments,
  options: TrustedDocumentsMiddlewareOptions = {},
): RequestHandler {
  return (req, res, next) => {
    const caller = callerOf(res);
    const policy = documents.policyOf(caller.clientId);
    if (req.method === 'GET') {
      const params = req.query as Record<string, unknown>;
      if (
        params.documentId !== undefined ||
        (typeof params.extensions === 'string' && params.extensions.includes('persistedQuery'))
      ) {
        return refuse(
          res,
          400,
          'PERSISTED_QUERY_NOT_FOUND',
          'Kayıtlı belgeler POST ile gönderilir. / Persisted documents are sent with POST.',
        );
      }
      if (
        policy.kind === 'manifest' &&
        typeof params.query === 'string' &&
        !policy.documents.has(sha256(params.query))
      ) {
        if (!options.exempt?.(req, caller)) return freeFormRefused(res, caller, policy);
      }
      return next();
    }
    const body: unknown = req.body;
    // A batch or a body that is not an operation: Apollo refuses it with its own message.
    if (!isObject(body)) return next();
    const hash = requestedHash(body);
    if (hash !== null) {
      const text = documents.lookup(caller.clientId, hash);
      if (text === null) {
        // A free-form client's own text with a hash no manifest holds (APQ's second try): run the text.
        if (policy.kind === 'manifest' || typeof body.query !== 'string') return notFound(res, hash);
      } else {
        body.query = text;
      }
      delete body.documentId;
      if (isObject(body.extensions)) delete body.extensions.persistedQuery;
      return next();
    }
    if (policy.kind === 'manifest' && typeof body.query === 'string' && !policy.documents.has(sha256(body.query))) {
      if (!options.exempt?.(req, caller)) return freeFormRefused(res, caller, policy);
    }
    next();
  };
}
