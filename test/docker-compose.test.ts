import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AGENCIES } from '@cocuk-koruma/platform/agencies';
import { GATEWAY_DEFAULT_PORT, REPO_ROOT, databaseConfig } from '@cocuk-koruma/platform/config';
import { AGENCY_DATABASE_SLUGS, agencyDatabaseNames } from '@cocuk-koruma/postgres';

// There is no Docker engine where the tests run, so the deployment files are checked against the
// code's own conventions (agencies, ports, environment variables) instead of being started.

interface Service {
  build?: unknown;
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: string[];
}

interface Compose {
  services: Record<string, Service>;
}

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose;

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environment(name: string): Record<string, string> {
  const env = service(name).environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      })
    : Object.entries(env).map(([key, value]) => [key, String(value ?? '')] as const);
  return Object.fromEntries(entries);
}

/** `${VAR:-default}` → default, as Compose interpolates it when VAR is unset. */
function withDefaults(value: string): string {
  return value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
}

function publishedPorts(name: string): string[] {
  return (service(name).ports ?? []).map(String);
}

function dependsOn(name: string): Record<string, string | undefined> {
  const deps = service(name).depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([key, value]) => [key, value.condition]));
}

const subgraphs = AGENCIES.map((a) => ({ ...a, variable: databaseConfig(a.slug, {}).variable }));

