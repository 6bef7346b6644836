/**
 * Generated example data at national scale, for the benchmarks: the rows each agency's database
 * would hold had the secretariat planned thousands of actions. Deterministic (one seeded random
 * series), so two runs of one size generate the same rows. Pure: nothing here touches a database.
 *
 * Every code starts with GENERATED_PREFIX, which no code of the adopted plan does, and every text
 * says it is generated example content.
 */
import { AGENCIES, type AgencyCode, type AgencySlug } from '@cocuk-koruma/platform/agencies';
import { plan } from '@cocuk-koruma/plan';

export const GENERATED_PREFIX = 'G-';
export const GENERATED_SOURCE = 'örnek (üretilmiş) / generated example';
const LABEL_TR = 'Örnek (üretilmiş)';
const LABEL_EN = 'generated example';

export interface GeneratorOptions {
  actions: number;
  indicators: number;
  /** The first `provinces` plate codes (01 …) carry measurements. */
  provinces: number;
  /** Quarters of measurements, ending with the last report quarter. */
  measurementQuarters: number;
  meetings: number;
}

export const NATIONAL_SCALE: GeneratorOptions = {
  actions: 5000,
  indicators: 1000,
  provinces: 81,
  measurementQuarters: 24,
  meetings: 20,
};

/** Quarters of reports per action, ending with REPORT_LAST_QUARTER. */
export const REPORT_QUARTERS = 8;
const REPORT_LAST_QUARTER = '2025-Q4';

type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'AT_RISK' | 'DELAYED' | 'COMPLETED';
type ReportState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface GeneratedAction {
  code: string;
  goalCode: string;
  areaCode: string;
  position: number;
  title: string;
  titleEn: string;
  responsible: AgencyCode;
  /** Institution codes; the five agencies' codes equal their agency codes. */
  collaborators: string[];
  startDate: string;
  dueDate: string;
}

export interface GeneratedIndicator {
  code: string;
  actionCode: string;
  responsible: AgencyCode;
  name: string;
  nameEn: string;
  unit: string;
  baseline: number;
  target: number;
  direction: 'INCREASE' | 'DECREASE';
  /** Scale of a province's count, so that some provinces' counts are small. */
  scale: number;
  /** Seeds this indicator's values. */
  series: number;
}

