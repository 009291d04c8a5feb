import { describe, expect, it } from 'vitest';
import { deriveAgreementStatus, sortAgreementSteps } from './agreementStatus';
import type { AgreementStep } from './records';

const step = (kind: AgreementStep['kind'], date: string | null): AgreementStep => ({
  id: crypto.randomUUID(),
  kind,
  date,
  place: null,
  instrument: null,
  note: null,
});

describe('agreement status', () => {
  const lifecycle = [
    step('in-force', '2017-03-02'),
    step('signed', '2016-12-08'),
    step('approved', '2017-02-23'),
  ];

  it('follows the latest step that has happened', () => {
    const agreement = { steps: lifecycle, expiryDate: null };
    expect(deriveAgreementStatus(agreement, '2016-01-01')).toBe('draft');
    expect(deriveAgreementStatus(agreement, '2016-12-08')).toBe('signed');
    expect(deriveAgreementStatus(agreement, '2017-02-28')).toBe('signed');
    expect(deriveAgreementStatus(agreement, '2017-03-02')).toBe('in-force');
  });

  it('turns expired once the expiry date has passed', () => {
    expect(deriveAgreementStatus({ steps: lifecycle, expiryDate: '2020' }, '2020-12-31')).toBe(
      'in-force',
    );
    expect(deriveAgreementStatus({ steps: lifecycle, expiryDate: '2020' }, '2021-01-01')).toBe(
      'expired',
    );
  });

  it('counts an undated signature as signed, and termination as final', () => {
    expect(
      deriveAgreementStatus({ steps: [step('signed', null)], expiryDate: null }, '2026-01-01'),
    ).toBe('signed');
    const ended = [...lifecycle, step('terminated', '2022-05')];
    expect(deriveAgreementStatus({ steps: ended, expiryDate: null }, '2026-01-01')).toBe(
      'terminated',
    );
  });

  it('orders steps by date, undated ones by their place in the life cycle', () => {
    const kinds = sortAgreementSteps([...lifecycle, step('negotiated', null)]).map((s) => s.kind);
    expect(kinds).toEqual(['negotiated', 'signed', 'approved', 'in-force']);
  });
});
