// The Ministry of Health's database holds only the shared progress tables.
export * from '@cocuk-koruma/common/progress/tables';
