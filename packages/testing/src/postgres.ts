import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The server the tests create their databases on: the embedded PostgreSQL that the test run's
 * global setup starts, or the server in TEST_DATABASE_URL (CI also runs against the machine's).
 */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests with `npm test` (its global setup starts an embedded PostgreSQL), or set it to a superuser URL.',
    );
  }
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a fresh, uniquely named database; `drop()` removes it even if connections linger. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `ckp_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
