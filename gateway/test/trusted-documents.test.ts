import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@cocuk-koruma/platform';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest, parseTrustedDocuments, requestedHash, trustedDocuments } from '../src/trusted-documents.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-documents-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function manifestFile(name: string, texts: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(texts.map((t) => [`sha256:${sha256(t)}`, t]))));
  return file;
}

const PORTAL_DOC = 'query PortalPlan { goals { code } }';
const AGENCY_DOC = 'query JusticeActions { justice { actions { code } } }';
const portalManifest = manifestFile('portal.json', [PORTAL_DOC]);
const justiceManifest = manifestFile('justice.json', [AGENCY_DOC]);

describe('TRUSTED_DOCUMENTS', () => {
  it('reads client=policy entries, by comma or line, paths from the repository root or absolute', () => {
    const specs = parseTrustedDocuments(
      `portal=manifest:portal/dist/persisted-documents.json,\n justice-system=free-form\n*=manifest:${justiceManifest}`,
    );
    expect(specs.get('portal')).toEqual({
      kind: 'manifest',
      path: expect.stringMatching(/\/portal\/dist\/persisted-documents\.json$/),
    });
    expect(specs.get('justice-system')).toEqual({ kind: 'free-form' });
    expect(specs.get('*')).toEqual({ kind: 'manifest', path: justiceManifest });
    expect(parseTrustedDocuments(undefined).size).toBe(0);
  });

  it('refuses an unknown policy, a missing client id, or a client named twice, naming the entry', () => {
    expect(() => parseTrustedDocuments('portal=open')).toThrow(ConfigError);
    expect(() => parseTrustedDocuments('portal=open')).toThrow(
      /"portal=open": a policy is free-form or manifest:<path>/,
    );
    expect(() => parseTrustedDocuments('=free-form')).toThrow(/an entry is <client id>=<policy>/);
    expect(() => parseTrustedDocuments('bad id=free-form')).toThrow(/a client id is/);
    expect(() => parseTrustedDocuments('portal=free-form,portal=manifest:x.json')).toThrow(/named twice/);
  });
});

describe('a manifest of persisted documents', () => {
  it('maps each hash to its text, with or without the sha256: prefix', () => {
    const manifest = loadManifest(portalManifest);
    expect(manifest.get(sha256(PORTAL_DOC))).toBe(PORTAL_DOC);
  });

  it('is refused at start when missing, not a map of hashes, or edited after its hashes were taken', () => {
    expect(() => loadManifest(path.join(dir, 'missing.json'))).toThrow(/cannot be read/);
    const notHashes = path.join(dir, 'not-hashes.json');
    fs.writeFileSync(notHashes, JSON.stringify({ PortalPlan: PORTAL_DOC }));
    expect(() => loadManifest(notHashes)).toThrow(/SHA-256/);
    const edited = path.join(dir, 'edited.json');
    fs.writeFileSync(edited, JSON.stringify({ [`sha256:${sha256(PORTAL_DOC)}`]: `${PORTAL_DOC} ` }));
    expect(() => loadManifest(edited)).toThrow(/has another hash/);
  });
});

describe('the policy of a client', () => {
  const options = { portalClientId: 'portal', portalManifestPath: portalManifest };

  it('holds the portal to its build’s manifest in production, and lets every other client send text', () => {
    const documents = trustedDocuments({ ...options, env: {}, production: true });
    expect(documents.policyOf('portal')).toMatchObject({ kind: 'manifest' });
    expect(documents.policyOf('justice-system')).toMatchObject({ kind: 'free-form' });
    expect(documents.heldToManifest).toEqual(['portal']);
    expect(documents.lookup('portal', sha256(PORTAL_DOC))).toBe(PORTAL_DOC);
    expect(documents.lookup('portal', sha256(AGENCY_DOC))).toBeNull();
  });

  it('lets the portal send text outside production, its hashes still resolving from the build', () => {
    const documents = trustedDocuments({ ...options, env: {}, production: false });
    expect(documents.policyOf('portal')).toMatchObject({ kind: 'free-form' });
    expect(documents.lookup('portal', sha256(PORTAL_DOC))).toBe(PORTAL_DOC);
  });

  it('holds an agency system to its own manifest when configured, and no other manifest answers for it', () => {
    const documents = trustedDocuments({
      ...options,
      env: { TRUSTED_DOCUMENTS: `justice-system=manifest:${justiceManifest},portal=free-form` },
      production: true,
    });
    expect(documents.policyOf('justice-system')).toMatchObject({ kind: 'manifest' });
    expect(documents.lookup('justice-system', sha256(AGENCY_DOC))).toBe(AGENCY_DOC);
    expect(documents.lookup('justice-system', sha256(PORTAL_DOC))).toBeNull();
    // A free-form client may name any document a manifest holds.
    expect(documents.policyOf('portal')).toMatchObject({ kind: 'free-form' });
    expect(documents.lookup('health-system', sha256(AGENCY_DOC))).toBe(AGENCY_DOC);
    expect(documents.lookup('health-system', 'f'.repeat(64))).toBeNull();
  });

  it('applies `*` to every client the variable does not name', () => {
    const documents = trustedDocuments({
      ...options,
      env: { TRUSTED_DOCUMENTS: `*=manifest:${justiceManifest}` },
      production: false,
    });
    expect(documents.policyOf('education-system')).toMatchObject({ kind: 'manifest' });
    expect(documents.policyOf('education-system').source).toContain('*=manifest:');
  });

  it('fails at start when a configured manifest cannot be read', () => {
    expect(() =>
      trustedDocuments({
        ...options,
        env: { TRUSTED_DOCUMENTS: 'justice-system=manifest:/nonexistent/m.json' },
        production: false,
      }),
    ).toThrow(ConfigError);
  });
});

describe('the hash a request names', () => {
  it('is read from documentId or persistedQuery, bare and lower-case', () => {
    const hash = sha256(PORTAL_DOC);
    expect(requestedHash({ documentId: `sha256:${hash}` })).toBe(hash);
    expect(requestedHash({ documentId: hash.toUpperCase() })).toBe(hash);
    expect(requestedHash({ extensions: { persistedQuery: { version: 1, sha256Hash: `sha256:${hash}` } } })).toBe(hash);
    expect(requestedHash({ query: PORTAL_DOC })).toBeNull();
  });
});
