import { useTranslation } from 'react-i18next';
import { DEFAULT_SLA_POLICY, SEVERITIES, slaPolicySchema, type Severity, type SlaPolicy, type SlaTarget } from '@app/shared';
import { problemAttributes, ProblemNote, SettingFormFrame } from './SettingFormFrame.js';
import { slaPolicyEndpoint } from './settings-api.js';
import { numberFromText, settingProblems } from './settings-validation.js';
import { useSettingForm } from './use-setting-form.js';

const TARGETS = ['firstResponseHours', 'resolutionHours'] as const satisfies readonly (keyof SlaTarget)[];
type SlaRaw = Record<Severity, Record<keyof SlaTarget, string>>;

const inputId = (field: string) => `sla-${field.replace('.', '-')}`;

const toRaw = (policy: SlaPolicy): SlaRaw =>
  Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      { firstResponseHours: String(policy[severity].firstResponseHours), resolutionHours: String(policy[severity].resolutionHours) },
    ]),
  ) as SlaRaw;

function parse(raw: SlaRaw) {
  const typed = Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      Object.fromEntries(TARGETS.map((target) => [target, numberFromText(raw[severity][target])])),
    ]),
  );
  const result = slaPolicySchema.safeParse(typed, { reportInput: true });
  return result.success ? { ok: true as const, value: result.data } : { ok: false as const, problems: settingProblems(result.error.issues, 2) };
}

/** 时限标准: first-response and resolution hours per severity, checked with the schema the server applies. */
export function SlaPolicyForm() {
  const { t } = useTranslation();
  const form = useSettingForm({ endpoint: slaPolicyEndpoint, defaults: DEFAULT_SLA_POLICY, toRaw, parse, inputId });
  const { raw } = form;

  return (
    <SettingFormFrame id="sla" form={form}>
      {raw && (
        <table className="settings-table">
          <caption>{t('settings.sla.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.sla.severity')}</th>
              {TARGETS.map((target) => (
                <th key={target} scope="col" id={`sla-col-${target}`}>
                  {t(`settings.sla.${target}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.map((severity) => (
              <tr key={severity}>
                <th scope="row" id={`sla-row-${severity}`} className={`severity-badge severity-badge--${severity}`}>
                  {t(`severity.${severity}`)}
                </th>
                {TARGETS.map((target) => {
                  const id = inputId(`${severity}.${target}`);
                  const problem = form.problems[`${severity}.${target}`];
                  return (
                    <td key={target}>
                      <input
                        id={id}
                        className="settings-input"
                        inputMode="decimal"
                        aria-labelledby={`sla-row-${severity} sla-col-${target}`}
                        value={raw[severity][target]}
                        onChange={(event) => form.edit({ ...raw, [severity]: { ...raw[severity], [target]: event.target.value } })}
                        {...problemAttributes(`${id}-error`, problem)}
                      />
                      <ProblemNote id={`${id}-error`} problem={problem} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingFormFrame>
  );
}
