import { AGREEMENT_STEP_KINDS, type AgreementStep, type AgreementStepKind } from './records';
import { comparePartialDates, partialDateBounds, type PartialDate } from './partialDate';

export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'provisionally-applied',
  'in-force',
  'suspended',
  'expired',
  'terminated',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const STATUS_AFTER_STEP: Record<AgreementStepKind, AgreementStatus> = {
  negotiated: 'negotiating',
  initialled: 'negotiating',
  signed: 'signed',
  approved: 'signed',
  ratified: 'signed',
  'in-force': 'in-force',
  'provisionally-applied': 'provisionally-applied',
  suspended: 'suspended',
  renewed: 'in-force',
  expired: 'expired',
  terminated: 'terminated',
};

/** Steps in the order they happened; undated steps keep their usual life-cycle position. */
export function sortAgreementSteps(steps: readonly AgreementStep[]): AgreementStep[] {
  const lifecycleIndex = (kind: AgreementStepKind) => AGREEMENT_STEP_KINDS.indexOf(kind);
  return [...steps].sort((a, b) => {
    if (a.date !== null && b.date !== null && a.date !== b.date) {
      return comparePartialDates(a.date, b.date);
    }
    return lifecycleIndex(a.kind) - lifecycleIndex(b.kind);
  });
}

/**
 * The status an agreement has on `today` (YYYY-MM-DD), derived from its dated steps so it can never
 * disagree with them. Steps dated after today have not happened yet; an agreement in force whose
 * expiry date has passed is expired.
 */
export function deriveAgreementStatus(
  agreement: { steps: readonly AgreementStep[]; expiryDate: PartialDate | null },
  today: string,
): AgreementStatus {
  const happened = sortAgreementSteps(agreement.steps).filter((step) => {
    const bounds = partialDateBounds(step.date);
    return bounds === null || bounds.first <= today;
  });
  const last = happened.at(-1);
  if (!last) return 'draft';
  const status = STATUS_AFTER_STEP[last.kind];
  const expiry = partialDateBounds(agreement.expiryDate);
  if (
    (status === 'in-force' || status === 'provisionally-applied') &&
    expiry &&
    expiry.last < today
  ) {
    return 'expired';
  }
  return status;
}
