import { describe, expect, it } from 'vitest';
import { deriveOverallStatus, type PartyState } from '../src/progress/overall-status.js';

const accepted = (contributionStatus: PartyState['contributionStatus']): PartyState => ({
  acceptance: 'ACCEPTED',
  contributionStatus,
});
const declined: PartyState = { acceptance: 'DECLINED', contributionStatus: 'NOT_STARTED' };
const pending: PartyState = { acceptance: 'PENDING', contributionStatus: 'NOT_STARTED' };

describe('the overall status of a shared action', () => {
  it('is unknown while the responsible agency or any party cannot be read', () => {
    expect(deriveOverallStatus(null, [accepted('COMPLETED')])).toBeNull();
    expect(deriveOverallStatus('IN_PROGRESS', [accepted('IN_PROGRESS'), null])).toBeNull();
  });

  it('is completed only when the responsible agency and every accepting party are done', () => {
    expect(deriveOverallStatus('COMPLETED', [accepted('COMPLETED'), declined])).toBe('COMPLETED');
    expect(deriveOverallStatus('COMPLETED', [])).toBe('COMPLETED');
  });

  it('is at risk when the responsible agency is done but a party is not, or has not answered', () => {
    expect(deriveOverallStatus('COMPLETED', [accepted('IN_PROGRESS')])).toBe('AT_RISK');
    expect(deriveOverallStatus('COMPLETED', [pending])).toBe('AT_RISK');
  });

  it('is delayed when any accepting party is delayed, whatever the others report', () => {
    expect(deriveOverallStatus('IN_PROGRESS', [accepted('DELAYED'), accepted('AT_RISK')])).toBe('DELAYED');
    expect(deriveOverallStatus('DELAYED', [accepted('COMPLETED')])).toBe('DELAYED');
  });

  it('is at risk when a party declined its role', () => {
    expect(deriveOverallStatus('IN_PROGRESS', [declined, accepted('IN_PROGRESS')])).toBe('AT_RISK');
  });

  it('has not started while nobody has, and is in progress as soon as someone has', () => {
    expect(deriveOverallStatus('NOT_STARTED', [pending, accepted('NOT_STARTED')])).toBe('NOT_STARTED');
    expect(deriveOverallStatus('NOT_STARTED', [accepted('IN_PROGRESS')])).toBe('IN_PROGRESS');
    expect(deriveOverallStatus('IN_PROGRESS', [pending])).toBe('IN_PROGRESS');
  });
});
