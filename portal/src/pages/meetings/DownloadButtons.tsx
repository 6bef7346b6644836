import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useAuth } from '../../auth/AuthContext';
import { ErrorNotice } from '../../components/ErrorMessage';
import { codeOf, type KnownCode } from '../../graphql/errors';
import { useLocale, useT } from '../../i18n/LocaleProvider';

const FORMATS = ['pdf', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/**
 * Fetches the board pack with the session's token (a plain link would carry none) and hands the
 * browser the file to save, in the language the portal shows.
 */
async function downloadPack(meetingId: string, format: Format, lang: string, token: string): Promise<void> {
  const response = await fetch(`/exports/board-pack/${encodeURIComponent(meetingId)}.${format}?lang=${lang}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: { message?: string; extensions?: Record<string, unknown> }[];
    } | null;
    const first = body?.errors?.[0];
    throw new DownloadError(first ? codeOf(first.extensions) : 'INTERNAL_SERVER_ERROR', first?.message);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `board-pack-${meetingId.replace(/[^A-Za-z0-9._-]/g, '_')}-${lang}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click returns; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

class DownloadError extends Error {
  constructor(
    readonly code: KnownCode,
    detail: string | undefined,
  ) {
    super(detail ?? code);
  }
}

export function DownloadButtons({ meetingId }: { meetingId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { accessToken } = useAuth();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<{ code: KnownCode; detail: string } | null>(null);
  const start = async (format: Format) => {
    setBusy(format);
    setFailure(null);
    try {
      await downloadPack(meetingId, format, locale, accessToken());
    } catch (error) {
      setFailure({
        code: error instanceof DownloadError ? error.code : 'NETWORK',
        detail: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="downloads">
      <p className="downloads-label">{t('pack.download', { language: t(`pack.language.${locale}`) })}</p>
      <div className="button-row">
        {FORMATS.map((format) => (
          <Button
            key={format}
            className="button"
            isDisabled={busy !== null}
            aria-label={t('pack.downloadAs', { format: format.toUpperCase() })}
            onPress={() => void start(format)}
          >
            {busy === format ? t('pack.downloading') : format.toUpperCase()}
          </Button>
        ))}
      </div>
      {failure ? <ErrorNotice code={failure.code} detail={failure.detail} /> : null}
    </div>
  );
}