describe('docker-compose.yml', () => {
  it('declares a service for every agency subgraph, the gateway, postgres and keycloak, and nothing unknown', () => {
    const expected = [...AGENCIES.map((a) => a.slug), 'gateway', 'keycloak', 'postgres', 'db-init'].sort();
    expect(Object.keys(compose.services).sort()).toEqual(expected);
  });

  it.each(subgraphs)('runs the $slug subgraph from its compiled entry point, with node alone', ({ slug }) => {
    const command = [service(slug).command ?? []].flat().join(' ');
    expect(command).toBe(`node subgraphs/${slug}/dist/index.js`);
    expect(fs.existsSync(path.join(REPO_ROOT, 'subgraphs', slug, 'package.json'))).toBe(true);
    expect(service(slug).build).toBeDefined();
  });

  it.each(subgraphs)('publishes the $slug subgraph on its default port $defaultPort', ({ slug, defaultPort }) => {
    expect(publishedPorts(slug)).toContain(`${defaultPort}:${defaultPort}`);
    expect(environment(slug)[`${slug.toUpperCase()}_PORT`]).toBe(String(defaultPort));
  });

  it('publishes the gateway on its default port', () => {
    expect(publishedPorts('gateway')).toContain(`${GATEWAY_DEFAULT_PORT}:${GATEWAY_DEFAULT_PORT}`);
    expect(environment('gateway').GATEWAY_PORT).toBe(String(GATEWAY_DEFAULT_PORT));
    expect([service('gateway').command ?? []].flat().join(' ')).toBe('node gateway/dist/index.js');
  });

  it.each(subgraphs)(
    'gives the $slug subgraph exactly the database variable the code reads ($variable)',
    ({ slug, variable }) => {
      const env = environment(slug);
      expect(Object.keys(env).filter((key) => key.endsWith('_DATABASE_URL'))).toEqual([variable]);
      expect(withDefaults(env[variable] ?? '')).toMatch(/^postgres(ql)?:\/\/[^@]+@postgres:5432\/\w+$/);
    },
  );

  it.each([...AGENCIES.map((a) => a.slug), 'gateway'])('binds %s to all interfaces inside its container', (name) => {
    expect(environment(name).HOST).toBe('0.0.0.0');
  });

  it('runs Keycloak importing the realm export the embedded provider also reads', () => {
    const keycloak = service('keycloak');
    expect(String(keycloak.image)).toMatch(/^quay\.io\/keycloak\/keycloak:2[6-9]/);
    expect([keycloak.command ?? []].flat().join(' ')).toContain('--import-realm');
    expect(JSON.stringify(keycloak.volumes)).toContain('./infra/keycloak/realm-export.json:/opt/keycloak/data/import/');
    expect(fs.existsSync(path.join(REPO_ROOT, 'infra/keycloak/realm-export.json'))).toBe(true);
    expect(publishedPorts('keycloak')).toContain('8080:8080');
  });

  it.each([...AGENCIES.map((a) => a.slug), 'gateway'])(
    'has %s validate tokens against Keycloak under the very URL Keycloak issues them with',
    (name) => {
      // keycloak-connect compares `iss` with <KEYCLOAK_URL>/realms/<realm> exactly.
      const keycloakUrl = environment(name).KEYCLOAK_URL;
      expect(keycloakUrl).toBe('http://keycloak:8080');
      expect(environment('keycloak').KC_HOSTNAME).toBe(keycloakUrl);
      expect(Object.keys(service(name).depends_on ?? {})).toContain('keycloak');
    },
  );

  it.each(subgraphs)(
    'lets the $slug subgraph reach the gateway by service name (the read-back and the audit countersigning)',
    ({ slug }) => {
      expect(environment(slug).GATEWAY_URL).toBe(`http://gateway:${GATEWAY_DEFAULT_PORT}/graphql`);
    },
  );

  it('points the gateway at every subgraph by service name and port', () => {
    const env = environment('gateway');
    for (const { slug, defaultPort } of AGENCIES) {
      expect(env[`${slug.toUpperCase()}_URL`], `${slug.toUpperCase()}_URL`).toBe(
        `http://${slug}:${defaultPort}/graphql`,
      );
    }
  });

  it('starts each subgraph once its database is provisioned and keycloak is healthy, and the gateway after every subgraph is healthy', () => {
    for (const { slug } of AGENCIES) {
      expect(dependsOn(slug)).toEqual({ 'db-init': 'service_completed_successfully', keycloak: 'service_healthy' });
    }
    expect(dependsOn('db-init')).toEqual({ postgres: 'service_healthy' });
    expect(dependsOn('gateway')).toEqual({
      keycloak: 'service_healthy',
      ...Object.fromEntries(AGENCIES.map((a) => [a.slug, 'service_healthy'])),
    });
  });

  it.each([...AGENCIES, { slug: 'gateway', defaultPort: GATEWAY_DEFAULT_PORT }])(
    "checks the $slug service's health on /health of its own port with node (the slim image has no curl)",
    ({ slug, defaultPort }) => {
      const test = [service(slug).healthcheck?.test ?? []].flat();
      expect(test[1]).toBe('node');
      expect(test.join(' ')).toContain(`http://127.0.0.1:${defaultPort}/health`);
    },
  );

  it('runs postgres 17, the major of the embedded server, with a volume and a pg_isready healthcheck', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:17/);
    expect(environment('postgres').POSTGRES_PASSWORD).toBeTruthy();
    expect(postgres.volumes).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[\w-]+:\/var\/lib\/postgresql\/data$/)]),
    );
    expect([postgres.healthcheck?.test ?? []].flat().join(' ')).toContain('pg_isready');
  });

  it("provisions the agencies' databases with the same code as the embedded server, as the postgres superuser", () => {
    const command = [service('db-init').command ?? []].flat().join(' ');
    expect(command).toContain('packages/postgres/dist/provision-main.js');
    expect(fs.existsSync(path.join(REPO_ROOT, 'packages/postgres/src/provision-main.ts'))).toBe(true);
    const admin = new URL(withDefaults(environment('db-init').DATABASE_ADMIN_URL ?? ''));
    expect([admin.username, admin.hostname, admin.port]).toEqual(['postgres', 'postgres', '5432']);
    expect(decodeURIComponent(admin.password)).toBe(withDefaults(environment('postgres').POSTGRES_PASSWORD ?? ''));
  });
});

describe('docker-compose.yml and the provisioning code together', () => {
  it('provisions a role and a database for exactly the agencies in the code', () => {
    expect([...AGENCY_DATABASE_SLUGS]).toEqual(AGENCIES.map((a) => a.slug));
  });

  it.each(subgraphs)('connects the $slug subgraph as its own role to its own database', ({ slug, variable }) => {
    const url = withDefaults(environment(slug)[variable] ?? '');
    const match = url.match(/^postgres(?:ql)?:\/\/([^:@]+):([^@]*)@postgres:5432\/([^/?]+)$/);
    expect(match, url).not.toBeNull();
    const [, role, password, database] = match as RegExpMatchArray;
    expect({ role, database }).toEqual(agencyDatabaseNames(slug as (typeof AGENCY_DATABASE_SLUGS)[number]));
    // The init job sets the role's password to the one the subgraph connects with.
    const passwordVariable = `${slug.toUpperCase()}_DB_PASSWORD`;
    expect(withDefaults(environment('db-init')[passwordVariable] ?? '')).toBe(password);
    expect(environment('db-init')[passwordVariable]).toBe(
      environment(slug)[variable]?.match(/^postgres(?:ql)?:\/\/[^:]+:([^@]*)@/)?.[1],
    );
  });
});
