import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** Numbers align right so digits line up. */
  numeric?: boolean;
  /** The column that names the row: a row header for screen readers. */
  rowHeader?: boolean;
  /** Running text (a title, a narrative) that should not be squeezed to a few words a line. */
  wide?: boolean;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  empty?: ReactNode;
  /** Shown under the table, e.g. the SuppressionNote or the figures' source. */
  footer?: ReactNode;
  /** Hide the caption visually where a heading already names the table. */
  captionHidden?: boolean;
}

/** A plain HTML table with a caption and header cells: the most widely understood structure for data. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, footer, captionHidden }: DataTableProps<Row>) {
  return (
    <div className="data-table">
      <div
        className="table-scroll"
        role="region"
        aria-label={typeof caption === 'string' ? caption : undefined}
        tabIndex={0}
      >
        <table>
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && empty ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row">
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={column.numeric ? 'numeric' : column.wide ? 'wide' : undefined}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}
