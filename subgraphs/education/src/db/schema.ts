// The Ministry of National Education's database holds only the shared progress tables.
export * from '@cocuk-koruma/common/progress/tables';
