import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { AGENCIES, agencyBySlug, type AgencySlug } from '@cocuk-koruma/platform';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { auditLog, verifyAuditChain } from '@cocuk-koruma/domain';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { commitmentsOf, plan } from '@cocuk-koruma/plan';
import { eq } from 'drizzle-orm';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

/**
 * A schema-aware fuzz test: random operations built from the supergraph's own types, random
 * variables, and malformed bodies, at the gateway and at the justice subgraph directly, from
 * callers of every kind. A fixed seed makes a failure reproducible; FUZZ_CASES and FUZZ_SEED run
 * a longer or another series outside CI.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CONCURRENCY = 4;

/** What no response may show: stack frames, file paths, SQL, internal URLs. */
const LEAK = /stacktrace|\(\S+:\d+:\d+\)|node_modules|\.ts:\d+|\.js:\d+|select "|from "|params:|127\.0\.0\.1:\d+/;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number) => rng() < p;

const CODES = plan.actions.map((a) => a.code);
const STRINGS = [
  ...CODES.slice(0, 6),
  'central-11',
  'central',
  '2026-Q3',
  '2014-Q1',
  '1900-Q1',
  '2031-Q4',
  '2026-Q9',
  '2027-02-30',
  '',
  ' ',
  '\u0000',
  'İstanbul ıŞğ',
  "'; drop table progress_reports; --",
  'x'.repeat(600),
  '../../etc/passwd',
  '{"a":1}',
  'Z9.H9.E9',
];
const DATES = ['2026-12-27', '2020-06-30', '2027-02-30', 'tomorrow', '', '2026-13-01', '0000-00-00'];
const INTS = [0, 1, -1, 40, 100, 101, 2 ** 31 - 1, 2 ** 31, 1.5, -(2 ** 31) - 1];

/** A value for an input type: usually of the type, sometimes not (wrong type, out of range, null). */
function valueFor(rng: Rng, type: GraphQLInputType, depth = 0): unknown {
  if (chance(rng, 0.04)) return pick(rng, [null, 'not-this-type', 12, true, [], {}]);
  if (isNonNullType(type)) return valueFor(rng, type.ofType, depth);
  if (isListType(type)) {
    return Array.from({ length: Math.floor(rng() * 3) }, () => valueFor(rng, type.ofType, depth + 1));
  }
  if (isEnumType(type)) return chance(rng, 0.9) ? pick(rng, type.getValues()).name : 'NO_SUCH_VALUE';
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) ? chance(rng, 0.95) : chance(rng, 0.5)) {
        value[field.name] = valueFor(rng, field.type, depth + 1);
      }
    }
    if (chance(rng, 0.05)) value.unknownField = 'x';
    return value;
  }
  switch (type.name) {
    case 'Int':
      return pick(rng, INTS);
    case 'Float':
      return pick(rng, [0, 1.5, -3, 1e308]);
    case 'Boolean':
      return chance(rng, 0.5);
    case 'Date':
      return pick(rng, DATES);
    case '_Any':
      return pick(rng, [
        { __typename: 'JusticeAction', code: pick(rng, CODES) },
        { __typename: 'JusticeAction' },
        { __typename: 'FamilyAction', code: pick(rng, CODES) },
        { code: 'A1.H1.E2' },
        'A1.H1.E2',
        { __typename: 'NoSuchType', code: 'x' },
      ]);
    default:
      return pick(rng, STRINGS);
  }
}

