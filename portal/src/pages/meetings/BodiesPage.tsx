import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Input, Label, SearchField, TextField } from 'react-aria-components';
import { useQuery } from 'urql';
import {
  CoordinationBodiesDocument,
  CreateCoordinationBodyDocument,
  type BodyFieldsFragment,
  type CoordinationBodiesQuery,
  type CoordinationLevel,
} from '../../gql/graphql';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/claims';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import { compareTr, matchesSearch } from '../../i18n/collate';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { useWrite } from './useWrite';
import { WriteError } from './WriteError';
import './boards.css';

const LEVELS: readonly CoordinationLevel[] = ['CENTRAL', 'PROVINCIAL', 'DISTRICT'];
const LEVEL_ORDER: Record<CoordinationLevel, number> = { CENTRAL: 0, PROVINCIAL: 1, DISTRICT: 2 };

type Province = CoordinationBodiesQuery['provinces'][number];

function DistrictBoardForm({ provinces, onCreated }: { provinces: readonly Province[]; onCreated(id: string): void }) {
  const t = useT();
  const create = useWrite(CreateCoordinationBodyDocument);
  const [plateCode, setPlateCode] = useState('');
  const [district, setDistrict] = useState('');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [chair, setChair] = useState(t('district.defaultChair'));
  const [frequency, setFrequency] = useState('');
  const [secretariat, setSecretariat] = useState('');
  const [named, setNamed] = useState(false);
  const changeDistrict = (value: string) => {
    setDistrict(value);
    // The board's usual name follows the district until the secretary writes one of their own.
    if (!named) {
      setName(value ? `${value} İlçe Çocuk Koruma Koordinasyon Kurulu` : '');
      setNameEn(value ? `${value} District Child Protection Coordination Board` : '');
    }
  };
  return (
    <details className="panel create-body">
      <summary>{t('district.create')}</summary>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create
            .run({
              input: {
                level: 'DISTRICT',
                plateCode,
                district,
                name,
                nameEn,
                chair,
                meetingFrequency: frequency,
                secretariat: secretariat.trim() || null,
              },
            })
            .then((done) => {
              const id = done?.family?.createCoordinationBody?.id;
              if (id) onCreated(id);
            });
        }}
      >
        <p className="note">{t('district.explanation')}</p>
        <div className="form-row">
          <SelectField
            label={t('district.province')}
            value={plateCode}
            onChange={setPlateCode}
            options={[
              { id: '', label: t('district.pickProvince') },
              ...provinces.map((p) => ({ id: p.plateCode, label: `${p.plateCode} ${p.name}` })),
            ]}
          />
          <TextField className="field" value={district} onChange={changeDistrict} isRequired>
            <Label>{t('district.district')}</Label>
            <Input />
          </TextField>
        </div>
        <TextField
          className="field field-wide"
          value={name}
          onChange={(v) => {
            setNamed(true);
            setName(v);
          }}
          isRequired
        >
          <Label>{t('district.name')}</Label>
          <Input />
        </TextField>
        <TextField
          className="field field-wide"
          value={nameEn}
          onChange={(v) => {
            setNamed(true);
            setNameEn(v);
          }}
          isRequired
        >
          <Label>{t('district.nameEn')}</Label>
          <Input lang="en" />
        </TextField>
        <div className="form-row">
          <TextField className="field" value={chair} onChange={setChair} isRequired>
            <Label>{t('body.chair')}</Label>
            <Input />
          </TextField>
          <TextField className="field" value={frequency} onChange={setFrequency} isRequired>
            <Label>{t('body.frequency')}</Label>
            <Input placeholder={t('district.frequencyPlaceholder')} />
          </TextField>
          <TextField className="field" value={secretariat} onChange={setSecretariat}>
            <Label>{t('body.secretariat')}</Label>
            <Input />
          </TextField>
        </div>
        <Button type="submit" className="button" isDisabled={create.fetching}>
          {t('district.save')}
        </Button>
        <WriteError error={create.error} />
      </form>
    </details>
  );
}

