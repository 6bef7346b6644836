import { useState } from 'react';
import { Button, Input, Label, NumberField, TextField } from 'react-aria-components';
import { DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/SelectField';
import { RecordMeasurementDocument, type ReportEditorQuery } from '../../gql/graphql';
import { compareTr } from '../../i18n/collate';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { useAgencyMutation } from './useAgencyMutation';
import { outcome, WriteFeedback, type WriteState } from './WriteFeedback';

type EditorAction = NonNullable<ReportEditorQuery['agency']>['action'];
type Measurement = NonNullable<EditorAction['measurements']>[number];
type Province = ReportEditorQuery['provinces'][number];

const NATIONAL = 'national';
/** Province counts below this are shown to readers outside the ministry as "< 5" (the graph's default). */
const SMALL_NUMBER_THRESHOLD = 5;

interface MeasurementEntryProps {
  action: EditorAction;
  period: string;
  provinces: readonly Province[];
  /** The source the graph records when none is given: the ministry's own records (e.g. `justice`). */
  defaultSource: string;
  reload(): void;
}

/**
 * One indicator value of the period, national or for one province. The cell the person picks is
 * looked up among the recorded ones, so a change sends the version it replaces.
 */
export function MeasurementEntry({ action, period, provinces, defaultSource, reload }: MeasurementEntryProps) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const [indicatorCode, setIndicatorCode] = useState(action.indicators[0]?.code ?? '');
  const [province, setProvince] = useState(NATIONAL);
  const [value, setValue] = useState<number>(Number.NaN);
  const [source, setSource] = useState('');
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching }, record] = useAgencyMutation(RecordMeasurementDocument);
  const recorded = (action.measurements ?? []).filter((m) => m.period === period);
  const provinceName = new Map(provinces.map((p) => [p.plateCode, p.name]));
  const plateCode = province === NATIONAL ? null : province;
  const indicator = action.indicators.find((i) => i.code === indicatorCode);
  // The cell's source is the one typed, or the ministry's own records when left empty.
  const existing = recorded.find(
    (m) =>
      m.indicatorCode === indicatorCode &&
      (m.provincePlateCode ?? null) === plateCode &&
      m.source === (source.trim() || defaultSource),
  );
  const small = plateCode !== null && !Number.isNaN(value) && value < SMALL_NUMBER_THRESHOLD;

  if (action.indicators.length === 0) return <p>{t('indicator.none')}</p>;
  const provinceOptions = [
    { id: NATIONAL, label: t('measure.national') },
    ...[...provinces]
      .sort((a, b) => a.plateCode.localeCompare(b.plateCode))
      .map((p) => ({ id: p.plateCode, label: `${p.plateCode} ${p.name}` })),
  ];
  return (
    <>
      <form
        className="report-form"
        aria-labelledby="measure-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          if (Number.isNaN(value)) return;
          const result = await record({
            input: {
              actionCode: action.code,
              indicatorCode,
              period,
              provincePlateCode: plateCode,
              value,
              ...(source.trim() ? { source: source.trim() } : {}),
              ...(existing ? { expectedVersion: existing.version } : {}),
            },
          });
          setWrite(outcome(result.error, t('measure.recorded')));
          if (!result.error) reload();
        }}
      >
        <div className="form-row">
          <SelectField
            label={t('measure.indicator')}
            value={indicatorCode}
            onChange={setIndicatorCode}
            options={action.indicators.map((i) => ({ id: i.code, label: `${i.code} ${localized(i.name, i.nameEn)}` }))}
          />
          <SelectField
            label={t('measure.province')}
            value={province}
            onChange={setProvince}
            options={provinceOptions}
          />
          <NumberField
            className="field number-field"
            minValue={0}
            value={value}
            onChange={setValue}
            isRequired
            validationBehavior="aria"
          >
            <Label>{t('measure.value', { unit: indicator?.unit ?? '' })}</Label>
            <Input />
          </NumberField>
          <TextField className="field" value={source} onChange={setSource}>
            <Label>{t('measure.source')}</Label>
            <Input placeholder={t('measure.sourcePlaceholder')} />
          </TextField>
        </div>
        <p className="note">
          {existing
            ? t('measure.changes', { value: existing.value === null ? '–' : format.number(existing.value) })
            : t('measure.new')}
        </p>
        {small ? (
          <p className="banner banner-info" role="status">
            {t('measure.smallNumber', { threshold: SMALL_NUMBER_THRESHOLD })}
          </p>
        ) : null}
        <WriteFeedback state={write} onReload={reload} />
        <Button type="submit" className="button" isDisabled={fetching || Number.isNaN(value)}>
          {t('measure.record')}
        </Button>
      </form>
      <DataTable<Measurement>
        caption={t('measure.recordedCaption', { period })}
        rows={[...recorded].sort(
          (a, b) =>
            compareTr(a.indicatorCode, b.indicatorCode) ||
            (a.provincePlateCode ?? '').localeCompare(b.provincePlateCode ?? ''),
        )}
        rowKey={(m) => m.id}
        empty={t('measure.none')}
        columns={[
          { key: 'indicator', header: t('measure.indicator'), rowHeader: true, cell: (m) => m.indicatorCode },
          {
            key: 'province',
            header: t('measure.province'),
            cell: (m) =>
              m.provincePlateCode
                ? `${m.provincePlateCode} ${provinceName.get(m.provincePlateCode) ?? ''}`
                : t('measure.national'),
          },
          {
            key: 'value',
            header: t('measure.valueHeader'),
            numeric: true,
            cell: (m) => (m.value === null ? '–' : format.number(m.value)),
          },
          {
            key: 'shown',
            header: t('measure.shownToOthers'),
            cell: (m) =>
              m.provincePlateCode && m.value !== null && m.value < SMALL_NUMBER_THRESHOLD
                ? t('measure.shownSuppressed')
                : t('measure.shownAsIs'),
          },
          { key: 'source', header: t('common.source'), cell: (m) => m.source },
          {
            key: 'recorded',
            header: t('action.updated'),
            cell: (m) => `${m.recordedBy}, ${format.dateTime(m.recordedAt)}`,
          },
        ]}
        footer={<p className="note">{t('measure.suppressionExplanation', { threshold: SMALL_NUMBER_THRESHOLD })}</p>}
      />
    </>
  );
}