/** GraphQL literal syntax for a JSON value (enums are written bare when the type is an enum). */
function literal(value: unknown, type: GraphQLInputType): string {
  const bare = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const of = isListType(bare) ? bare.ofType : bare;
    return `[${value.map((v) => literal(v, of)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(bare) ? bare.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? bare)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(getNamedType(bare)) && /^[A-Z_]+$/.test(value)) return value;
  return JSON.stringify(value);
}

interface Built {
  query: string;
  variables: Record<string, unknown>;
}

/** A random operation on the schema's root type: fields, arguments (inline or as variables), aliases, fragments. */
function randomOperation(rng: Rng, schema: GraphQLSchema): Built {
  const mutation = chance(rng, 0.3);
  const root = (mutation ? schema.getMutationType() : schema.getQueryType()) as GraphQLObjectType;
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const maxDepth = 1 + Math.floor(rng() * 11);

  const args = (field: GraphQLField<unknown, unknown>): string => {
    const written: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !chance(rng, 0.4)) continue;
      if (isNonNullType(arg.type) && chance(rng, 0.03)) continue;
      const value = valueFor(rng, arg.type);
      if (chance(rng, 0.4)) {
        const name = `v${definitions.length}`;
        definitions.push(`$${name}: ${String(arg.type)}`);
        variables[name] = value;
        written.push(`${arg.name}: $${name}`);
      } else {
        written.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    return written.length ? `(${written.join(', ')})` : '';
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const concrete = pick(rng, possible);
      const shared = isInterfaceType(type) && chance(rng, 0.5) ? ` ${fields(type, depth)}` : '';
      return `{ __typename${shared} ... on ${concrete.name} ${fields(concrete, depth)} }`;
    }
    if (isObjectType(type)) return fields(type, depth);
    return '';
  };

  const fields = (type: GraphQLObjectType | ReturnType<typeof schema.getType>, depth: number): string => {
    if (!type || !(isObjectType(type) || isInterfaceType(type))) return '';
    const all = Object.values(type.getFields()).filter((f) => !f.name.startsWith('__'));
    const chosen = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, all));
    const parts = chosen.map((field, index) => {
      const named = getNamedType(field.type);
      const alias = chance(rng, 0.1) ? `a${index}_${Math.floor(rng() * 99)}: ` : '';
      const leaf = isScalarType(named) || isEnumType(named);
      if (!leaf && depth >= maxDepth) return '__typename';
      return `${alias}${field.name}${args(field)}${leaf ? '' : ` ${selection(named, depth + 1)}`}`;
    });
    return `{ ${parts.join(' ')} }`;
  };

  const body = fields(root, 1);
  const head = `${mutation ? 'mutation' : 'query'} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''}`;
  return { query: `${head} ${body}`, variables };
}

interface Request {
  body: string | Buffer;
  headers: Record<string, string>;
}

/** Bodies no well-behaved client sends. */
const MALFORMED: ((rng: Rng, built: Built) => Request)[] = [
  (_rng, b) => ({ body: JSON.stringify({ query: b.query, variables: b.variables }).slice(0, 40), headers: {} }),
  () => ({ body: '[]', headers: {} }),
  () => ({ body: 'null', headers: {} }),
  () => ({ body: '', headers: {} }),
  () => ({ body: JSON.stringify({ query: 5 }), headers: {} }),
  (_rng, b) => ({ body: JSON.stringify({ query: b.query, variables: 'x' }), headers: {} }),
  (_rng, b) => ({ body: JSON.stringify({ query: b.query.slice(0, -3) }), headers: {} }),
  () => ({ body: JSON.stringify({ query: 'query A { strategy { title } } query B { areas { code } }' }), headers: {} }),
  () => ({ body: JSON.stringify({ query: '{ strategy { title } }', operationName: 'Nope' }), headers: {} }),
  () => ({ body: JSON.stringify({ query: '{ strategy { title } }', operationName: 7 }), headers: {} }),
  () => ({ body: Buffer.from('not gzip at all'), headers: { 'content-encoding': 'gzip' } }),
  (_rng, b) => ({
    body: gzipSync(JSON.stringify({ query: b.query, variables: b.variables })),
    headers: { 'content-encoding': 'gzip' },
  }),
  () => ({ body: Buffer.from('x'), headers: { 'content-encoding': 'br' } }),
  (_rng, b) => ({ body: b.query, headers: { 'content-type': 'text/plain' } }),
  () => ({ body: JSON.stringify({ query: `{ ${'strategy { title } '.repeat(400)} }` }), headers: {} }),
  () => ({
    body: JSON.stringify({
      query: `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: strategy { title }`).join(' ')} }`,
    }),
    headers: {},
  }),
  () => ({ body: JSON.stringify({ query: `${'{ areas '.repeat(60)}${'}'.repeat(60)}` }), headers: {} }),
  (_rng, b) => ({
    body: JSON.stringify([{ query: b.query, variables: b.variables }, { query: '{ strategy { title } }' }]),
    headers: {},
  }),
  () => ({ body: JSON.stringify({ query: '{ __schema { types { name fields { name } } } }' }), headers: {} }),
  () => ({
    body: JSON.stringify({
      query: '{ strategy { title } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
    }),
    headers: {},
  }),
  () => ({
    body: `{"query": "{ strategy { title } }", "variables": {"a": ${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    headers: {},
  }),
];

const CALLERS: (TokenOptions | 'none' | 'bad')[] = [
  { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] },
  { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] },
  { username: 'family.secretariat', agency: 'FAMILY', roles: ['secretariat'] },
  { username: 'justice.auditor', agency: 'JUSTICE', roles: ['auditor'] },
  { username: 'noagency.liaison', agency: null, roles: ['liaison'] },
  'none',
  'bad',
];

const WRITABLE: AgencySlug[] = ['justice', 'health', 'education', 'interior'];

/**
 * A well-formed write on some agency's action: random operations almost never are one, and
 * without them "no write by a caller not allowed" would be checked against no writes at all.
 */
function wellFormedWrite(rng: Rng): Built & { agency: AgencySlug } {
  const agency = pick(rng, WRITABLE);
  const action = pick(rng, commitmentsOf(agencyBySlug(agency).code)).code;
  return {
    agency,
    query: `mutation Write($input: ProgressReportInput!) { ${agency} { saveProgressReport(input: $input) { id version } } }`,
    variables: {
      input: {
        actionCode: action,
        period: `${2014 + Math.floor(rng() * 5)}-Q${1 + Math.floor(rng() * 4)}`,
        status: 'IN_PROGRESS',
        percentComplete: Math.floor(rng() * 101),
        narrative: 'Example fuzz write',
      },
    },
  };
}

/** Who may have written to each agency's database, among the callers above. */
const ALLOWED_WRITERS: Record<AgencySlug, string[]> = {
  family: ['family.secretariat'],
  justice: ['justice.liaison'],
  health: ['health.liaison'],
  education: [],
  interior: [],
};

/** A caller in CALLERS allowed to write to the agency, if any is. */
function allowedCaller(agency: AgencySlug): (typeof CALLERS)[number] | undefined {
  return CALLERS.find((c) => typeof c === 'object' && ALLOWED_WRITERS[agency].includes(c.username));
}

interface Tally {
  tried: number;
  byStatus: Record<string, number>;
  serverErrors: string[];
  internal: string[];
  leaks: string[];
  notJson: string[];
}

let graph: RunningGraph;
let schema: GraphQLSchema;

beforeAll(async () => {
  graph = await startGraph('fuzz');
  schema = buildSchema(fs.readFileSync(`${REPO_ROOT}/schema/supergraph.graphql`, 'utf8'), { assumeValidSDL: true });
});

afterAll(async () => {
  await graph?.stop();
});

describe('schema-aware fuzzing', () => {
  it(
    `answers ${CASES} random operations, variables and malformed bodies (seed ${SEED}) without a 5xx, a leak or an unallowed write`,
    { timeout: Math.max(120_000, CASES * 100) },
    async () => {
      const tally: Tally = { tried: 0, byStatus: {}, serverErrors: [], internal: [], leaks: [], notJson: [] };
      const rng = random(SEED);
      // Which cases write, by whom and where come from a stream of their own: random operations
      // draw from the supergraph's shape, and a new field must not change which writes are tried.
      const planner = random(SEED + 1);
      const plans = Array.from({ length: CASES }, (_, i) => {
        const write = chance(planner, 0.1) ? wellFormedWrite(planner) : undefined;
        const built = write ?? randomOperation(rng, schema);
        // Half the writes come from a caller allowed to make them, so that some land.
        const writer = write && chance(planner, 0.5) ? allowedCaller(write.agency) : undefined;
        const caller = writer ?? pick(planner, CALLERS);
        const target = chance(planner, 0.6) ? 'gateway' : 'justice';
        const malformed = chance(planner, 0.15) ? pick(rng, MALFORMED)(rng, built) : undefined;
        return { i, built, caller, target, malformed };
      });
      const started = Date.now();
      let next = 0;
      const worker = async () => {
        while (next < plans.length) {
          const { i, built, caller, target, malformed } = plans[next++] as (typeof plans)[number];
          const request = malformed ?? {
            body: JSON.stringify({ query: built.query, variables: built.variables }),
            headers: {},
          };
          const token = caller === 'none' ? undefined : caller === 'bad' ? 'a.b.c' : graph.issuer.token(caller);
          const url = target === 'gateway' ? graph.gatewayUrl : graph.subgraphs.justice.listening.url;
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...request.headers,
            },
            body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body),
          });
          const text = await response.text();
          const label = `#${i} ${target} ${response.status}: ${String(request.body).slice(0, 300)} → ${text.slice(0, 300)}`;
          tally.tried += 1;
          tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
          if (response.status >= 500) tally.serverErrors.push(label);
          if (!/application\/json/.test(response.headers.get('content-type') ?? '')) tally.notJson.push(label);
          if (LEAK.test(text)) tally.leaks.push(label);
          if (text.includes('"INTERNAL_SERVER_ERROR"')) tally.internal.push(label);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `fuzz seed ${SEED}: ${tally.tried} cases in ${seconds.toFixed(1)} s; by status ${JSON.stringify(tally.byStatus)}; ` +
          `5xx ${tally.serverErrors.length}, INTERNAL_SERVER_ERROR ${tally.internal.length}, leaks ${tally.leaks.length}, not JSON ${tally.notJson.length}`,
      );

      if (process.env.FUZZ_VERBOSE) console.log([...tally.leaks, ...tally.internal].join('\n'));
      expect(tally.tried).toBe(CASES);
      expect(tally.serverErrors.slice(0, 5)).toEqual([]);
      expect(tally.internal.slice(0, 5)).toEqual([]);
      expect(tally.leaks.slice(0, 5)).toEqual([]);
      expect(tally.notJson.slice(0, 5)).toEqual([]);

      // No process or server went away: every service still answers its health check.
      for (const agency of AGENCIES) {
        const health = await fetch(new URL('/health', graph.subgraphs[agency.slug].listening.url));
        expect(health.status, agency.slug).toBe(200);
      }
      expect((await fetch(new URL('/health', graph.gatewayUrl))).status).toBe(200);

      // Every write in every agency's database is by a caller allowed to make it, and every chain verifies.
      const written: Record<string, number> = {};
      for (const agency of AGENCIES) {
        const db = graph.subgraphs[agency.slug].server.database.db;
        const writes = await db
          .select({ actor: auditLog.actor, actorAgency: auditLog.actorAgency, operation: auditLog.operation })
          .from(auditLog)
          .where(eq(auditLog.kind, 'WRITE'));
        for (const write of writes) {
          expect(ALLOWED_WRITERS[agency.slug], `${agency.slug}: ${JSON.stringify(write)}`).toContain(write.actor);
          expect(write.actorAgency).toBe(agencyBySlug(agency.slug).code);
        }
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        written[agency.slug] = writes.length;
      }
      console.log(`fuzz seed ${SEED}: writes made by allowed callers ${JSON.stringify(written)}`);
      // The allowed callers' well-formed writes landed, so the check above had writes to judge.
      expect(written.justice ?? 0).toBeGreaterThan(0);
    },
  );
});
