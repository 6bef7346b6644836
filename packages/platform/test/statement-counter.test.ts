import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { sqlStatementCounterEnabled } from '../src/db/statement-counter.js';

describe('SQL_STATEMENT_COUNTER', () => {
  it('is off unless set to 1', () => {
    expect(sqlStatementCounterEnabled({})).toBe(false);
    expect(sqlStatementCounterEnabled({ SQL_STATEMENT_COUNTER: '0' })).toBe(false);
    expect(sqlStatementCounterEnabled({ SQL_STATEMENT_COUNTER: '1' })).toBe(true);
    expect(() => sqlStatementCounterEnabled({ SQL_STATEMENT_COUNTER: 'yes' })).toThrow(ConfigError);
  });

  it('is refused in production', () => {
    expect(() => sqlStatementCounterEnabled({ SQL_STATEMENT_COUNTER: '1', NODE_ENV: 'production' })).toThrow(
      /unset it when NODE_ENV=production/,
    );
  });
});
