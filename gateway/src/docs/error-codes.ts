import type { ErrorCode } from '@cocuk-koruma/platform';

export interface Bilingual {
  tr: string;
  en: string;
}

/** Codes Apollo Server itself gives a request it refuses before any resolver runs. */
type RequestErrorCode = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'OPERATION_RESOLUTION_FAILURE';

/**
 * Every `extensions.code` a caller can meet, with what it means. Keyed by the platform's ErrorCode,
 * so a new code fails the typecheck until it is documented here.
 */
export const ERROR_CODES: Record<ErrorCode | RequestErrorCode, Bilingual> = {
  UNAUTHENTICATED: {
    tr: 'Erişim belirteci yok, geçersiz ya da süresi dolmuş. HTTP 401. Yeni bir belirteç alıp yeniden deneyin.',
    en: 'The access token is missing, invalid or expired. HTTP 401. Get a new token and try again.',
  },
  FORBIDDEN: {
    tr: 'Rolünüz bu işleme izin vermiyor; ileti ihlal edilen kuralı adlandırır ve hiçbir şey yazılmaz.',
    en: 'Your role does not allow this; the message names the rule, and nothing is written.',
  },
  BAD_USER_INPUT: {
    tr: 'Bir değer kurala uymuyor (var olmayan bir tarih, plan dışı bir dönem, aralık dışı bir sayı); `extensions.field` alanı adlandırır.',
    en: 'A value breaks a rule (a date that does not exist, a period outside the plan, a number out of range); `extensions.field` names the field.',
  },
  NOT_FOUND: {
    tr: 'Bu kod ya da kimlikte bir kayıt yok.',
    en: 'No record has this code or id.',
  },
  CONFLICT: {
    tr: 'Okuduğunuz sürüm eskimiş, kayıt kilitli (onaylanmış dönem, kapanmış toplantı) ya da aynı Idempotency-Key başka bir istekle kullanılmış. Yeniden okuyun ve tekrar deneyin (çakışan Idempotency-Key: HTTP 409).',
    en: 'The version you read is stale, the record is locked (an approved period, a closed meeting), or the same Idempotency-Key came with another request. Read again and retry (a clashing Idempotency-Key: HTTP 409).',
  },
  SUBGRAPH_UNAVAILABLE: {
    tr: 'Bir bakanlığın servisine ulaşılamadı; yalnızca onun değerleri boştur (null) ve `extensions.agency` bakanlığı adlandırır; diğer bakanlıkların yanıtları durur.',
    en: "A ministry's service could not be reached; only its values are null, and `extensions.agency` names the ministry; the other ministries' answers stand.",
  },
  AUDIT_UNAVAILABLE: {
    tr: 'Okumanın denetim kaydı yazılamadı, bu yüzden veri verilmedi. HTTP 503. Biraz sonra yeniden deneyin.',
    en: 'The audit entry of the read could not be written, so its data was withheld. HTTP 503. Try again shortly.',
  },
  DATABASE_UNAVAILABLE: {
    tr: 'Servisin veritabanı kapalı ya da yeniden başlıyor; aynı istek kısa süre sonra başarılı olabilir (HTTP 503, Retry-After).',
    en: "The service's database is down or restarting; the same request may succeed shortly (HTTP 503, Retry-After).",
  },
  INTERNAL_SERVER_ERROR: {
    tr: 'Bir hata. Yanıttaki `errorId` günlükteki kaydı bulmayı sağlar; bildirirken onu verin.',
    en: 'A bug. The `errorId` in the answer finds the entry in the log; give it when you report it.',
  },
  GRAPHQL_PARSE_FAILED: {
    tr: 'Sorgu GraphQL olarak okunamadı ya da belirteç (token) sınırını aşıyor (HTTP 400).',
    en: 'The query is not valid GraphQL, or it exceeds the token limit (HTTP 400).',
  },
  GRAPHQL_VALIDATION_FAILED: {
    tr: 'Sorgu şemaya ya da sorgu sınırlarına (maliyet, derinlik, takma ad) uymuyor; hiçbir bakanlığa sorulmaz (HTTP 400).',
    en: 'The query does not fit the schema or the query limits (cost, depth, aliases); no ministry is asked (HTTP 400).',
  },
  OPERATION_RESOLUTION_FAILURE: {
    tr: 'İstenen `operationName` belgede yok ya da belge birden çok işlem içerip birini adlandırmıyor (HTTP 400).',
    en: 'The `operationName` asked for is not in the document, or the document holds several operations and names none (HTTP 400).',
  },
};
