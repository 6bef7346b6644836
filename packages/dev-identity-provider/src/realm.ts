/**
 * The realm export Keycloak imports (`infra/keycloak/realm-export.json`), read with zod: the
 * development identity provider takes its users, passwords, roles and clients from it so both
 * identity providers issue the same claims.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';

export const REALM_NAME = 'cocuk-koruma';
export const API_CLIENT_ID = 'cocuk-koruma-api';
export const DEFAULT_REALM_EXPORT_PATH = path.join(REPO_ROOT, 'infra/keycloak/realm-export.json');

const bool = z.boolean().optional();

const protocolMapperSchema = z.object({
  name: z.string(),
  protocolMapper: z.string(),
  config: z.record(z.string(), z.string()).default({}),
});

const clientSchema = z.object({
  id: z.string().optional(),
  clientId: z.string(),
  enabled: z.boolean().default(true),
  publicClient: z.boolean().default(false),
  bearerOnly: z.boolean().default(false),
  secret: z.string().optional(),
  standardFlowEnabled: z.boolean().default(true),
  implicitFlowEnabled: bool,
  directAccessGrantsEnabled: bool,
  serviceAccountsEnabled: z.boolean().default(false),
  fullScopeAllowed: z.boolean().default(true),
  redirectUris: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.string()).default({}),
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  enabled: z.boolean().default(true),
  email: z.string().optional(),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
  credentials: z.array(z.object({ type: z.string(), value: z.string().optional(), temporary: bool })).default([]),
  realmRoles: z.array(z.string()).default([]),
  clientRoles: z.record(z.string(), z.array(z.string())).default({}),
  serviceAccountClientId: z.string().optional(),
});

const roleSchema = z.object({
  name: z.string(),
  composite: z.boolean().default(false),
  composites: z.object({ realm: z.array(z.string()).default([]) }).optional(),
});

export const realmExportSchema = z.object({
  realm: z.literal(REALM_NAME),
  enabled: z.boolean().default(true),
  accessTokenLifespan: z.number().int().positive().default(300),
  roles: z.object({ realm: z.array(roleSchema).default([]) }).default({ realm: [] }),
  users: z.array(userSchema).default([]),
  clients: z.array(clientSchema).default([]),
});

export type RealmExport = z.infer<typeof realmExportSchema>;
export type RealmUser = z.infer<typeof userSchema>;
export type RealmClient = z.infer<typeof clientSchema>;

export class RealmExportError extends Error {
  override name = 'RealmExportError';
}

export function loadRealmExport(file: string = DEFAULT_REALM_EXPORT_PATH): RealmExport {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RealmExportError(`Cannot read the realm export ${file}: ${(error as Error).message}`);
  }
  const parsed = realmExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RealmExportError(`Invalid realm export ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Seeded (non-service-account) user by username, case-insensitive like Keycloak. */
export function findUser(realm: RealmExport, username: string): RealmUser | undefined {
  const wanted = username.toLowerCase();
  return realm.users.find((u) => !u.serviceAccountClientId && u.username.toLowerCase() === wanted);
}

export function findUserById(realm: RealmExport, id: string): RealmUser | undefined {
  return realm.users.find((u) => u.id === id);
}

export function findServiceAccountUser(realm: RealmExport, clientId: string): RealmUser | undefined {
  return realm.users.find((u) => u.serviceAccountClientId === clientId);
}

export function findClient(realm: RealmExport, clientId: string): RealmClient | undefined {
  return realm.clients.find((c) => c.clientId === clientId);
}

/** The plain-text password of a seeded user (realm exports carry `value` before Keycloak hashes it). */
export function passwordOf(user: RealmUser): string | undefined {
  return user.credentials.find((c) => c.type === 'password')?.value;
}

/** Realm roles including composites, in the order declared. */
export function effectiveRealmRoles(realm: RealmExport, user: RealmUser): string[] {
  const roles = new Set<string>();
  const visit = (name: string) => {
    if (roles.has(name)) return;
    roles.add(name);
    const role = realm.roles.realm.find((r) => r.name === name);
    if (role?.composite) role.composites?.realm.forEach(visit);
  };
  user.realmRoles.forEach(visit);
  return [...roles];
}

export type TokenKind = 'access' | 'userinfo' | 'id';

const claimFlag: Record<TokenKind, string> = {
  access: 'access.token.claim',
  userinfo: 'userinfo.token.claim',
  id: 'id.token.claim',
};

/**
 * The claims the client's protocol mappers add for a user, as Keycloak computes them. Supports the
 * mapper types the realm uses: user attribute, hardcoded claim and audience.
 */
export function mappedClaims(
  client: RealmClient,
  user: RealmUser,
  kind: TokenKind,
): { claims: Record<string, string | string[]>; audiences: string[] } {
  const claims: Record<string, string | string[]> = {};
  const audiences: string[] = [];
  for (const mapper of client.protocolMappers) {
    const { config } = mapper;
    if (config[claimFlag[kind]] !== 'true') continue;
    switch (mapper.protocolMapper) {
      case 'oidc-usermodel-attribute-mapper': {
        const name = config['claim.name'];
        const values = user.attributes[config['user.attribute'] ?? ''] ?? [];
        if (!name || values.length === 0) break;
        claims[name] = config.multivalued === 'true' ? values : (values[0] as string);
        break;
      }
      case 'oidc-hardcoded-claim-mapper': {
        const name = config['claim.name'];
        if (name && config['claim.value'] !== undefined) claims[name] = config['claim.value'];
        break;
      }
      case 'oidc-audience-mapper': {
        const audience = config['included.client.audience'] ?? config['included.custom.audience'];
        if (audience && kind === 'access') audiences.push(audience);
        break;
      }
      default:
        break;
    }
  }
  return { claims, audiences };
}

/** Keycloak redirect URI matching: exact, or a prefix when the registered value ends with `*`. */
export function redirectUriMatches(registered: readonly string[], candidate: string): boolean {
  return registered.some((pattern) =>
    pattern.endsWith('*') ? candidate.startsWith(pattern.slice(0, -1)) : candidate === pattern,
  );
}
