import type { ServiceFigureSeed } from '@cocuk-koruma/domain';

// The public record gives no figure for this ministry's child-protection services, and an
// invented one would pass for a measurement, so the list stays empty until the ministry reports.
export const serviceFigures: ServiceFigureSeed[] = [];
