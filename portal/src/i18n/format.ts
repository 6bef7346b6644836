import { useMemo } from 'react';
import { useLocale } from './LocaleProvider';
import { FORMAT_TAG, type Locale } from './locale';

/** A calendar date of the graph (YYYY-MM-DD), as 15.12.2026 in Turkish and 15/12/2026 in English. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(FORMAT_TAG[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A month-precise date (the record gives no day). */
export function formatMonth(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(FORMAT_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A point in time, in Türkiye's time zone where the ministries work. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(FORMAT_TAG[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Istanbul',
  }).format(date);
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(FORMAT_TAG[locale], { maximumFractionDigits }).format(value);
}

/** A share (0.5 → "%50" in Turkish, "50%" in English). */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(FORMAT_TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export interface Formatters {
  date(iso: string): string;
  month(iso: string): string;
  dateTime(iso: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  percent(share: number): string;
  /** "Adalet Bakanlığı ve Sağlık Bakanlığı" / "Ministry of Justice and Ministry of Health". */
  list(items: readonly string[]): string;
}

export function useFormat(): Formatters {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      date: (iso) => formatDate(iso, locale),
      month: (iso) => formatMonth(iso, locale),
      dateTime: (iso) => formatDateTime(iso, locale),
      number: (value, digits) => formatNumber(value, locale, digits),
      percent: (share) => formatPercent(share, locale),
      list: (items) => new Intl.ListFormat(FORMAT_TAG[locale], { type: 'conjunction' }).format(items),
    }),
    [locale],
  );
}
