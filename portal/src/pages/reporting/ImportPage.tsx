import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import {
  CommitImportDocument,
  PreviewImportDocument,
  type ImportOutcomeFragment,
  type ImportRowInput,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { useAgencyMutation } from './useAgencyMutation';
import { outcome, WriteFeedback, type WriteState } from './WriteFeedback';
import './reporting.css';

interface Problem {
  line: number | null;
  message: string;
}
interface Parsed {
  rows: ImportRowInput[];
  problems: Problem[];
}
type Row = ImportOutcomeFragment['rows'][number];

/**
 * Sends the file to the gateway, which reads it with the same parser as `npm run import` (so the
 * portal carries no spreadsheet library) and answers its rows or its problems by line.
 */
async function parseOnGateway(file: File, token: string): Promise<Parsed> {
  const response = await fetch('/imports/parse', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as Partial<Parsed> | null;
  if (body?.problems) return { rows: body.rows ?? [], problems: body.problems };
  return { rows: [], problems: [{ line: null, message: `HTTP ${response.status}` }] };
}

function Problems({ problems }: { problems: readonly Problem[] }) {
  const t = useT();
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{t('import.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.line === null ? t('import.file') : t('import.line', { line: p.line })}: <span lang="">{p.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Summary({ result }: { result: ImportOutcomeFragment }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="import-summary">
      {(['created', 'updated', 'unchanged', 'refused'] as const).map((key) => (
        <div key={key}>
          <dt>{t(`import.count.${key}`)}</dt>
          <dd>{format.number(result[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

function Outcomes({ rows }: { rows: readonly Row[] }) {
  const t = useT();
  return (
    <DataTable<Row>
      caption={t('import.rows')}
      rows={rows}
      rowKey={(r) => String(r.line)}
      empty={t('import.noRows')}
      columns={[
        { key: 'line', header: t('import.lineHeader'), rowHeader: true, cell: (r) => r.line },
        { key: 'kind', header: t('import.kind'), cell: (r) => t(`import.kind.${r.kind}`) },
        { key: 'key', header: t('import.key'), cell: (r) => <span className="code">{r.key}</span> },
        { key: 'outcome', header: t('import.outcome'), cell: (r) => t(`import.outcome.${r.outcome}`) },
        { key: 'reason', header: t('import.reason'), wide: true, cell: (r) => <span lang="">{r.reason ?? ''}</span> },
      ]}
    />
  );
}

/**
 * Spreadsheet import of the ministry's progress reports and indicator values: upload, preview of
 * what each row will do, then confirm. The graph commits all rows or none, as drafts for review,
 * and refuses a confirmation whose data changed since the preview.
 */
function ImportForm() {
  const t = useT();
  const { accessToken } = useAuth();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [rows, setRows] = useState<ImportRowInput[]>([]);
  const [preview, setPreview] = useState<ImportOutcomeFragment | null>(null);
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching: previewing }, runPreview] = useAgencyMutation(PreviewImportDocument);
  const [{ fetching: committing }, runCommit] = useAgencyMutation(CommitImportDocument);

  async function readAndPreview() {
    if (!file) return;
    setReading(true);
    setPreview(null);
    setWrite({ kind: 'idle' });
    try {
      const parsed = await parseOnGateway(file, accessToken());
      setProblems(parsed.problems);
      setRows(parsed.rows);
      if (parsed.problems.length > 0) return;
      const { data, error } = await runPreview({ input: { rows: parsed.rows } });
      if (error) setWrite(outcome(error, ''));
      setPreview(data?.agency?.previewImport ?? null);
    } finally {
      setReading(false);
    }
  }

  async function confirm() {
    if (!preview) return;
    const { data, error } = await runCommit({ input: { rows, expectedDigest: preview.digest } });
    const done = data?.agency?.commitImport;
    setWrite(
      outcome(
        error,
        done ? t('import.committed', { created: done.created, updated: done.updated, unchanged: done.unchanged }) : '',
      ),
    );
    if (done) setPreview(done);
  }

  const canCommit = preview && !preview.committed && preview.refused === 0 && preview.created + preview.updated > 0;
  return (
    <>
      <section aria-labelledby="template-heading" className="panel">
        <h2 id="template-heading">{t('import.template')}</h2>
        <p className="note">{t('import.templateExplanation')}</p>
        <ul className="downloads">
          <li>
            <a href="/imports/template.xlsx" download>
              {t('import.templateXlsx')}
            </a>
          </li>
          <li>
            <a href="/imports/template.csv" download>
              {t('import.templateCsv')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="upload-heading" className="panel">
        <h2 id="upload-heading">{t('import.upload')}</h2>
        <p className="field">
          <label htmlFor={inputId}>{t('import.file')}</label>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setProblems([]);
              setWrite({ kind: 'idle' });
            }}
          />
        </p>
        <Button className="button" isDisabled={!file || reading || previewing} onPress={() => void readAndPreview()}>
          {t('import.preview')}
        </Button>
      </section>
      {problems.length > 0 && <Problems problems={problems} />}
      <WriteFeedback state={write} onReload={() => void readAndPreview()} />
      {preview && (
        <section aria-labelledby="preview-heading" className="panel">
          <h2 id="preview-heading">{preview.committed ? t('import.result') : t('import.previewHeading')}</h2>
          <Summary result={preview} />
          {preview.refused > 0 && <p role="status">{t('import.refusedNote')}</p>}
          {canCommit && (
            <Button className="button" isDisabled={committing} onPress={() => void confirm()}>
              {t('import.confirm', { count: preview.created + preview.updated })}
            </Button>
          )}
          <Outcomes rows={preview.rows} />
        </section>
      )}
      <p>
        <Link to="/reporting">{t('import.back')}</Link>
      </p>
    </>
  );
}

export function ImportPage() {
  const t = useT();
  const { caller } = useAuth();
  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      {caller.agency ? (
        <>
          <p className="lead">
            <AgencyName agency={caller.agency} />
          </p>
          <p>{t('import.explanation')}</p>
          <ImportForm />
        </>
      ) : (
        <p>{t('reporting.noAgency')}</p>
      )}
    </>
  );
}
