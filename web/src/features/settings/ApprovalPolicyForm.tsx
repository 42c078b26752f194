import { useTranslation } from 'react-i18next';
import {
  APPROVER_ROLES,
  approvalPolicySchema,
  DEFAULT_APPROVAL_POLICY,
  type ApprovalPolicy,
  type ApproverRole,
} from '@app/shared';
import { asLocale, formatMoney } from '../case-drawer/format.js';
import { problemAttributes, ProblemNote, SettingFormFrame } from './SettingFormFrame.js';
import { approvalPolicyEndpoint } from './settings-api.js';
import { numberFromText, settingProblems, type SettingProblems } from './settings-validation.js';
import { useSettingForm } from './use-setting-form.js';

/** A tier as typed; the last tier's `upTo` is never shown nor read, since the top tier has no ceiling. */
interface TierRaw {
  upTo: string;
  approvers: ApproverRole[];
}
interface ApprovalRaw {
  tiers: TierRaw[];
  /** Not edited here, only kept, so saving the tiers leaves who stands in for whom as it was. */
  seniority: ApproverRole[];
}

const fieldId = (field: string) => `approval-${field.replaceAll('.', '-')}`;
const roleId = (tierIndex: number, role: ApproverRole) => `${fieldId(`tiers.${tierIndex}.approvers`)}-${role}`;
/** A tier's approvers are focused at their first checkbox. */
const inputId = (field: string) => (field.endsWith('.approvers') ? `${fieldId(field)}-${APPROVER_ROLES[0]}` : fieldId(field));

/** Roles in one order whatever order they were stored in, so ticking a box off and on again is no change. */
const inRoleOrder = (roles: readonly ApproverRole[]) => APPROVER_ROLES.filter((role) => roles.includes(role));

const toRaw = (policy: ApprovalPolicy): ApprovalRaw => ({
  tiers: policy.tiers.map((tier) => ({ upTo: tier.upTo === null ? '' : String(tier.upTo), approvers: inRoleOrder(tier.approvers) })),
  seniority: [...policy.seniority],
});

function parse(raw: ApprovalRaw) {
  const last = raw.tiers.length - 1;
  const typed = {
    tiers: raw.tiers.map((tier, index) => ({ upTo: index === last ? null : numberFromText(tier.upTo), approvers: tier.approvers })),
    seniority: raw.seniority,
  };
  const result = approvalPolicySchema.safeParse(typed, { reportInput: true });
  return result.success ? { ok: true as const, value: result.data } : { ok: false as const, problems: settingProblems(result.error.issues, 3) };
}

/** 审批权限: which roles must approve compensation up to which amount, checked with the schema the server applies. */
export function ApprovalPolicyForm() {
  const form = useSettingForm({ endpoint: approvalPolicyEndpoint, defaults: DEFAULT_APPROVAL_POLICY, toRaw, parse, inputId });
  return (
    <SettingFormFrame id="approval" form={form}>
      {form.raw && <ApprovalTiers raw={form.raw} problems={form.problems} onChange={form.edit} />}
    </SettingFormFrame>
  );
}

interface ApprovalTiersProps {
  raw: ApprovalRaw;
  problems: SettingProblems;
  onChange(raw: ApprovalRaw): void;
}

