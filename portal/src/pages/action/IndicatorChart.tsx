import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ActionDetailQuery } from '../../gql/graphql';
import { ChartWithTable } from '../../components/ChartWithTable';
import { DataTable } from '../../components/DataTable';
import { Suppressed, SuppressionNote } from '../../components/Suppressed';
import { compareTr } from '../../i18n/collate';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';

type Action = ActionDetailQuery['action'];
type Indicator = Action['indicators'][number];
type Measurement = NonNullable<Action['measurements']>[number];

/** Colours with a 3:1 contrast against white, told apart by the line's dash as well. */
const LINE_STYLES = [
  { stroke: '#0b5cad', dash: undefined },
  { stroke: '#9c4a00', dash: '6 3' },
  { stroke: '#5a3d99', dash: '2 2' },
];

interface Row {
  period: string;
  /** One value per source; null when suppressed. */
  values: Record<string, Measurement>;
}

function rowsOf(national: readonly Measurement[]): { rows: Row[]; sources: string[] } {
  const sources = [...new Set(national.map((m) => m.source))].sort(compareTr);
  const byPeriod = new Map<string, Row>();
  for (const m of national) {
    const row = byPeriod.get(m.period) ?? { period: m.period, values: {} };
    row.values[m.source] = m;
    byPeriod.set(m.period, row);
  }
  return { rows: [...byPeriod.values()].sort((a, b) => compareTr(a.period, b.period)), sources };
}

function Value({ measurement }: { measurement: Measurement | undefined }) {
  const format = useFormat();
  if (!measurement) return <>–</>;
  if (measurement.suppressed) return <Suppressed />;
  return measurement.value === null ? <span className="unknown">?</span> : <>{format.number(measurement.value)}</>;
}

/** One indicator's national values against its target: a chart, and the same figures as a table. */
export function IndicatorChart({
  indicator,
  measurements,
}: {
  indicator: Indicator;
  measurements: readonly Measurement[];
}) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const national = measurements.filter((m) => m.indicatorCode === indicator.code && m.provincePlateCode === null);
  const { rows, sources } = rowsOf(national);
  const name = localized(indicator.name, indicator.nameEn);
  const chartData = rows.map((row) => ({
    period: row.period,
    ...Object.fromEntries(sources.map((source) => [source, row.values[source]?.value ?? null])),
  }));
  const latest = rows.at(-1);
  const summary = t('indicator.summary', {
    name,
    target: format.number(indicator.target),
    unit: indicator.unit,
    periods: rows.length,
    latest: latest ? latest.period : '–',
  });
  const anySuppressed = national.some((m) => m.suppressed);
  return (
    <ChartWithTable
      title={`${indicator.code} · ${name} (${indicator.unit})`}
      summary={summary}
      chart={
        rows.length === 0 ? (
          <p className="note">{t('indicator.noMeasurements')}</p>
        ) : (
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={chartData} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
              <XAxis dataKey="period" tick={{ fill: '#1f2328', fontSize: 12 }} />
              <YAxis
                domain={[0, (max: number) => Math.max(max, indicator.target) * 1.1]}
                tick={{ fill: '#1f2328', fontSize: 12 }}
                tickFormatter={(v: number) => format.number(v)}
              />
              <Tooltip formatter={(v) => (typeof v === 'number' ? format.number(v) : String(v))} />
              <Legend />
              <ReferenceLine
                y={indicator.target}
                stroke="#1a7f37"
                strokeWidth={2}
                label={{ value: t('indicator.target'), fill: '#1a7f37', position: 'insideTopRight' }}
              />
              {sources.map((source, index) => {
                const style = LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0];
                return (
                  <Line
                    key={source}
                    type="monotone"
                    dataKey={source}
                    name={source}
                    stroke={style?.stroke}
                    strokeDasharray={style?.dash}
                    strokeWidth={2}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                );
              })}
            </LineChart>
          </ResponsiveContainer>
        )
      }
      table={
        <DataTable<Measurement>
          caption={t('indicator.tableCaption', { name })}
          rows={[...national].sort((a, b) => compareTr(a.period, b.period) || compareTr(a.source, b.source))}
          rowKey={(m) => m.id}
          empty={t('indicator.noMeasurements')}
          footer={
            <>
              <p className="note">
                {t('indicator.targetLine', {
                  target: format.number(indicator.target),
                  baseline: indicator.baseline === null ? t('common.unknown') : format.number(indicator.baseline),
                })}
              </p>
              {anySuppressed ? <SuppressionNote /> : null}
            </>
          }
          columns={[
            { key: 'period', header: t('indicator.period'), rowHeader: true, cell: (m) => m.period },
            { key: 'value', header: indicator.unit, numeric: true, cell: (m) => <Value measurement={m} /> },
            {
              key: 'target',
              header: t('indicator.target'),
              numeric: true,
              cell: () => format.number(indicator.target),
            },
            { key: 'source', header: t('common.source'), cell: (m) => m.source },
          ]}
        />
      }
    />
  );
}

interface ProvinceRow {
  plateCode: string;
  name: string;
  measurement: Measurement;
}

/** The latest period's figures by province; small counts are suppressed for readers outside the agency. */
export function ProvinceTable({
  indicator,
  measurements,
  provinces,
}: {
  indicator: Indicator;
  measurements: readonly Measurement[];
  provinces: ActionDetailQuery['provinces'];
}) {
  const t = useT();
  const localized = useLocalized();
  const byProvince = measurements.filter((m) => m.indicatorCode === indicator.code && m.provincePlateCode !== null);
  if (byProvince.length === 0) return null;
  const latestPeriod = [...new Set(byProvince.map((m) => m.period))].sort(compareTr).at(-1) ?? '';
  const names = new Map(provinces.map((p) => [p.plateCode, p.name]));
  const rows: ProvinceRow[] = byProvince
    .filter((m) => m.period === latestPeriod)
    .map((m) => ({
      plateCode: m.provincePlateCode ?? '',
      name: names.get(m.provincePlateCode ?? '') ?? '',
      measurement: m,
    }))
    .sort((a, b) => compareTr(a.name, b.name) || compareTr(a.measurement.source, b.measurement.source));
  return (
    <DataTable<ProvinceRow>
      caption={t('indicator.provinces', { name: localized(indicator.name, indicator.nameEn), period: latestPeriod })}
      rows={rows}
      rowKey={(row) => `${row.plateCode}-${row.measurement.source}`}
      footer={rows.some((row) => row.measurement.suppressed) ? <SuppressionNote /> : null}
      columns={[
        {
          key: 'province',
          header: t('indicator.province'),
          rowHeader: true,
          cell: (row) => `${row.plateCode} ${row.name}`,
        },
        { key: 'value', header: indicator.unit, numeric: true, cell: (row) => <Value measurement={row.measurement} /> },
        { key: 'source', header: t('common.source'), cell: (row) => row.measurement.source },
      ]}
    />
  );
}
