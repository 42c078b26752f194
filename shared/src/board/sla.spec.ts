import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, slaPolicySchema, slaStatus, type SlaClockCase } from './sla.js';

const HOUR = 3_600_000;
const intake = Date.parse('2026-11-23T00:00:00.000Z');
const at = (hours: number) => intake + hours * HOUR;
const iso = (hours: number) => new Date(at(hours)).toISOString();

const serious = (overrides: Partial<SlaClockCase> = {}): SlaClockCase => ({
  severity: 'serious',
  createdAt: iso(0),
  firstRespondedAt: null,
  resolvedAt: null,
  ...overrides,
});

describe('slaStatus', () => {
  it('runs the first-response clock until the case leaves intake (serious: 2 h)', () => {
    const status = slaStatus(serious(), DEFAULT_SLA_POLICY, at(1));
    expect(status.state).toBe('ok');
    expect(status.activeDueAt?.toISOString()).toBe(iso(2));
    expect(status.remainingMs).toBe(HOUR);
    expect(status.firstResponseDueAt.toISOString()).toBe(iso(2));
    expect(status.resolutionDueAt.toISOString()).toBe(iso(24));
  });

  it('warns from three quarters of the window on', () => {
    expect(slaStatus(serious(), DEFAULT_SLA_POLICY, at(1.49)).state).toBe('ok');
    expect(slaStatus(serious(), DEFAULT_SLA_POLICY, at(1.5)).state).toBe('warning');
  });

  it('is breached once the deadline has come', () => {
    expect(slaStatus(serious(), DEFAULT_SLA_POLICY, at(2)).state).toBe('breached');
    expect(slaStatus(serious(), DEFAULT_SLA_POLICY, at(3)).remainingMs).toBe(-HOUR);
  });

  it('switches to the resolution clock after the first response, also after a late one', () => {
    const responded = serious({ firstRespondedAt: iso(5) });
    const status = slaStatus(responded, DEFAULT_SLA_POLICY, at(6));
    expect(status.state).toBe('ok');
    expect(status.activeDueAt?.toISOString()).toBe(iso(24));
    expect(slaStatus(responded, DEFAULT_SLA_POLICY, at(18)).state).toBe('warning');
    expect(slaStatus(responded, DEFAULT_SLA_POLICY, at(24)).state).toBe('breached');
  });

  it('judges a resolved case against the resolution deadline, whatever the time now', () => {
    expect(slaStatus(serious({ firstRespondedAt: iso(1), resolvedAt: iso(24) }), DEFAULT_SLA_POLICY, at(500)).state).toBe('met');
    const late = slaStatus(serious({ firstRespondedAt: iso(1), resolvedAt: iso(25) }), DEFAULT_SLA_POLICY, at(26));
    expect(late).toMatchObject({ state: 'missed', activeDueAt: null, remainingMs: null });
  });

  it('reads the target of the case severity from the policy', () => {
    const general: SlaClockCase = { ...serious(), severity: 'general' };
    expect(slaStatus(general, DEFAULT_SLA_POLICY, at(3)).state).toBe('ok');
    const strict = { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 1, resolutionHours: 4 } };
    expect(slaStatus(general, strict, at(3)).state).toBe('breached');
  });
});

describe('slaPolicySchema', () => {
  it('accepts the defaults', () => {
    expect(slaPolicySchema.parse(DEFAULT_SLA_POLICY)).toEqual(DEFAULT_SLA_POLICY);
  });

  it.each([
    ['a missing severity', { serious: DEFAULT_SLA_POLICY.serious, important: DEFAULT_SLA_POLICY.important }],
    ['a first response due after the resolution', { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 80, resolutionHours: 72 } }],
    ['zero hours', { ...DEFAULT_SLA_POLICY, serious: { firstResponseHours: 0, resolutionHours: 24 } }],
    ['more than a month', { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 24, resolutionHours: 2400 } }],
    ['an unknown key', { ...DEFAULT_SLA_POLICY, urgent: DEFAULT_SLA_POLICY.serious }],
  ])('refuses %s', (_, policy) => {
    expect(slaPolicySchema.safeParse(policy).success).toBe(false);
  });
});
