import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  TextField,
  type Key,
} from 'react-aria-components';
import { useQuery } from 'urql';
import {
  AddAgendaItemDocument,
  AgendaPickerSearchDocument,
  MoveAgendaItemDocument,
  RemoveAgendaItemDocument,
  type AgendaItemKind,
  type MeetingDetailQuery,
  type MeetingFieldsFragment,
} from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { StatusBadge } from '../../components/StatusBadge';
import { matchesSearch } from '../../i18n/collate';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { FollowUpState } from './FollowUpState';
import { useWrite } from './useWrite';
import { WriteError } from './WriteError';

type Item = MeetingFieldsFragment['agenda'][number];

interface PlanOption {
  id: string;
  kind: Exclude<AgendaItemKind, 'FOLLOW_UP'>;
  code: string;
  label: string;
}

/** The plan's goals, offered at once by the agenda picker; actions and indicators are searched. */
export function useGoalOptions(data: MeetingDetailQuery | undefined): PlanOption[] {
  const localized = useLocalized();
  return useMemo(
    () =>
      (data?.goals ?? []).map((goal) => ({
        id: `GOAL:${goal.code}`,
        kind: 'GOAL' as const,
        code: goal.code,
        label: `${goal.code} ${localized(goal.title, goal.titleEn)}`,
      })),
    [data, localized],
  );
}

/** Waits for the secretary to stop typing before the graph is asked. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const SEARCH_MIN = 2;

/** The goals matching the typed words, and the first actions (with their indicators) the graph finds for them. */
function usePickerOptions(goals: PlanOption[], typed: string): { options: PlanOption[]; more: boolean } {
  const localized = useLocalized();
  // The graph takes up to five words: the first five narrow enough.
  const search = useDebounced(typed.trim().split(/\s+/).slice(0, 5).join(' '), 250);
  const [result] = useQuery({
    query: AgendaPickerSearchDocument,
    variables: { search },
    pause: search.length < SEARCH_MIN,
  });
  return useMemo(() => {
    const page = search.length >= SEARCH_MIN ? result.data?.actionPage : undefined;
    const found = (page?.edges ?? []).flatMap(({ node: action }) => [
      {
        id: `ACTION:${action.code}`,
        kind: 'ACTION' as const,
        code: action.code,
        label: `${action.code} ${localized(action.title, action.titleEn)}`,
      },
      ...action.indicators.map((indicator) => ({
        id: `INDICATOR:${indicator.code}`,
        kind: 'INDICATOR' as const,
        code: indicator.code,
        label: `${indicator.code} ${localized(indicator.name, indicator.nameEn)}`,
      })),
    ]);
    const matching = typed.trim() ? goals.filter((g) => matchesSearch(typed, [g.label])) : goals;
    return { options: [...matching, ...found], more: (page?.totalCount ?? 0) > (page?.edges.length ?? 0) };
  }, [goals, typed, search, result.data, localized]);
}

