/**
 * Örnek / Example: an agency's own system reports a quarter's progress on its own, end to end.
 *
 *   1. gets a token for its client (client credentials),
 *   2. finds the actions the plan assigns to its agency and picks the one to report on,
 *   3. saves a draft report for the quarter (or updates the draft already there),
 *   4. submits it for the ministry's focal point to review.
 *
 * Each write goes with an Idempotency-Key made from what it is (action, period, version it
 * changes), so a run cut short and started again, or a retry after a timeout, never writes twice.
 *
 *   GRAPH_URL=http://127.0.0.1:4000/graphql REALM_URL=http://127.0.0.1:8080/realms/cocuk-koruma \
 *   CLIENT_ID=justice-system CLIENT_SECRET=local-dev-only-justice-system-secret AGENCY=JUSTICE \
 *   PERIOD=2026-Q3 npx tsx packages/client/examples/report-progress.ts
 *
 * ACTION picks the action (else the first without a submitted or approved report for PERIOD);
 * STATUS, PERCENT and NARRATIVE give the report (an example narrative otherwise). The last line
 * printed is the submitted report as JSON.
 */
import {
  AgencyClient,
  clientCredentialsTokenSource,
  CocukKorumaClientError,
  GraphQLRequestError,
  type ActionStatus,
  type AgencyCode,
} from '@cocuk-koruma/client';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`Set ${name} (see the comment at the top of this file).`);
  return value;
}

const agency = required('AGENCY') as AgencyCode;
const period = required('PERIOD');
const clientId = required('CLIENT_ID');

const client = new AgencyClient({
  url: required('GRAPH_URL'),
  agency,
  tokens: clientCredentialsTokenSource({
    realmUrl: required('REALM_URL'),
    clientId,
    clientSecret: required('CLIENT_SECRET'),
  }),
});

async function main(): Promise<void> {
  const actions = await client.actions(period);
  console.error(`${actions.length} actions of ${agency} in the plan`);
  const wanted = process.env.ACTION?.trim();
  const open = (a: (typeof actions)[number]) =>
    !a.reportHistory?.some((r) => r.state === 'SUBMITTED' || r.state === 'APPROVED');
  const action = wanted ? actions.find((a) => a.code === wanted) : actions.find(open);
  if (!action)
    throw new Error(
      wanted ? `${wanted} is not an action of ${agency}.` : `Every action of ${agency} is reported for ${period}.`,
    );

  const draft = action.reportHistory?.find((r) => r.state === 'DRAFT' || r.state === 'RETURNED');
  const saved = await client.saveProgressReport(
    {
      actionCode: action.code,
      period,
      status: (process.env.STATUS?.trim() || 'IN_PROGRESS') as ActionStatus,
      percentComplete: Number(process.env.PERCENT ?? 50),
      narrative:
        process.env.NARRATIVE ??
        `Örnek: ${period} döneminde kurum sistemimizden raporlandı. / Example: reported from our own system for ${period}.`,
      ...(draft ? { expectedVersion: draft.version } : {}),
    },
    { idempotencyKey: `${clientId}:save:${action.code}:${period}:${draft ? `v${draft.version}` : 'new'}` },
  );
  console.error(
    `draft ${saved.value.id} of ${action.code} saved (version ${saved.value.version}${saved.replayed ? ', replayed' : ''})`,
  );

  const submitted = await client.submitProgressReport(
    { id: saved.value.id, expectedVersion: saved.value.version },
    { idempotencyKey: `${clientId}:submit:${saved.value.id}:v${saved.value.version}` },
  );
  console.error(`report ${submitted.value.id} submitted for review${submitted.replayed ? ' (replayed)' : ''}`);
  console.log(JSON.stringify(submitted.value));
}

try {
  await main();
} catch (error) {
  // A refusal carries the graph's code: a system branches on it, a person reads the message.
  if (error instanceof GraphQLRequestError) console.error(`refused (${error.code}): ${error.message}`);
  else if (error instanceof CocukKorumaClientError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
