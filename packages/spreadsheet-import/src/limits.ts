// What the gateway needs of the import without loading the parser and exceljs.
export { IMPORT_LIMITS } from '@cocuk-koruma/domain/progress/import/limits';
export { say, type ImportProblem, type ImportRow } from '@cocuk-koruma/domain/progress/import/rows';
