/**
 * Örnek / Example: an agency's system records one indicator value (national, or a province's by
 * plate code) for a quarter, changing the value already there if there is one.
 *
 *   GRAPH_URL=… REALM_URL=… CLIENT_ID=justice-system CLIENT_SECRET=… AGENCY=JUSTICE \
 *   ACTION=A1.H1.E2 INDICATOR=<code> PERIOD=2026-Q3 VALUE=12 [PLATE=06] [SOURCE=<source>] \
 *   [EXPECTED_VERSION=<version read>] npx tsx packages/client/examples/record-measurement.ts
 */
import { AgencyClient, clientCredentialsTokenSource, GraphQLRequestError, type AgencyCode } from '@cocuk-koruma/client';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`Set ${name} (see the comment at the top of this file).`);
  return value;
}

const clientId = required('CLIENT_ID');
const client = new AgencyClient({
  url: required('GRAPH_URL'),
  agency: required('AGENCY') as AgencyCode,
  tokens: clientCredentialsTokenSource({
    realmUrl: required('REALM_URL'),
    clientId,
    clientSecret: required('CLIENT_SECRET'),
  }),
});

const input = {
  actionCode: required('ACTION'),
  indicatorCode: required('INDICATOR'),
  period: required('PERIOD'),
  value: Number(required('VALUE')),
  provincePlateCode: process.env.PLATE?.trim() || null,
  ...(process.env.SOURCE ? { source: process.env.SOURCE } : {}),
  ...(process.env.EXPECTED_VERSION ? { expectedVersion: Number(process.env.EXPECTED_VERSION) } : {}),
};

try {
  const recorded = await client.recordIndicatorMeasurement(input, {
    idempotencyKey: `${clientId}:measure:${input.actionCode}:${input.indicatorCode}:${input.period}:${input.provincePlateCode ?? 'TR'}:v${input.expectedVersion ?? 'new'}`,
  });
  console.log(JSON.stringify({ ...recorded.value, replayed: recorded.replayed }));
} catch (error) {
  if (error instanceof GraphQLRequestError) console.error(`refused (${error.code}): ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
