/**
 * Step 4, Your Copilot plan: GitHub's plan when it said it, else a choice of plans, and always a custom monthly
 * allowance. Arrow keys move between the plan radios only: choosing "Custom allowance" shows its number field
 * without moving focus into it, and that field is text (not a spin box), so its number changes only when typed.
 */
import { PLAN_IDS, type PlanId, type Unit } from '../../../shared/domain';
import { MAX_ALLOWANCE, MIN_ALLOWANCE } from '../../../shared/ipc';
import { allowanceFor, plansFor } from '../../../shared/plans';
import { api } from '../../kit/bridge';
import { append, h } from '../../kit/dom';
import { locale, t, tr } from '../../kit/i18n';
import { parseLocaleNumber } from '../../kit/format';
import { unitName } from '../format';
import { call, go, refreshState, render } from '../nav';
import { actions, actionsWithNote, button, dropStaleStatus, heading } from '../parts';
import { ui } from '../state';

/** The billing world GitHub showed; null when its answer did not show one (no usage in either world yet). */
function unitOf(): Unit | null {
  return ui.check?.unit ?? null;
}

/** The plans to offer: those of the known world, else every plan (the allowance follows once the world shows). */
function planChoices(unit: Unit | null): PlanId[] {
  if (unit) return plansFor(unit);
  const known = new Set<PlanId>([...plansFor('credits'), ...plansFor('requests')]);
  return PLAN_IDS.filter((p) => known.has(p));
}

function planRadio(value: PlanId | 'custom', label: string): HTMLElement {
  return h(
    'label',
    { class: 'radio' },
    h('input', {
      type: 'radio',
      name: 'plan',
      id: `plan-${value}`,
      value,
      checked: ui.plan === value,
      onchange: () => {
        ui.plan = value;
        // "Choose a plan" or "Enter a number" is answered (or moot) once another choice is made.
        if (ui.status?.about === 'plan') ui.status = null;
        render(false);
      },
    }),
    h('span', {}, label),
  );
}

/** "Custom allowance" and, when chosen, its number field: offered whether or not the plan was detected. */
function customAllowance(unit: Unit | null): { radio: HTMLElement; field: HTMLElement | null } {
  const radio = planRadio('custom', t('wizard.plan.custom'));
  const field =
    ui.plan === 'custom'
      ? h(
          'div',
          { class: 'custom' },
          h(
            'label',
            { for: 'custom-allowance' },
            unit ? t('wizard.plan.customLabel', { unit: unitName(tr(), unit) }) : t('wizard.plan.allowance'),
          ),
          h('input', {
            id: 'custom-allowance',
            type: 'text',
            inputmode: 'decimal',
            autocomplete: 'off',
            spellcheck: 'false',
            maxlength: 20,
            value: ui.customAllowance,
            oninput: (e: Event) => {
              ui.customAllowance = (e.target as HTMLInputElement).value;
              dropStaleStatus('plan');
            },
          }),
        )
      : null;
  return { radio, field };
}

