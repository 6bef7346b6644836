import { BODY_LIMIT, COST_LIMIT, LIST_LIMITS, QUERY_LIMITS } from '@cocuk-koruma/platform';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { documentedTypes } from './api-schema.js';
import { ERROR_CODES, type Bilingual } from './error-codes.js';
import type { DescriptionCatalogue } from './turkish-descriptions.js';

export type DocsLanguage = 'tr' | 'en';

const text = {
  title: { tr: 'Çocuk Koruma Koordinasyon API belgeleri', en: 'Child Protection Coordination API reference' },
  skip: { tr: 'İçeriğe geç', en: 'Skip to content' },
  switchTo: { tr: 'English', en: 'Türkçe' },
  switchLabel: { tr: 'Read in English', en: 'Türkçe oku' },
  index: { tr: 'Tür dizini', en: 'Type index' },
  filter: { tr: 'Türleri süz', en: 'Filter types' },
  filterHint: {
    tr: 'Ad ya da açıklamadaki bir sözcük; liste yazdıkça daralır.',
    en: 'A word of the name or description; the list narrows as you type.',
  },
  shown: { tr: 'tür gösteriliyor', en: 'types shown' },
  overview: { tr: 'Genel bilgiler', en: 'Overview' },
  intro: {
    tr: 'Bu API, Türkiye Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesinin eylem planını ve beş bakanlığın ilerlemesini tek bir GraphQL uç noktasında (`/graphql`) birleştirir. Bu sayfa şemadan üretilmiştir; her tür ve alan Türkçe ve İngilizce açıklanır.',
    en: "This API joins the action plan of Türkiye's Coordination Strategy for Child Protection Services and five ministries' progress in one GraphQL endpoint (`/graphql`). This page is generated from the schema; every type and field is described in Turkish and in English.",
  },
  auth: { tr: 'Kimlik doğrulama', en: 'Authentication' },
  authText: {
    tr: 'Her istek `cocuk-koruma` alanının (realm) bir erişim belirtecini `Authorization: Bearer <belirteç>` başlığında taşır. Kurum sistemleri kendi istemci kimlik bilgileriyle (client credentials) belirteç alır; kişiler portal ya da API gezgini üzerinden oturum açar. Planı ve ilerlemeyi oturum açmış her rol okuyabilir (denetim kayıtlarını yalnızca denetçiler ve kurumun odak noktaları); yazma kuralları her alanın açıklamasındadır.',
    en: 'Every request carries an access token of the `cocuk-koruma` realm in an `Authorization: Bearer <token>` header. Agency systems get one with their own client credentials; people sign in through the portal or the API explorer. Every signed-in role may read the plan and the progress (audit logs only auditors and the agency’s focal points); the rules for writing are in each field’s description.',
  },
  limits: { tr: 'Sorgu sınırları ve sayfalama', en: 'Query limits and paging' },
  errors: { tr: 'Hata kodları', en: 'Error codes' },
  errorsIntro: {
    tr: 'Her hata `extensions.code` taşır. Bir değişiklik reddedildiğinde ya da başarısız olduğunda hiçbir şey yazılmaz; aynı istekteki başka değişiklikler sonuçlarını korur.',
    en: 'Every error carries an `extensions.code`. A change that is refused or fails writes nothing; other changes of the same request keep their results.',
  },
  code: { tr: 'Kod', en: 'Code' },
  meaning: { tr: 'Anlamı', en: 'Meaning' },
  types: { tr: 'Türler', en: 'Types' },
  fields: { tr: 'Alanlar', en: 'Fields' },
  inputFields: { tr: 'Girdi alanları', en: 'Input fields' },
  values: { tr: 'Değerler', en: 'Values' },
  args: { tr: 'Bağımsız değişkenler', en: 'Arguments' },
  implements: { tr: 'Uyguladığı arayüzler', en: 'Implements' },
  implementedBy: { tr: 'Uygulayan türler', en: 'Implemented by' },
  members: { tr: 'Üyeler', en: 'Members' },
  defaultValue: { tr: 'varsayılan', en: 'default' },
  missing: { tr: '(açıklama yok)', en: '(no description)' },
  explorer: { tr: 'API gezgini', en: 'API explorer' },
} satisfies Record<string, Bilingual>;

