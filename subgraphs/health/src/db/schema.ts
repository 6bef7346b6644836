// The Ministry of Health's database holds only the shared progress tables and its own audit log.
export * from '@cocuk-koruma/domain/progress/tables';
export * from '@cocuk-koruma/domain/audit/tables';