export function plan(): HTMLElement[] {
  const c = ui.check;
  const unit = unitOf();
  const out: HTMLElement[] = [heading(t('wizard.plan.title'))];
  if (c) out.push(h('p', { class: 'ok' }, t('wizard.paste.ok', { login: c.login, host: c.host })));
  for (const w of c?.warnings ?? []) out.push(h('p', { class: 'warn' }, t(`wizard.paste.warning.${w}`)));
  const detected = c?.planDetected && c.plan ? c.plan : null;
  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void save();
    },
  });
  const custom = customAllowance(unit);
  if (detected) {
    const allowance = unit ? allowanceFor(detected, unit) : null;
    const name = t(`plan.${detected}`);
    form.append(
      h(
        'p',
        { id: 'plan-detected' },
        !unit
          ? t('wizard.plan.detectedPlan', { plan: name })
          : allowance === null
            ? t('wizard.plan.detectedUnlimited', { plan: name })
            : t('wizard.plan.detected', {
                plan: name,
                allowance: tr().num(allowance),
                unit: unitName(tr(), unit),
              }),
      ),
    );
    // GitHub's plan, or the user's own number (an organisation's budget, a promotion): both stay possible.
    append(form, [
      h(
        'fieldset',
        {},
        h('legend', {}, t('wizard.plan.allowance')),
        planRadio(detected, t('wizard.plan.asDetected')),
        custom.radio,
      ),
      custom.field,
    ]);
  } else {
    const radios = planChoices(unit).map((p) => {
      const allowance = unit ? allowanceFor(p, unit) : null;
      return planRadio(
        p,
        unit && allowance !== null
          ? t('wizard.plan.option', {
              plan: t(`plan.${p}`),
              allowance: tr().num(allowance),
              unit: unitName(tr(), unit),
            })
          : t(`plan.${p}`),
      );
    });
    append(form, [
      unit ? null : h('p', { class: 'why', id: 'plan-unknown-world' }, t('wizard.plan.unknownWorld')),
      h('fieldset', {}, h('legend', {}, t('wizard.plan.choose')), ...radios, custom.radio),
      custom.field,
    ]);
  }
  append(form, [
    ui.keychainFailed
      ? // The keychain refused: the plain message (status) and the two choices a user expects, nothing silent.
        actionsWithNote(
          h('p', { class: 'why', id: 'session-note' }, t('wizard.keychain.sessionNote')),
          button(t('wizard.back'), () => go('paste')),
          button(t('wizard.keychain.session'), () => void save(true), { id: 'keep-session' }),
          h(
            'button',
            { type: 'submit', class: 'primary', id: 'retry-keychain', disabled: ui.busy },
            t('wizard.keychain.retry'),
          ),
        )
      : actions(
          button(t('wizard.back'), () => go('paste')),
          h(
            'button',
            { type: 'submit', class: 'primary', id: 'save', disabled: ui.busy },
            t('wizard.plan.save'),
          ),
        ),
  ]);
  out.push(form);
  return out;
}

async function save(sessionOnly = false): Promise<void> {
  const detected = ui.check?.planDetected && ui.check.plan ? ui.check.plan : null;
  let planId: PlanId | null = detected;
  let allowance: number | null = null;
  if (ui.plan === 'custom') {
    const n = parseLocaleNumber(ui.customAllowance, locale());
    // The same range main's validator accepts (shared/ipc.ts), so the user hears it here, in their language.
    if (!ui.customAllowance.trim() || !Number.isFinite(n) || n < MIN_ALLOWANCE || n > MAX_ALLOWANCE) {
      ui.status = {
        kind: 'error',
        text: t('wizard.plan.invalid', { min: tr().num(MIN_ALLOWANCE), max: tr().num(MAX_ALLOWANCE) }),
        about: 'plan',
      };
      render(false);
      document.getElementById('custom-allowance')?.focus();
      return;
    }
    allowance = n;
  } else if (!detected) {
    if (ui.plan) planId = ui.plan;
    else {
      ui.status = { kind: 'error', text: t('wizard.plan.pick'), about: 'plan' };
      render(false);
      return;
    }
  }
  const r = await call(
    api().save({ plan: planId, allowance, ...(sessionOnly ? { sessionOnly: true } : {}) }),
    t('wizard.plan.saving'),
  );
  if (!r.ok) {
    if (r.error.kind === 'keychain') ui.keychainFailed = true;
    render(false);
    // The buttons were disabled while saving (focus fell to the page): put it on the next sensible action.
    if (ui.keychainFailed) document.getElementById(sessionOnly ? 'keep-session' : 'retry-keychain')?.focus();
    return;
  }
  ui.saved = r.value;
  ui.found = null;
  ui.check = null;
  await refreshState();
  go('done');
}
