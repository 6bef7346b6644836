// The Ministry of Justice's database holds only the shared progress tables, its own audit log and the answers it keeps for idempotent retries.
export * from '@cocuk-koruma/domain/progress/tables';
export * from '@cocuk-koruma/domain/audit/tables';
export * from '@cocuk-koruma/domain/idempotency/tables';