/** The tiers as a small table: a ceiling, the amounts it covers in yuan, and the roles that must all approve. */
function ApprovalTiers({ raw, problems, onChange }: ApprovalTiersProps) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const last = raw.tiers.length - 1;
  const money = (text: string | undefined) => {
    const amount = text === undefined ? undefined : numberFromText(text);
    return amount !== undefined && Number.isFinite(amount) ? formatMoney(amount, locale) : '…';
  };
  const range = (index: number) => {
    if (last === 0) return t('settings.approval.any');
    if (index === 0) return t('settings.approval.upToFirst', { upTo: money(raw.tiers[0].upTo) });
    const from = money(raw.tiers[index - 1].upTo);
    return index === last ? t('settings.approval.above', { from }) : t('settings.approval.upToNext', { from, upTo: money(raw.tiers[index].upTo) });
  };

  const setTiers = (tiers: TierRaw[]) => onChange({ ...raw, tiers });
  const setTier = (index: number, tier: Partial<TierRaw>) =>
    setTiers(raw.tiers.map((current, at) => (at === index ? { ...current, ...tier } : current)));
  const toggle = (index: number, role: ApproverRole, on: boolean) => {
    const approvers = raw.tiers[index].approvers;
    setTier(index, { approvers: inRoleOrder(on ? [...approvers, role] : approvers.filter((entry) => entry !== role)) });
  };
  // A new tier goes below the open-ended top one, which keeps covering everything above.
  const addTier = () => setTiers([...raw.tiers.slice(0, last), { upTo: '', approvers: [] }, raw.tiers[last]]);
  const removeTier = (index: number) => setTiers(raw.tiers.filter((_, at) => at !== index));

  return (
    <>
      <table className="settings-table">
        <caption>{t('settings.approval.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.approval.tier')}</th>
            <th scope="col" id="approval-col-upTo">
              {t('settings.approval.upTo')}
            </th>
            <th scope="col">{t('settings.approval.range')}</th>
            <th scope="col" id="approval-col-approvers">
              {t('settings.approval.approvers')}
            </th>
            <th scope="col">{t('settings.approval.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {raw.tiers.map((tier, index) => {
            const tierHeadingId = `approval-tier-${index}`;
            const upToField = `tiers.${index}.upTo`;
            const approversField = `tiers.${index}.approvers`;
            const upToProblem = problems[upToField];
            const approversProblem = problems[approversField];
            return (
              <tr key={index}>
                <th scope="row" id={tierHeadingId}>
                  {t('settings.approval.tierName', { number: index + 1 })}
                </th>
                <td>
                  {index === last ? (
                    <span className="settings-table__muted">{t('settings.approval.noLimit')}</span>
                  ) : (
                    <>
                      <input
                        id={fieldId(upToField)}
                        className="settings-input"
                        inputMode="decimal"
                        aria-labelledby={`${tierHeadingId} approval-col-upTo`}
                        value={tier.upTo}
                        onChange={(event) => setTier(index, { upTo: event.target.value })}
                        {...problemAttributes(`${fieldId(upToField)}-error`, upToProblem)}
                      />
                      <ProblemNote id={`${fieldId(upToField)}-error`} problem={upToProblem} />
                    </>
                  )}
                </td>
                <td>{range(index)}</td>
                <td>
                  <fieldset
                    className="settings-roles"
                    aria-labelledby={`${tierHeadingId} approval-col-approvers`}
                    aria-describedby={approversProblem ? `${fieldId(approversField)}-error` : undefined}
                  >
                    {APPROVER_ROLES.map((role) => (
                      <label key={role} className="settings-roles__choice">
                        <input
                          type="checkbox"
                          id={roleId(index, role)}
                          checked={tier.approvers.includes(role)}
                          onChange={(event) => toggle(index, role, event.target.checked)}
                        />
                        {t(`role.${role}`)}
                      </label>
                    ))}
                    <ProblemNote id={`${fieldId(approversField)}-error`} problem={approversProblem} />
                  </fieldset>
                </td>
                <td>
                  {last > 0 && (
                    <button type="button" className="button" onClick={() => removeTier(index)}>
                      {t('settings.approval.remove', { number: index + 1 })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button" onClick={addTier}>
        {t('settings.approval.add')}
      </button>
      {raw.seniority.length > 1 && (
        <p className="settings-section__note">
          {t('settings.approval.seniority', { roles: raw.seniority.map((role) => t(`role.${role}`)).join(' → ') })}
        </p>
      )}
    </>
  );
}
