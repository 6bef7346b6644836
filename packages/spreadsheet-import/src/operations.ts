import type { SpreadsheetImportView } from '@cocuk-koruma/domain/progress/import/resolvers';

const FIELDS = 'digest committed rowCount created updated unchanged refused rows { line kind key outcome reason }';

/** What `previewImport` and `commitImport` answer. */
export type SpreadsheetImportResult = SpreadsheetImportView;

/** The two mutations in the agency's own namespace (`justice`, `health`, …). */
export function importOperations(namespace: string) {
  return {
    preview: `mutation PreviewImport($input: ImportInput!) { ${namespace} { previewImport(input: $input) { ${FIELDS} } } }`,
    commit: `mutation CommitImport($input: ImportCommitInput!) { ${namespace} { commitImport(input: $input) { ${FIELDS} } } }`,
  };
}