function AddItemForm({
  meeting,
  goals,
  onDone,
}: {
  meeting: MeetingFieldsFragment;
  goals: PlanOption[];
  onDone(): void;
}) {
  const t = useT();
  const add = useWrite(AddAgendaItemDocument);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<PlanOption | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  // Once an item is chosen its label fills the input: that is no new search, and the choice stays offered.
  const searching = chosen && typed === chosen.label ? '' : typed;
  const { options: found, more } = usePickerOptions(goals, searching);
  const options = chosen && !found.some((o) => o.id === chosen.id) ? [chosen, ...found] : found;
  const option = chosen;
  const submit = async () => {
    if (!option) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const done = await add.run({
      input: {
        meetingId: meeting.id,
        kind: option.kind,
        refCode: option.code,
        note: note.trim() || null,
        expectedVersion: meeting.version,
      },
    });
    if (done) {
      setChosen(null);
      setTyped('');
      setNote('');
      onDone();
    }
  };
  return (
    <form
      className="form agenda-add"
      aria-labelledby="agenda-add-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="agenda-add-heading">{t('agenda.add')}</h3>
      <ComboBox
        className="field combo-field"
        items={options}
        inputValue={typed}
        onInputChange={(value) => {
          setTyped(value);
          if (chosen && value !== chosen.label) setChosen(null);
        }}
        selectedKey={chosen?.id ?? null}
        onSelectionChange={(key: Key | null) => {
          const picked = options.find((o) => o.id === key) ?? null;
          setChosen(picked);
          if (picked) setTyped(picked.label);
        }}
        isInvalid={missing}
        menuTrigger="focus"
      >
        <Label>{t('agenda.item')}</Label>
        <div className="combo-input">
          <Input placeholder={t('agenda.itemPlaceholder')} />
          <Button className="select-button combo-button" aria-label={t('agenda.showItems')}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <Popover className="select-popover combo-popover">
          <ListBox<PlanOption>>
            {(o) => (
              <ListBoxItem id={o.id} textValue={o.label}>
                <span className="kind-tag">{t(`agendaKind.${o.kind}`)}</span> {o.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <p className="note" aria-live="polite">
        {typed.trim().length < SEARCH_MIN ? t('agenda.searchHint') : more ? t('agenda.searchMore') : null}
      </p>
      <TextField className="field" value={note} onChange={setNote}>
        <Label>{t('agenda.note')}</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button" isDisabled={add.fetching}>
        {t('agenda.addButton')}
      </Button>
      {missing ? (
        <p className="field-error" role="alert">
          {t('agenda.pickFirst')}
        </p>
      ) : null}
      <WriteError error={add.error} onReload={onDone} />
    </form>
  );
}

/**
 * The agenda in order. While the meeting is open the secretariat adds, moves (up and down
 * buttons, so the keyboard and screen readers reorder as easily as a mouse) and removes items.
 */
export function AgendaEditor({
  meeting,
  goals,
  editable,
  onChanged,
}: {
  meeting: MeetingFieldsFragment;
  goals: PlanOption[];
  editable: boolean;
  onChanged(): void;
}) {
  const localized = useLocalized();
  const t = useT();
  const format = useFormat();
  const move = useWrite(MoveAgendaItemDocument);
  const remove = useWrite(RemoveAgendaItemDocument);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);
  const busy = move.fetching || remove.fetching;
  const items = [...meeting.agenda].sort((a, b) => a.position - b.position);

  useEffect(() => {
    // A moved item's button keeps the focus, so pressing it again moves the item further.
    if (!focusAfter.current) return;
    const button = document.getElementById(focusAfter.current) as HTMLButtonElement | null;
    if (button && !button.disabled) {
      button.focus();
      focusAfter.current = null;
    }
  });

  const describe = (item: Item) =>
    item.kind === 'FOLLOW_UP'
      ? (item.carriedFrom?.text ?? item.refCode)
      : item.title
        ? `${item.refCode} ${localized(item.title, item.titleEn ?? item.title)}`
        : item.refCode;

  const moveTo = async (item: Item, position: number, direction: 'up' | 'down') => {
    const done = await move.run({
      input: { meetingId: meeting.id, itemId: item.id, position, expectedVersion: meeting.version },
    });
    if (done) {
      focusAfter.current = `move-${direction}-${item.id}`;
      setAnnouncement(t('agenda.moved', { item: item.refCode, position }));
      onChanged();
    }
  };
  const removeItem = async (item: Item) => {
    const done = await remove.run({
      input: { meetingId: meeting.id, itemId: item.id, expectedVersion: meeting.version },
    });
    if (done) {
      setAnnouncement(t('agenda.removed', { item: item.refCode }));
      onChanged();
    }
  };

  return (
    <section aria-labelledby="agenda-heading" className="panel">
      <h2 id="agenda-heading">{t('agenda.title')}</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {items.length === 0 ? <p>{t('agenda.empty')}</p> : null}
      <ol className="agenda">
        {items.map((item, index) => (
          <li key={item.id} className="agenda-item">
            <div className="agenda-text">
              <span className="agenda-position" aria-hidden="true">
                {item.position}.
              </span>
              <span className="kind-tag">{t(`agendaKind.${item.kind}`)}</span>{' '}
              <span className="agenda-label">{describe(item)}</span>
              {item.note && item.kind !== 'FOLLOW_UP' ? <p className="note">{item.note}</p> : null}
              {item.carriedFrom ? (
                <p className="note">
                  {t('agenda.carriedFrom', { meeting: item.carriedFrom.meeting.title })} ·{' '}
                  <AgencyName agency={item.carriedFrom.ownerAgency} short /> · {t('action.dueDate')}{' '}
                  {format.date(item.carriedFrom.dueDate)} ·{' '}
                  <FollowUpState status={item.carriedFrom.status} overdue={item.carriedFrom.overdue} />
                </p>
              ) : null}
              {meeting.state === 'CLOSED' && (item.kind === 'ACTION' || item.kind === 'INDICATOR') ? (
                <p className="note">
                  {t('agenda.frozen')} <StatusBadge status={item.snapshotStatus} />
                  {item.snapshotValue !== null ? ` · ${format.number(item.snapshotValue)}` : ''}
                </p>
              ) : null}
            </div>
            {editable ? (
              <div className="agenda-buttons">
                <Button
                  id={`move-up-${item.id}`}
                  className="button button-small"
                  isDisabled={busy || index === 0}
                  aria-label={t('agenda.moveUp', { item: item.refCode })}
                  onPress={() => void moveTo(item, item.position - 1, 'up')}
                >
                  <span aria-hidden="true">↑</span> {t('agenda.up')}
                </Button>
                <Button
                  id={`move-down-${item.id}`}
                  className="button button-small"
                  isDisabled={busy || index === items.length - 1}
                  aria-label={t('agenda.moveDown', { item: item.refCode })}
                  onPress={() => void moveTo(item, item.position + 1, 'down')}
                >
                  <span aria-hidden="true">↓</span> {t('agenda.down')}
                </Button>
                <Button
                  className="button button-small button-danger"
                  isDisabled={busy}
                  aria-label={t('agenda.remove', { item: item.refCode })}
                  onPress={() => void removeItem(item)}
                >
                  {t('agenda.removeShort')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <WriteError error={move.error ?? remove.error} onReload={onChanged} />
      {editable ? <AddItemForm meeting={meeting} goals={goals} onDone={onChanged} /> : null}
    </section>
  );
}