const KINDS: { kind: string; label: Bilingual; one: Bilingual; test: (t: GraphQLNamedType) => boolean }[] = [
  {
    kind: 'object',
    label: { tr: 'Nesne türleri', en: 'Object types' },
    one: { tr: 'nesne türü', en: 'object type' },
    test: isObjectType,
  },
  {
    kind: 'interface',
    label: { tr: 'Arayüzler', en: 'Interfaces' },
    one: { tr: 'arayüz', en: 'interface' },
    test: isInterfaceType,
  },
  {
    kind: 'union',
    label: { tr: 'Birleşimler', en: 'Unions' },
    one: { tr: 'birleşim', en: 'union' },
    test: isUnionType,
  },
  {
    kind: 'input',
    label: { tr: 'Girdi türleri', en: 'Input types' },
    one: { tr: 'girdi türü', en: 'input type' },
    test: isInputObjectType,
  },
  {
    kind: 'enum',
    label: { tr: 'Sayılabilir türler', en: 'Enums' },
    one: { tr: 'sayılabilir tür', en: 'enum' },
    test: isEnumType,
  },
  {
    kind: 'scalar',
    label: { tr: 'Skaler türler', en: 'Scalars' },
    one: { tr: 'skaler tür', en: 'scalar' },
    test: isScalarType,
  },
];

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Descriptions are plain prose with `code` spans; nothing else is read as markup. */
function prose(value: string): string {
  return escapeHtml(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export const typeAnchor = (name: string) => `type-${name}`;
const fieldAnchor = (type: string, field: string) => `field-${type}-${field}`;

/** A type reference with its list and non-null wrappers, the named type linked to its section. */
function typeRef(type: GraphQLType, documented: ReadonlySet<string>): string {
  const named = getNamedType(type).name;
  const link = documented.has(named) ? `<a href="#${typeAnchor(named)}">${named}</a>` : named;
  return `<code>${type.toString().replace(named, link)}</code>`;
}

interface Renderer {
  lang: DocsLanguage;
  documented: ReadonlySet<string>;
  describe(coordinate: string, english: string | null | undefined): string;
  t(key: keyof typeof text): string;
}

function renderArgs(r: Renderer, coordinate: string, args: readonly GraphQLArgument[]): string {
  if (args.length === 0) return '';
  const items = args
    .map((arg) => {
      const fallback =
        arg.defaultValue === undefined ? '' : ` = <code>${escapeHtml(JSON.stringify(arg.defaultValue))}</code>`;
      return `<li><code class="name">${arg.name}</code>: ${typeRef(arg.type, r.documented)}${fallback}<p>${r.describe(`${coordinate}(${arg.name}:)`, arg.description)}</p></li>`;
    })
    .join('');
  return `<div class="args"><p class="args-label">${r.t('args')}</p><ul>${items}</ul></div>`;
}

function renderFields(
  r: Renderer,
  type: GraphQLNamedType,
  fields: readonly (GraphQLField<unknown, unknown> | GraphQLInputField)[],
  heading: string,
): string {
  const rows = fields
    .map((field) => {
      const coordinate = `${type.name}.${field.name}`;
      const args = 'args' in field ? renderArgs(r, coordinate, field.args) : '';
      return `<div class="field" id="${fieldAnchor(type.name, field.name)}"><dt><code class="name">${field.name}</code>: ${typeRef(field.type, r.documented)}</dt><dd><p>${r.describe(coordinate, field.description)}</p>${args}</dd></div>`;
    })
    .join('');
  return `<h4>${heading}</h4><dl class="fields">${rows}</dl>`;
}

function typeLinks(names: readonly string[]): string {
  return names.map((n) => `<a href="#${typeAnchor(n)}"><code>${n}</code></a>`).join(', ');
}

function renderType(r: Renderer, schema: GraphQLSchema, type: GraphQLNamedType, kindLabel: string): string {
  const parts = [
    `<section class="type" id="${typeAnchor(type.name)}" aria-labelledby="${typeAnchor(type.name)}-h">`,
    `<h3 id="${typeAnchor(type.name)}-h"><code>${type.name}</code> <span class="kind">${kindLabel}</span></h3>`,
    `<p>${r.describe(type.name, type.description)}</p>`,
  ];
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces().map((i) => i.name);
    if (interfaces.length) parts.push(`<p>${r.t('implements')}: ${typeLinks(interfaces)}</p>`);
    if (isInterfaceType(type)) {
      const implementations = schema.getImplementations(type).objects.map((o) => o.name);
      if (implementations.length) parts.push(`<p>${r.t('implementedBy')}: ${typeLinks(implementations)}</p>`);
    }
    parts.push(renderFields(r, type, Object.values(type.getFields()), r.t('fields')));
  } else if (isInputObjectType(type)) {
    parts.push(renderFields(r, type, Object.values(type.getFields()), r.t('inputFields')));
  } else if (isUnionType(type)) {
    parts.push(`<p>${r.t('members')}: ${typeLinks(type.getTypes().map((t) => t.name))}</p>`);
  } else if (isEnumType(type)) {
    const values = type
      .getValues()
      .map(
        (v) =>
          `<div class="field"><dt><code class="name">${v.name}</code></dt><dd><p>${r.describe(`${type.name}.${v.name}`, v.description)}</p></dd></div>`,
      )
      .join('');
    parts.push(`<h4>${r.t('values')}</h4><dl class="fields">${values}</dl>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function limitsSection(lang: DocsLanguage): string {
  const n = (value: number) => value.toLocaleString(lang === 'tr' ? 'tr-TR' : 'en-GB');
  const items: Bilingual[] = [
    {
      tr: `Maliyet sınırı ${n(COST_LIMIT.maxCost)}: her alan, üstündeki listelerin döndürebileceği her öğe için bir kez sayılır. Bir listenin boyutu \`first\` değeridir (sorgudan ya da değişkenlerinden), adlandırdığı \`codes\` sayısıdır ya da varsayılan boyutudur (sayfasız \`actions\` ${n(LIST_LIMITS.actionListMax)}, diğer iç içe listeler ${n(COST_LIMIT.defaultListSize)}). Sınırı aşan bir sorgu hiçbir bakanlığa sorulmadan 400 \`GRAPHQL_VALIDATION_FAILED\` ile reddedilir.`,
      en: `Cost limit ${n(COST_LIMIT.maxCost)}: each field counts once for every item the lists above it may return. A list's size is its \`first\` (from the query or its variables), the number of \`codes\` it names, or its assumed size (the unpaged \`actions\` ${n(LIST_LIMITS.actionListMax)}, other nested lists ${n(COST_LIMIT.defaultListSize)}). A query over the limit is refused with 400 \`GRAPHQL_VALIDATION_FAILED\` before any ministry is asked.`,
    },
    {
      tr: `Derinlik en çok ${QUERY_LIMITS.maxDepth.n}, takma ad en çok ${QUERY_LIMITS.maxAliases.n}, yönerge en çok ${QUERY_LIMITS.maxDirectives.n}, belirteç (token) en çok ${n(QUERY_LIMITS.maxTokens.n)}; istek gövdesi en çok ${BODY_LIMIT}.`,
      en: `Depth at most ${QUERY_LIMITS.maxDepth.n}, at most ${QUERY_LIMITS.maxAliases.n} aliases, ${QUERY_LIMITS.maxDirectives.n} directives and ${n(QUERY_LIMITS.maxTokens.n)} tokens; a request body of at most ${BODY_LIMIT}.`,
    },
    {
      tr: `Planı \`actionPage(first:, after:, filter:)\` ile sayfa sayfa gezin: \`first\` 1–${LIST_LIMITS.actionPageMax} (varsayılan ${LIST_LIMITS.actionPageDefault}), sonraki sayfa için \`pageInfo.endCursor\` değerini \`after\` olarak verin. Sayfasız \`actions\` listesi ${n(LIST_LIMITS.actionListMax)} eylemden fazlasına uyan bir süzgeci \`BAD_USER_INPUT\` ile reddeder. Denetim kayıtları (\`auditLog\`) da aynı biçimde sayfalanır.`,
      en: `Browse the plan page by page with \`actionPage(first:, after:, filter:)\`: \`first\` is 1–${LIST_LIMITS.actionPageMax} (${LIST_LIMITS.actionPageDefault} by default); pass \`pageInfo.endCursor\` as \`after\` for the next page. The unpaged \`actions\` list refuses with \`BAD_USER_INPUT\` a filter matching more than ${n(LIST_LIMITS.actionListMax)} actions. Audit logs (\`auditLog\`) page the same way.`,
    },
    {
      tr: 'Yeniden denenen bir değişiklik `Idempotency-Key` başlığı (1–200 görünür ASCII karakter) taşıyabilir: aynı anahtar ve aynı istek ilk yanıtı `Idempotent-Replayed: true` ile yeniden verir ve hiçbir şey yazmaz.',
      en: 'A retried change may carry an `Idempotency-Key` header (1–200 visible ASCII characters): the same key with the same request gets the first answer again, marked `Idempotent-Replayed: true`, and writes nothing.',
    },
  ];
  return `<ul>${items.map((item) => `<li>${prose(item[lang])}</li>`).join('')}</ul>`;
}

function errorsTable(r: Renderer): string {
  const rows = Object.entries(ERROR_CODES)
    .map(([code, meaning]) => `<tr><th scope="row"><code>${code}</code></th><td>${prose(meaning[r.lang])}</td></tr>`)
    .join('');
  return `<p>${prose(text.errorsIntro[r.lang])}</p><table><caption>${r.t('errors')}</caption><thead><tr><th scope="col">${r.t('code')}</th><th scope="col">${r.t('meaning')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4a5563;--line:#d0d7de;--accent:#0b5cad;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,input:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em}
.skip{position:absolute;left:-999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem}
.skip:focus{left:0;z-index:2}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.75rem 1.5rem;border-bottom:1px solid var(--line);background:var(--soft)}
header h1{font-size:1.25rem;margin:0}
header nav a{margin-left:1rem}
.layout{display:grid;grid-template-columns:minmax(14rem,18rem) 1fr;gap:0}
#index{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:1rem 1.25rem;border-right:1px solid var(--line)}
#index h2{font-size:1.05rem;margin:.25rem 0 .5rem}
#index h3{font-size:.95rem;margin:1rem 0 .25rem;color:var(--muted)}
#index ul{list-style:none;margin:0;padding:0}
#index li{margin:.1rem 0}
#index label{display:block;font-weight:600}
#index input{width:100%;padding:.4rem .5rem;font:inherit;border:1px solid var(--muted);border-radius:4px}
#index .hint,#index [role=status]{font-size:.85rem;color:var(--muted);margin:.25rem 0}
main{padding:1rem 2rem 4rem;max-width:70rem}
main h2{border-bottom:2px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
.type{border-top:1px solid var(--line);padding-top:.5rem;margin-top:1.5rem}
.type h3{margin:.5rem 0}
.kind{font-size:.8rem;font-weight:normal;color:var(--muted);margin-left:.5rem}
.fields{margin:0}
.field{padding:.4rem 0;border-bottom:1px dotted var(--line)}
.field dt{font-weight:600}
.field dd{margin:0 0 0 1.25rem}
.field dd p{margin:.15rem 0}
.args{margin-left:.5rem}
.args-label{font-size:.85rem;color:var(--muted);margin:.25rem 0 0}
.args ul{margin:.1rem 0;padding-left:1.25rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
[hidden]{display:none!important}
@media (max-width:48rem){.layout{display:block}#index{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}main{padding:1rem}}
`;

// The filter hides index entries that do not match; no framework, nothing fetched.
const FILTER_SCRIPT = `
(function(){
  var input=document.getElementById('type-filter');var status=document.getElementById('filter-status');
  var items=[].slice.call(document.querySelectorAll('#index li[data-search]'));
  var fold=function(s){return s.toLocaleLowerCase(document.documentElement.lang).normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/ı/g,'i');};
  var keys=items.map(function(li){return fold(li.getAttribute('data-search'));});
  input.addEventListener('input',function(){
    var q=fold(input.value.trim());var shown=0;
    items.forEach(function(li,i){var hit=!q||keys[i].indexOf(q)>=0;li.hidden=!hit;if(hit)shown++;});
    [].slice.call(document.querySelectorAll('#index .group')).forEach(function(g){g.hidden=!g.querySelector('li:not([hidden])');});
    status.textContent=shown+' '+status.getAttribute('data-suffix');
  });
})();
`;

/**
 * The API reference as one static page in one language: overview, limits and error codes, then
 * every type with its fields, arguments and values, each linked to the types it uses. English
 * comes from the SDL, Turkish from the catalogue; a missing one says so rather than falling back,
 * and the unit test keeps that from happening.
 */
export function renderDocsPage(
  schema: GraphQLSchema,
  turkish: DescriptionCatalogue,
  lang: DocsLanguage,
  options: { explorer: boolean },
): string {
  const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) => (t ? [t.name] : []));
  // The entry points first, then every other type by name.
  const types = documentedTypes(schema).sort(
    (a, b) =>
      (roots.includes(a.name) ? roots.indexOf(a.name) : roots.length) -
      (roots.includes(b.name) ? roots.indexOf(b.name) : roots.length),
  );
  const r: Renderer = {
    lang,
    documented: new Set(types.map((t) => t.name)),
    describe: (coordinate, english) => {
      const value = lang === 'tr' ? turkish[coordinate] : english;
      return value ? prose(value) : `<em>${text.missing[lang]}</em>`;
    },
    t: (key) => text[key][lang],
  };
  const other: DocsLanguage = lang === 'tr' ? 'en' : 'tr';
  const groups = KINDS.map(({ kind, label, one, test }) => ({
    kind,
    label: label[lang],
    one: one[lang],
    types: types.filter(test),
  })).filter((g) => g.types.length > 0);
  const index = groups
    .map(
      (g) =>
        `<div class="group"><h3>${g.label}</h3><ul>${g.types
          .map((t) => {
            const description = (lang === 'tr' ? turkish[t.name] : t.description) ?? '';
            return `<li data-search="${escapeHtml(`${t.name} ${description}`)}"><a href="#${typeAnchor(t.name)}">${t.name}</a></li>`;
          })
          .join('')}</ul></div>`,
    )
    .join('');
  const sections = groups
    .map(
      (g) =>
        `<section aria-labelledby="kind-${g.kind}"><h2 id="kind-${g.kind}">${g.label}</h2>\n${g.types
          .map((t) => renderType(r, schema, t, g.one))
          .join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title[lang]}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${text.skip[lang]}</a>
<header>
<h1>${text.title[lang]}</h1>
<nav aria-label="${lang === 'tr' ? 'Sayfalar' : 'Pages'}"><a href="/docs?lang=${other}" lang="${other}" hreflang="${other}" aria-label="${text.switchLabel[lang]}">${text.switchTo[lang]}</a>${options.explorer ? `<a href="/explorer">${text.explorer[lang]}</a>` : ''}</nav>
</header>
<div class="layout">
<nav id="index" aria-label="${text.index[lang]}">
<h2>${text.index[lang]}</h2>
<label for="type-filter">${text.filter[lang]}</label>
<input id="type-filter" type="search" autocomplete="off" aria-describedby="filter-hint">
<p class="hint" id="filter-hint">${text.filterHint[lang]}</p>
<p role="status" id="filter-status" data-suffix="${text.shown[lang]}">${types.length} ${text.shown[lang]}</p>
${index}
</nav>
<main id="content" tabindex="-1">
<section aria-labelledby="overview"><h2 id="overview">${text.overview[lang]}</h2><p>${prose(text.intro[lang])}</p>
<h3>${text.auth[lang]}</h3><p>${prose(text.authText[lang])}</p>
<h3>${text.limits[lang]}</h3>${limitsSection(lang)}
<h3>${text.errors[lang]}</h3>${errorsTable(r)}</section>
${sections}
</main>
</div>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}
