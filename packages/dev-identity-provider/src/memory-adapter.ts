/**
 * oidc-provider storage for sessions, interactions, codes, grants and refresh tokens: in memory,
 * one store per provider instance, lost on restart (access tokens are self-contained JWTs and
 * stay valid). Keycloak keeps these in its database and Infinispan caches.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

export function memoryAdapterFactory(): (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const index = new Map<string, string>();
  const grants = new Map<string, Set<string>>();

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const ttl = expiresIn && expiresIn > 0 ? expiresIn : 3600;
        entries.set(key, { payload: { ...payload }, expiresAt: Date.now() + ttl * 1000 });
        if (payload.uid) index.set(`uid:${payload.uid}`, key);
        if (payload.userCode) index.set(`userCode:${payload.userCode}`, key);
        if (payload.grantId) {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grants.set(payload.grantId, members);
        }
      },
      async find(id) {
        return live(keyFor(id));
      },
      async findByUid(uid) {
        const key = index.get(`uid:${uid}`);
        return key ? live(key) : undefined;
      },
      async findByUserCode(userCode) {
        const key = index.get(`userCode:${userCode}`);
        return key ? live(key) : undefined;
      },
      async consume(id) {
        const payload = live(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) entries.delete(key);
        grants.delete(grantId);
      },
    };
  };
}