export interface GeneratedReport {
  actionCode: string;
  period: string;
  revision: number;
  status: Status;
  percentComplete: number;
  narrative: string;
  reportedAt: string;
  reportedBy: string;
  version: number;
  state: ReportState;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface GeneratedPart {
  actionCode: string;
  responsibleAgency: AgencyCode;
  acceptance: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  reason: string | null;
  contributionStatus: Status;
  evidence: string | null;
  version: number;
  updatedBy: string;
}

/** mulberry32: small, fast and good enough for example data. */
export function randomSeries(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function quarterIndex(period: string): number {
  const [year, q] = period.split('-Q').map(Number);
  return (year as number) * 4 + ((q as number) - 1);
}

export function periodOf(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The last day of a quarter, YYYY-MM-DD. */
export function quarterEnd(period: string): string {
  const index = quarterIndex(period);
  const end = new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3 + 3, 0));
  return end.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function reportPeriods(): string[] {
  const last = quarterIndex(REPORT_LAST_QUARTER);
  return Array.from({ length: REPORT_QUARTERS }, (_, i) => periodOf(last - REPORT_QUARTERS + 1 + i));
}

export function measurementPeriods(quarters: number): string[] {
  const last = quarterIndex(REPORT_LAST_QUARTER);
  return Array.from({ length: quarters }, (_, i) => periodOf(last - quarters + 1 + i));
}

export function plateCodes(count: number): string[] {
  return Array.from({ length: Math.min(81, count) }, (_, i) => String(i + 1).padStart(2, '0'));
}

const THEMES: [string, string][] = [
  ['il koordinasyon kurullarının güçlendirilmesi', 'strengthening provincial coordination boards'],
  ['meslek elemanlarının eğitimi', 'training professional staff'],
  ['erken uyarı sisteminin yaygınlaştırılması', 'extending the early warning system'],
  ['okul sosyal hizmet birimlerinin kurulması', 'setting up school social service units'],
  ['koruyucu aile başvurularının hızlandırılması', 'speeding up foster care applications'],
  ['adli görüşme odalarının artırılması', 'adding judicial interview rooms'],
  ['sağlık taramalarının izlenmesi', 'monitoring health screenings'],
  ['sokakta çalışan çocuklara ulaşılması', 'reaching children working in the street'],
  ['veri paylaşım protokollerinin hazırlanması', 'preparing data sharing protocols'],
  ['farkındalık kampanyalarının yürütülmesi', 'running awareness campaigns'],
];

const slugOf = (code: AgencyCode): AgencySlug => AGENCIES.find((a) => a.code === code)?.slug as AgencySlug;

/** Who files and who approves an agency's reports: never one person (the four-eyes rule). */
export function reportPeople(agency: AgencyCode): { filers: string[]; reviewer: string } {
  const slug = slugOf(agency);
  return { filers: [`${slug}.liaison`, `service-account-${slug}-system`], reviewer: `${slug}.focal` };
}

export function generateActions(options: GeneratorOptions, random = randomSeries(2026)): GeneratedAction[] {
  const goals = plan.goals;
  const planPositions = new Map(goals.map((g) => [g.code, plan.actions.filter((a) => a.goal === g.code).length]));
  const perGoal = new Map<string, number>();
  const otherInstitutions = plan.institutions.filter((i) => i.agency === null).map((i) => i.code);
  return Array.from({ length: options.actions }, (_, i) => {
    const goal = goals[i % goals.length] as (typeof goals)[number];
    const n = (perGoal.get(goal.code) ?? 0) + 1;
    perGoal.set(goal.code, n);
    const code = `${GENERATED_PREFIX}${goal.code}.E${String(n).padStart(4, '0')}`;
    const responsible = AGENCIES[Math.floor(random() * AGENCIES.length)]?.code as AgencyCode;
    const others = AGENCIES.map((a) => a.code).filter((c) => c !== responsible);
    const collaborators: string[] = others.filter(() => random() < 0.35);
    if (otherInstitutions.length > 0 && random() < 0.2) {
      collaborators.push(otherInstitutions[Math.floor(random() * otherInstitutions.length)] as string);
    }
    const [tr, en] = THEMES[i % THEMES.length] as [string, string];
    const startYear = 2019 + Math.floor(random() * 5);
    const startDate = `${startYear}-0${1 + Math.floor(random() * 9)}-01`;
    const dueDate = `${startYear + 2 + Math.floor(random() * 5)}-12-31`;
    return {
      code,
      goalCode: goal.code,
      areaCode: goal.area,
      position: (planPositions.get(goal.code) ?? 0) + n - 1,
      title: `${LABEL_TR} eylem ${code}: ${tr}`,
      titleEn: `${code}, ${LABEL_EN} action: ${en}`,
      responsible,
      collaborators,
      startDate,
      dueDate,
    };
  });
}

/** One indicator on every (actions / indicators)-th action, so they spread over every agency. */
export function generateIndicators(
  actions: readonly GeneratedAction[],
  options: GeneratorOptions,
  random = randomSeries(81),
): GeneratedIndicator[] {
  const count = Math.min(options.indicators, actions.length);
  return Array.from({ length: count }, (_, j) => {
    const action = actions[Math.floor((j * actions.length) / count)] as GeneratedAction;
    const decrease = random() < 0.3;
    const scale = Math.round(2 + random() * (random() < 0.3 ? 10 : 400));
    const national = scale * options.provinces;
    return {
      code: `${action.code}.G1`,
      actionCode: action.code,
      responsible: action.responsible,
      name: `${LABEL_TR} gösterge ${action.code}.G1: hizmet alan çocuk sayısı`,
      nameEn: `${action.code}.G1, ${LABEL_EN} indicator: children served`,
      unit: 'çocuk (children)',
      baseline: national,
      target: Math.round(decrease ? national * 0.6 : national * 1.5),
      direction: decrease ? 'DECREASE' : 'INCREASE',
      scale,
      series: j,
    };
  });
}

/**
 * An action's reports, oldest first: approved quarters (some after a return, some corrected by a
 * second revision), then the quarter under review (submitted, returned or approved), then the
 * newest quarter in draft or not yet filed. Percentages only grow; statuses follow them.
 */
export function generateReports(action: GeneratedAction, random: () => number): GeneratedReport[] {
  const periods = reportPeriods();
  const { filers, reviewer } = reportPeople(action.responsible);
  const trouble: Status = random() < 0.15 ? 'DELAYED' : random() < 0.2 ? 'AT_RISK' : 'IN_PROGRESS';
  let percent = Math.floor(random() * 20);
  const reports: GeneratedReport[] = [];
  periods.forEach((period, q) => {
    percent = Math.min(100, percent + Math.floor(random() * 18));
    const status: Status =
      percent === 0 ? 'NOT_STARTED' : percent === 100 ? 'COMPLETED' : q >= 4 ? trouble : 'IN_PROGRESS';
    const filer = filers[Math.floor(random() * filers.length)] as string;
    const end = quarterEnd(period);
    const submittedAt = `${addDays(end, 10)}T09:00:00Z`;
    const reviewedAt = `${addDays(end, 20)}T14:00:00Z`;
    const base = {
      actionCode: action.code,
      period,
      status,
      percentComplete: percent,
      narrative: `${LABEL_TR} rapor: ${action.code} için ${period} döneminde %${percent} ilerleme. (Generated example report.)`,
      reportedAt: `${addDays(end, 5)}T09:00:00Z`,
      reportedBy: filer,
    };
    const approved = (revision: number, returnedFirst: boolean): GeneratedReport => ({
      ...base,
      revision,
      // draft 1, submitted 2, [returned 3, draft 4, submitted 5,] approved
      version: returnedFirst ? 6 : 3,
      state: 'APPROVED',
      submittedBy: filer,
      submittedAt,
      reviewedBy: reviewer,
      reviewedAt,
      reviewComment: null,
    });
    if (q < periods.length - 2) {
      reports.push(approved(1, random() < 0.2));
      if (random() < 0.08) reports.push({ ...approved(2, false), reportedAt: `${addDays(end, 40)}T09:00:00Z` });
      return;
    }
    if (q === periods.length - 2) {
      const roll = random();
      if (roll < 0.2) reports.push(approved(1, false));
      else if (roll < 0.5) {
        reports.push({
          ...approved(1, false),
          state: 'RETURNED',
          reviewComment: `${LABEL_TR} iade notu: kanıt belgesi eksik. (Generated example return: evidence missing.)`,
        });
      } else {
        reports.push({ ...approved(1, false), version: 2, state: 'SUBMITTED', reviewedBy: null, reviewedAt: null });
      }
      return;
    }
    if (random() < 0.6) {
      reports.push({
        ...approved(1, false),
        version: 1,
        state: 'DRAFT',
        submittedBy: null,
        submittedAt: null,
        reviewedBy: null,
        reviewedAt: null,
      });
    }
  });
  return reports;
}

/** The parts an agency holds in the generated actions that list it as a collaborator. */
export function generateParts(
  actions: readonly GeneratedAction[],
  agency: AgencyCode,
  random = randomSeries(7),
): GeneratedPart[] {
  const slug = slugOf(agency);
  return actions
    .filter((a) => a.collaborators.includes(agency))
    .map((a) => {
      const roll = random();
      if (roll < 0.15) {
        return {
          actionCode: a.code,
          responsibleAgency: a.responsible,
          acceptance: 'PENDING' as const,
          reason: null,
          contributionStatus: 'NOT_STARTED' as const,
          evidence: null,
          version: 1,
          updatedBy: 'seed',
        };
      }
      if (roll < 0.3) {
        return {
          actionCode: a.code,
          responsibleAgency: a.responsible,
          acceptance: 'DECLINED' as const,
          reason: `${LABEL_TR} gerekçe: bu eylem kurumun görev alanı dışında. (Generated example reason: outside its remit.)`,
          contributionStatus: 'NOT_STARTED' as const,
          evidence: null,
          version: 2,
          updatedBy: `${slug}.liaison`,
        };
      }
      const progress = random();
      const contributionStatus: Status =
        progress < 0.1 ? 'NOT_STARTED' : progress < 0.7 ? 'IN_PROGRESS' : progress < 0.8 ? 'AT_RISK' : 'COMPLETED';
      return {
        actionCode: a.code,
        responsibleAgency: a.responsible,
        acceptance: 'ACCEPTED' as const,
        reason: null,
        contributionStatus,
        evidence:
          contributionStatus === 'NOT_STARTED'
            ? null
            : `${LABEL_TR} kanıt: ${a.code} katkı raporu. (Generated example evidence.)`,
        version: contributionStatus === 'NOT_STARTED' ? 2 : 3,
        updatedBy: `${slug}.liaison`,
      };
    });
}

/**
 * A province's count for an indicator and quarter. About one cell in twelve is small (below 5,
 * zero included), so small-number suppression has cells to withhold.
 */
export function provinceValue(indicator: GeneratedIndicator, quarter: number, province: number): number {
  const random = randomSeries((indicator.series * 7919 + quarter * 104_729 + province * 1_299_709) >>> 0);
  if (random() < 0.08) return Math.floor(random() * 5);
  const drift = indicator.direction === 'INCREASE' ? 1 + quarter * 0.02 : 1 - quarter * 0.012;
  return Math.max(5, Math.round(indicator.scale * drift * (0.4 + random() * 1.2)));
}
