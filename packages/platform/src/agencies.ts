/**
 * The five agencies that serve a subgraph of their own. The working group has thirteen members;
 * the other eight appear only as collaborating institutions in the family subgraph's directory.
 */
export const AGENCY_CODES = ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];

export type AgencySlug = 'family' | 'justice' | 'health' | 'education' | 'interior';

export interface Agency {
  code: AgencyCode;
  /** Folder, subgraph name and environment-variable prefix. */
  slug: AgencySlug;
  /** The entity type this agency's subgraph owns for its own actions, e.g. `JusticeAction`. */
  actionTypeName: string;
  defaultPort: number;
  nameTr: string;
  nameEn: string;
}

export const AGENCIES: readonly Agency[] = [
  {
    code: 'FAMILY',
    slug: 'family',
    actionTypeName: 'FamilyAction',
    defaultPort: 4001,
    nameTr: 'Aile ve Sosyal Hizmetler Bakanlığı',
    nameEn: 'Ministry of Family and Social Services',
  },
  {
    code: 'JUSTICE',
    slug: 'justice',
    actionTypeName: 'JusticeAction',
    defaultPort: 4002,
    nameTr: 'Adalet Bakanlığı',
    nameEn: 'Ministry of Justice',
  },
  {
    code: 'HEALTH',
    slug: 'health',
    actionTypeName: 'HealthAction',
    defaultPort: 4003,
    nameTr: 'Sağlık Bakanlığı',
    nameEn: 'Ministry of Health',
  },
  {
    code: 'EDUCATION',
    slug: 'education',
    actionTypeName: 'EducationAction',
    defaultPort: 4004,
    nameTr: 'Millî Eğitim Bakanlığı',
    nameEn: 'Ministry of National Education',
  },
  {
    code: 'INTERIOR',
    slug: 'interior',
    actionTypeName: 'InteriorAction',
    defaultPort: 4005,
    nameTr: 'İçişleri Bakanlığı',
    nameEn: 'Ministry of Interior',
  },
];

export function agencyBySlug(slug: string): Agency {
  const agency = AGENCIES.find((a) => a.slug === slug);
  if (!agency) throw new Error(`Unknown agency "${slug}"`);
  return agency;
}

export function agencyByCode(code: AgencyCode): Agency {
  return AGENCIES.find((a) => a.code === code) as Agency;
}

export function isAgencyCode(value: string): value is AgencyCode {
  return (AGENCY_CODES as readonly string[]).includes(value);
}
