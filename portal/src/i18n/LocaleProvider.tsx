import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import { FORMAT_TAG, MESSAGES, rememberLocale, storedLocale, type Locale, type MessageId } from './locale';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** The chosen language: remembered across visits, and set on <html lang> for assistive technology. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={FORMAT_TAG[locale]} messages={MESSAGES[locale]} defaultLocale="tr-TR">
        <I18nProvider locale={FORMAT_TAG[locale]}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** A message by its id, checked against tr.json at compile time. */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/** The Turkish or English variant of a field pair the graph gives (title / titleEn). */
export function useLocalized(): (tr: string, en: string) => string {
  const { locale } = useLocale();
  return useCallback((trText, enText) => (locale === 'en' && enText ? enText : trText), [locale]);
}
