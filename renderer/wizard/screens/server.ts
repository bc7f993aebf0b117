/**
 * "GitHub Enterprise?": a collapsed disclosure with the user's GitHub address, on the Create and Paste steps.
 * Main normalises what is typed and answers with the web host tokens are created on; its refusal (plain http,
 * not a URL) is shown under the field. No <form> of its own: on the Paste step it sits inside the token form, so
 * Enter is handled here. Escape inside it closes it (and never leaves the step).
 */
import type { ErrorInfo } from '../../../shared/errors';
import { describeError } from '../../../shared/i18n';
import { MAX_ADDRESS_LENGTH, type Result } from '../../../shared/ipc';
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t, tr } from '../../kit/i18n';
import { onKeyFirst, render } from '../nav';
import { button } from '../parts';
import { ui } from '../state';

/** The GitHub address field, kept across re-renders and steps (Create and Paste both show it). */
export const serverInput = h('input', {
  id: 'server',
  type: 'text',
  inputmode: 'url',
  autocomplete: 'off',
  spellcheck: 'false',
  autocapitalize: 'off',
  maxlength: MAX_ADDRESS_LENGTH,
  // An example rather than instructions: the label says what it is, the summary who needs it.
  placeholder: 'acme.ghe.com',
  'aria-describedby': 'server-error server-host',
});

/** A refused address in the user's language: "not a URL" has its own message, the rest come from core. */
function serverErrorText(e: ErrorInfo): string {
  return e.kind === 'config' && e.reason === 'badInput' && !e.token
    ? t('wizard.server.invalid')
    : describeError(e, tr());
}

/** The refusal no longer applies once the address is edited: cleared in place, so typing is not disturbed. */
function dropStaleServerError(): void {
  if (!ui.serverError) return;
  ui.serverError = null;
  serverInput.setAttribute('aria-invalid', 'false');
  const p = document.getElementById('server-error');
  if (p) p.textContent = '';
}

export function serverBox(): HTMLElement {
  serverInput.disabled = ui.busy;
  serverInput.setAttribute('aria-invalid', ui.serverError ? 'true' : 'false');
  serverInput.onkeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void applyServer();
  };
  serverInput.oninput = () => dropStaleServerError();
  const details = h(
    'details',
    {
      class: 'server',
      id: 'server-box',
      open: ui.serverOpen,
      ontoggle: () => {
        ui.serverOpen = details.open;
      },
    },
    h('summary', { id: 'server-summary' }, t('wizard.server.summary')),
    h('label', { for: 'server' }, t('wizard.server.label')),
    h(
      'div',
      { class: 'field' },
      serverInput,
      button(t('wizard.server.apply'), () => void applyServer(), { id: 'set-server' }),
    ),
    h(
      'p',
      { class: 'server-error error', id: 'server-error', role: 'alert', 'aria-live': 'assertive' },
      ui.serverError ? serverErrorText(ui.serverError) : '',
    ),
    h(
      'p',
      { class: 'hint', id: 'server-host' },
      t('wizard.server.host', { host: ui.setup?.webHost ?? 'github.com' }),
    ),
  );
  return details;
}

// Escape inside the open disclosure closes it and returns to its summary, as a disclosure does; it must not
// take the user off the step (and away from what they were typing).
onKeyFirst((e) => {
  const box = document.getElementById('server-box') as HTMLDetailsElement | null;
  if (!box || !box.open || !(e.target instanceof Node) || !box.contains(e.target)) return false;
  e.preventDefault();
  box.open = false;
  ui.serverOpen = false;
  document.getElementById('server-summary')?.focus();
  return true;
});

/** Sends the typed GitHub address to main; false (and the reason under the field) when main refused it. */
export async function applyServer(): Promise<boolean> {
  const address = serverInput.value.trim();
  // Controls are disabled while main answers, which drops focus: it goes back where it was afterwards.
  const back = document.activeElement?.id;
  ui.busy = true;
  render(false);
  let r: Result<{ apiUrl: string; webHost: string }>;
  try {
    r = await api().setServer({ address });
  } finally {
    ui.busy = false;
  }
  if (!r.ok) {
    ui.serverError = r.error;
    ui.serverOpen = true;
    render(false);
    serverInput.focus();
    return false;
  }
  ui.serverError = null;
  ui.serverApplied = address;
  if (ui.setup) ui.setup = { ...ui.setup, webHost: r.value.webHost, apiUrl: r.value.apiUrl };
  render(false);
  if (back) document.getElementById(back)?.focus();
  return true;
}

/** Before anything that uses the server (a check, a link): send a typed address main has not seen yet. */
export async function serverReady(): Promise<boolean> {
  if (serverInput.value.trim() === ui.serverApplied && !ui.serverError) return true;
  return applyServer();
}

/**
 * A configured Enterprise server is shown in the field (by its web host, which normalises back to the same API;
 * a plain-http loopback API as it is, since a bare host would become https). The disclosure stays collapsed.
 */
export function prefillServer(): void {
  const s = ui.setup;
  if (!s || s.webHost === 'github.com') return;
  const shown = s.apiUrl.startsWith('http:') ? s.apiUrl : s.webHost;
  serverInput.value = shown;
  ui.serverApplied = shown;
}
