import { agencyByCode, type AgencyCode } from '@cocuk-koruma/platform';
import type { ActionStatus, BoardPackBasis, FollowUpStatus, IndicatorDirection } from './board-pack-query.js';

export const LANGUAGES = ['tr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** An unsupported `?lang=`: the caller asked for something definite, so it is refused, not guessed. */
export class UnsupportedLanguage extends Error {}

/**
 * The reader's language: `?lang=tr|en` when given, else the first supported language of
 * Accept-Language by its q-values, else Turkish, the language of the boards.
 */
export function chooseLang(lang: unknown, acceptLanguage: string | undefined): Lang {
  if (lang !== undefined) {
    const asked = typeof lang === 'string' ? lang.trim().toLowerCase() : '';
    if (!isLang(asked)) {
      throw new UnsupportedLanguage(
        `Unsupported language "${typeof lang === 'string' ? lang : String(lang)}": ask for ?lang=tr (Türkçe) or ?lang=en (English).`,
      );
    }
    return asked;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((t) => t.primary).find(isLang) ?? 'tr';
}

export interface Labels {
  boardPack: string;
  sections: Record<
    'meeting' | 'byArea' | 'byGoal' | 'byAgency' | 'overdue' | 'escalated' | 'indicators' | 'followUps',
    string
  >;
  /** PDF headings, which read as sentences. */
  headings: Record<'byArea' | 'byGoal' | 'byAgency' | 'indicators' | 'followUps', string>;
  /** Column headers by the column's key; `key` and `label` differ by section (see `keyHeaders`). */
  columns: Record<string, string>;
  keyHeaders: Record<'meeting' | 'area' | 'goal' | 'agency' | 'action' | 'indicator' | 'decision', string>;
  /** The `meeting` section's field names. */
  fields: Record<'meetingId' | 'meetingTitle' | 'meetingDate' | 'bodyName' | 'basis' | 'generatedAt', string>;
  status: Record<ActionStatus, string>;
  direction: Record<IndicatorDirection, string>;
  followUp: Record<FollowUpStatus, string>;
  basis: Record<BoardPackBasis, string>;
  /** The PDF's longer explanation of the basis. */
  basisLong: Record<BoardPackBasis, string>;
  yes: string;
  no: string;
  none: string;
  unknownStatus: string;
  noReason: string;
  sourceNotGiven: string;
  footer: string;
  page: (n: number, of: number) => string;
  agency: (code: AgencyCode) => string;
  facts: Record<'body' | 'meeting' | 'basis' | 'generated' | 'responsible' | 'status' | 'reason' | 'source', string>;
  due: (date: string, original: string | null) => string;
  daysOverdue: (days: number) => string;
  escalatedFact: string;
  overdueFact: string;
}

export const LABELS: Record<Lang, Labels> = {
  tr: {
    boardPack: 'Kurul dosyası',
    sections: {
      meeting: 'Toplantı',
      byArea: 'Alanlara göre',
      byGoal: 'Hedeflere göre',
      byAgency: 'Kurumlara göre',
      overdue: 'Geciken eylemler',
      escalated: 'Üst makama taşınan eylemler',
      indicators: 'Göstergeler',
      followUps: 'Karar takibi',
    },
    headings: {
      byArea: 'Stratejik alanlara göre eylemler',
      byGoal: 'Hedeflere göre eylemler',
      byAgency: 'Sorumlu kuruma göre eylemler',
      indicators: 'Hedefe göre göstergeler',
      followUps: 'Kararların takibi',
    },
    columns: {
      section: 'Bölüm',
      key: 'Kod',
      label: 'Ad',
      total: 'Toplam',
      notStarted: 'Başlamadı',
      inProgress: 'Devam ediyor',
      atRisk: 'Risk altında',
      delayed: 'Gecikmede',
      completed: 'Tamamlandı',
      unavailable: 'Okunamadı',
      responsibleAgency: 'Sorumlu',
      status: 'Durum',
      dueDate: 'Bitiş',
      originalDueDate: 'İlk bitiş tarihi',
      daysOverdue: 'Gecikme (gün)',
      escalated: 'Üst makamda',
      reason: 'Gerekçe',
      actionCode: 'Eylem',
      unit: 'Birim',
      baseline: 'Başlangıç değeri',
      target: 'Hedef',
      direction: 'Yön',
      latestPeriod: 'Son dönem',
      latestValue: 'Son değer',
      onTrack: 'Hedefte',
      source: 'Kaynak',
      provinceValue: 'İl değeri',
      provincePeriod: 'İl dönemi',
      provinceSuppressed: 'İl değeri gizli',
      meetingId: 'Toplantı',
      ownerAgency: 'Sorumlu kurum',
      overdue: 'Gecikmede',
    },
    keyHeaders: {
      meeting: 'Alan',
      area: 'Alan',
      goal: 'Hedef',
      agency: 'Kurum',
      action: 'Eylem',
      indicator: 'Gösterge',
      decision: 'Karar',
    },
    fields: {
      meetingId: 'Toplantı kodu',
      meetingTitle: 'Toplantı',
      meetingDate: 'Tarih',
      bodyName: 'Kurul',
      basis: 'Dayanak',
      generatedAt: 'Hazırlanma zamanı',
    },
    status: {
      NOT_STARTED: 'Başlamadı',
      IN_PROGRESS: 'Devam ediyor',
      AT_RISK: 'Risk altında',
      DELAYED: 'Gecikmede',
      COMPLETED: 'Tamamlandı',
    },
    direction: { INCREASE: 'Artış', DECREASE: 'Azalış', MAINTAIN: 'Koruma' },
    followUp: { OPEN: 'Açık', DONE: 'Tamamlandı' },
    basis: { LIVE: 'Güncel', SNAPSHOT: 'Toplantı kaydı' },
    basisLong: {
      SNAPSHOT: 'TOPLANTI KAYDI — toplantı kapandığında dondurulan rakamlar',
      LIVE: 'GÜNCEL — bu dosyanın hazırlandığı andaki rakamlar',
    },
    yes: 'Evet',
    no: 'Hayır',
    none: 'Yok.',
    unknownStatus: 'bilinmiyor (kurum okunamadı)',
    noReason: 'kayıtlı değil',
    sourceNotGiven: 'belirtilmemiş',
    footer: 'Örnek içerik belirtildiği yerdedir; rakamlar kaynaklarıyla verilir.',
    page: (n, of) => `Sayfa ${n} / ${of}`,
    agency: (code) => agencyByCode(code).nameTr,
    facts: {
      body: 'Kurul',
      meeting: 'Toplantı',
      basis: 'Dayanak',
      generated: 'Hazırlanma',
      responsible: 'Sorumlu',
      status: 'Durum',
      reason: 'Gerekçe',
      source: 'Kaynak',
    },
    due: (date, original) => (original ? `Bitiş ${date} (ilk: ${original})` : `Bitiş ${date}`),
    daysOverdue: (days) => `${days} gün gecikmede`,
    escalatedFact: 'Üst makama taşındı',
    overdueFact: 'Gecikmede',
  },
  en: {
    boardPack: 'Board pack',
    sections: {
      meeting: 'Meeting',
      byArea: 'By area',
      byGoal: 'By goal',
      byAgency: 'By agency',
      overdue: 'Overdue actions',
      escalated: 'Escalated actions',
      indicators: 'Indicators',
      followUps: 'Follow-ups',
    },
    headings: {
      byArea: 'Actions by strategic area',
      byGoal: 'Actions by goal',
      byAgency: 'Actions by responsible agency',
      indicators: 'Indicators against target',
      followUps: 'Follow-up of decisions',
    },
    columns: {
      section: 'Section',
      key: 'Code',
      label: 'Name',
      total: 'Total',
      notStarted: 'Not started',
      inProgress: 'In progress',
      atRisk: 'At risk',
      delayed: 'Delayed',
      completed: 'Completed',
      unavailable: 'Unavailable',
      responsibleAgency: 'Responsible',
      status: 'Status',
      dueDate: 'Due',
      originalDueDate: 'Originally due',
      daysOverdue: 'Days overdue',
      escalated: 'Escalated',
      reason: 'Reason',
      actionCode: 'Action',
      unit: 'Unit',
      baseline: 'Baseline',
      target: 'Target',
      direction: 'Direction',
      latestPeriod: 'Latest period',
      latestValue: 'Latest value',
      onTrack: 'On track',
      source: 'Source',
      provinceValue: 'Province value',
      provincePeriod: 'Province period',
      provinceSuppressed: 'Province value withheld',
      meetingId: 'Meeting',
      ownerAgency: 'Owner',
      overdue: 'Overdue',
    },
    keyHeaders: {
      meeting: 'Field',
      area: 'Area',
      goal: 'Goal',
      agency: 'Agency',
      action: 'Action',
      indicator: 'Indicator',
      decision: 'Decision',
    },
    fields: {
      meetingId: 'Meeting id',
      meetingTitle: 'Meeting',
      meetingDate: 'Date',
      bodyName: 'Body',
      basis: 'Basis',
      generatedAt: 'Generated at',
    },
    status: {
      NOT_STARTED: 'Not started',
      IN_PROGRESS: 'In progress',
      AT_RISK: 'At risk',
      DELAYED: 'Delayed',
      COMPLETED: 'Completed',
    },
    direction: { INCREASE: 'Increase', DECREASE: 'Decrease', MAINTAIN: 'Maintain' },
    followUp: { OPEN: 'Open', DONE: 'Done' },
    basis: { LIVE: 'Live', SNAPSHOT: 'Snapshot' },
    basisLong: {
      SNAPSHOT: "SNAPSHOT — figures as frozen at the meeting's close",
      LIVE: 'LIVE — figures as they stood when this pack was generated',
    },
    yes: 'Yes',
    no: 'No',
    none: 'None.',
    unknownStatus: 'unknown (agency unavailable)',
    noReason: 'none recorded',
    sourceNotGiven: 'not given',
    footer: 'Example content where labelled; figures carry their source.',
    page: (n, of) => `Page ${n} of ${of}`,
    agency: (code) => agencyByCode(code).nameEn,
    facts: {
      body: 'Body',
      meeting: 'Meeting',
      basis: 'Basis',
      generated: 'Generated',
      responsible: 'Responsible',
      status: 'Status',
      reason: 'Reason',
      source: 'Source',
    },
    due: (date, original) => (original ? `Due ${date} (originally ${original})` : `Due ${date}`),
    daysOverdue: (days) => `${days} days overdue`,
    escalatedFact: 'Escalated',
    overdueFact: 'Overdue',
  },
};

/**
 * A spreadsheet would run a text cell beginning with one of these as a formula (CSV injection,
 * OWASP): such a cell gets a leading single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
