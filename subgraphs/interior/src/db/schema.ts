// The Ministry of Interior's database holds only the shared progress tables.
export * from '@cocuk-koruma/common/progress/tables';
