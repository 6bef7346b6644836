/**
 * The RS256 signing key, generated on first start and kept as a private JWK so tokens issued
 * before a restart (and JWKS cached by services) stay valid afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SigningJwk extends crypto.JsonWebKey {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export function signingKeyPath(dataDir: string): string {
  return path.join(dataDir, 'identity-provider', 'signing-key.json');
}

/** RFC 7638 thumbprint, the `kid`. */
function thumbprint(jwk: crypto.JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

function isSigningJwk(value: unknown): value is SigningJwk {
  const jwk = value as Partial<SigningJwk> | null;
  return Boolean(jwk && jwk.kty === 'RSA' && typeof jwk.kid === 'string' && jwk.d && jwk.n && jwk.e);
}

export function loadOrCreateSigningKey(dataDir: string): SigningJwk {
  const file = signingKeyPath(dataDir);
  if (fs.existsSync(file)) {
    const stored: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isSigningJwk(stored)) throw new Error(`${file} is not an RSA private JWK; delete it to generate a new key.`);
    return stored;
  }
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = privateKey.export({ format: 'jwk' });
  const jwk: SigningJwk = { ...exported, kty: 'RSA', kid: thumbprint(exported), alg: 'RS256', use: 'sig' };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs so both sign with the same key.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningKey(dataDir);
    throw error;
  }
  return jwk;
}

export function publicJwk(jwk: SigningJwk): crypto.JsonWebKey & { kid: string } {
  return { kty: jwk.kty, kid: jwk.kid, alg: jwk.alg, use: jwk.use, n: jwk.n, e: jwk.e };
}