/** Every coordination body: the central board, the 81 provincial boards and the district boards. */
export function BodiesPage() {
  const t = useT();
  const localized = useLocalized();
  const navigate = useNavigate();
  const { caller } = useAuth();
  const [params, setParams] = useSearchParams();
  const [result] = useQuery({ query: CoordinationBodiesDocument });
  const level = LEVELS.find((l) => l === params.get('level')) ?? '';
  const plate = params.get('province') ?? '';
  const search = params.get('q') ?? '';
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const bodies = useMemo(
    () =>
      (result.data?.coordinationBodies ?? [])
        .filter((body) => !level || body.level === level)
        .filter((body) => !plate || body.province?.plateCode === plate)
        .filter((body) =>
          matchesSearch(search, [body.name, body.nameEn, body.district ?? '', body.province?.name ?? '', body.id]),
        )
        .sort(
          (a, b) =>
            LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
            compareTr(a.province?.plateCode ?? '', b.province?.plateCode ?? '') ||
            compareTr(a.name, b.name),
        ),
    [result.data, level, plate, search],
  );
  const total = result.data?.coordinationBodies.length ?? 0;
  const provinces = result.data?.provinces ?? [];
  return (
    <>
      <PageTitle>{t('meetings.title')}</PageTitle>
      <p>{t('meetings.intro')}</p>
      <ErrorMessage error={result.error} />
      {hasRole(caller, 'secretariat') ? (
        <DistrictBoardForm
          provinces={provinces}
          onCreated={(id) => navigate(`/meetings/bodies/${encodeURIComponent(id)}`)}
        />
      ) : null}
      <form className="filters" role="search" aria-label={t('meetings.filter')} onSubmit={(e) => e.preventDefault()}>
        <SearchField className="field search-field" value={search} onChange={(q) => set('q', q)}>
          <Label>{t('filter.search')}</Label>
          <Input placeholder={t('meetings.searchPlaceholder')} />
        </SearchField>
        <SelectField
          label={t('body.level')}
          value={level}
          onChange={(value) => set('level', value)}
          options={[{ id: '', label: t('filter.all') }, ...LEVELS.map((l) => ({ id: l, label: t(`level.${l}`) }))]}
        />
        <SelectField
          label={t('body.province')}
          value={plate}
          onChange={(value) => set('province', value)}
          options={[
            { id: '', label: t('filter.all') },
            ...provinces.map((p) => ({ id: p.plateCode, label: `${p.plateCode} ${p.name}` })),
          ]}
        />
      </form>
      {result.fetching && !result.data ? (
        <Loading />
      ) : (
        <>
          <p role="status" className="result-count">
            {t('meetings.count', { shown: bodies.length, total })}
          </p>
          <DataTable<BodyFieldsFragment>
            caption={t('meetings.bodies')}
            captionHidden
            rows={bodies}
            rowKey={(body) => body.id}
            empty={t('meetings.noBodies')}
            columns={[
              {
                key: 'name',
                header: t('body.name'),
                rowHeader: true,
                cell: (body) => (
                  <Link to={`/meetings/bodies/${encodeURIComponent(body.id)}`}>
                    {localized(body.name, body.nameEn)}
                  </Link>
                ),
              },
              { key: 'level', header: t('body.level'), cell: (body) => t(`level.${body.level}`) },
              {
                key: 'province',
                header: t('body.province'),
                cell: (body) => (body.province ? `${body.province.plateCode} ${body.province.name}` : '–'),
              },
              { key: 'district', header: t('body.district'), cell: (body) => body.district ?? '–' },
              { key: 'chair', header: t('body.chair'), cell: (body) => body.chair },
              { key: 'frequency', header: t('body.frequency'), cell: (body) => body.meetingFrequency },
            ]}
          />
        </>
      )}
    </>
  );
}
