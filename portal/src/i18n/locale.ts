import en from './messages/en.json';
import tr from './messages/tr.json';

export type Locale = 'tr' | 'en';
export type MessageId = keyof typeof tr;

/** Turkish first: the plan's official language. */
export const LOCALES: readonly Locale[] = ['tr', 'en'];
export const DEFAULT_LOCALE: Locale = 'tr';

/** The BCP 47 tag each language formats with (tr-TR: decimal comma, "%50", 15.12.2026). */
export const FORMAT_TAG: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

export const MESSAGES: Record<Locale, Record<MessageId, string>> = { tr, en: en satisfies Record<MessageId, string> };

const STORAGE_KEY = 'portal.locale';

export function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === 'tr' || saved === 'en' ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}
