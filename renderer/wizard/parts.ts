/** Building blocks every wizard screen uses: the header, headings, buttons and the footer with its status line. */
import { LANGS } from '../../shared/i18n/catalog';
import { h } from '../kit/dom';
import { t } from '../kit/i18n';
import { ui } from './state';
import { STEP_NUMBER, TOTAL_STEPS } from './steps';

/** Title, "Step n of 5" and the language menu. */
export function header(onLanguage: (value: string) => void): HTMLElement {
  const select = h(
    'select',
    {
      id: 'lang',
      'aria-label': t('wizard.language'),
      onchange: (e: Event) => onLanguage((e.target as HTMLSelectElement).value),
    },
    h('option', { value: 'system', selected: ui.langChoice === null }, t('wizard.language.system')),
    ...LANGS.map((l) =>
      h(
        'option',
        { value: l, selected: ui.langChoice === l, lang: l },
        { en: 'English', zh: '中文', fr: 'Français' }[l],
      ),
    ),
  );
  const n = STEP_NUMBER[ui.step];
  return h(
    'header',
    { class: 'top' },
    h('span', { class: 'brand' }, 'Copilot Meter'),
    n ? h('span', { class: 'stepno' }, t('wizard.step', { n, total: TOTAL_STEPS })) : null,
    h('label', { class: 'lang' }, h('span', { class: 'sr-only' }, t('wizard.language')), select),
  );
}

export function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, id: 'step-title' }, text);
}

export function button(
  label: string,
  onClick: () => void,
  opts: { primary?: boolean; id?: string; aria?: string } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: opts.primary ? 'primary' : 'secondary',
      id: opts.id,
      'aria-label': opts.aria,
      disabled: ui.busy,
      onclick: () => onClick(),
    },
    label,
  );
}

/** The step's footer: the live status line just above its buttons, so messages sit next to the action. */
export function actions(...buttons: Array<HTMLElement | null>): HTMLElement {
  return actionsWithNote(null, ...buttons);
}

/** A footer with a note between the status and the buttons (e.g. what "session only" means). */
export function actionsWithNote(
  note: HTMLElement | null,
  ...buttons: Array<HTMLElement | null>
): HTMLElement {
  return h('div', { class: 'footer' }, statusRegion(), note, h('div', { class: 'actions' }, ...buttons));
}

/** A footer with buttons only, for a step that shows its status elsewhere (the Paste step, under the field). */
export function buttonsOnly(...buttons: Array<HTMLElement | null>): HTMLElement {
  return h('div', { class: 'footer' }, h('div', { class: 'actions' }, ...buttons));
}

export function statusRegion(place: 'footer' | 'inline' = 'footer'): HTMLElement {
  const s = ui.status;
  return h(
    'div',
    {
      id: 'status',
      class: `status ${place} ${s?.kind ?? ''}`,
      role: s?.kind === 'error' ? 'alert' : 'status',
      'aria-live': s?.kind === 'error' ? 'assertive' : 'polite',
    },
    s?.text ?? '',
  );
}

/**
 * Drops the status message when it was about `input` and that input just changed: it no longer describes what
 * is on screen. Redrawn in place (no re-render), so typing is not disturbed. True when something was dropped.
 */
export function dropStaleStatus(input: 'token' | 'plan'): boolean {
  if (!ui.status || ui.status.about !== input) return false;
  ui.status = null;
  const el = document.getElementById('status');
  if (el) {
    el.textContent = '';
    el.className = el.className.replace(/\b(error|ok|info|busy)\b/g, '').trim();
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  }
  return true;
}
