/**
 * Step 3, Paste your token. The token lives only in this password field until it is sent to main once; it is
 * never put in state, and the field is emptied as soon as main has it.
 */
import { tokenShape, validateToken } from '../../../shared/ipc';
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t } from '../../kit/i18n';
import { afterCheck, call, go, render } from '../nav';
import { button, buttonsOnly, dropStaleStatus, heading, statusRegion } from '../parts';
import { errorText, ui } from '../state';
import { serverBox, serverReady } from './server';

/** The one token field, kept across re-renders (e.g. a language switch) so what was pasted is not lost. */
const tokenInput = h('input', {
  id: 'token',
  type: 'password',
  autocomplete: 'off',
  spellcheck: 'false',
  autocapitalize: 'off',
  maxlength: 512,
  // The check result first: when focus returns to the field after a failed check, it is read out with it.
  'aria-describedby': 'status token-shape',
});

function shapeHint(): HTMLElement {
  const v = tokenInput.value.trim();
  const shape = v ? tokenShape(v) : null;
  return h(
    'p',
    {
      id: 'token-shape',
      class: `hint ${shape === 'fine-grained' ? 'good' : shape ? 'warn' : ''}`,
    },
    shape ? t(`wizard.paste.shape.${shape}`) : '',
  );
}

export function paste(): HTMLElement[] {
  tokenInput.type = ui.tokenVisible ? 'text' : 'password';
  tokenInput.disabled = ui.busy;
  tokenInput.setAttribute('aria-invalid', ui.status?.kind === 'error' ? 'true' : 'false');
  tokenInput.oninput = () => {
    document.getElementById('token-shape')?.replaceWith(shapeHint());
    // What the last check said was about the text that was there before.
    if (dropStaleStatus('token')) tokenInput.setAttribute('aria-invalid', 'false');
  };
  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        void checkToken();
      },
    },
    h('label', { for: 'token' }, t('wizard.paste.label')),
    h(
      'div',
      { class: 'field' },
      tokenInput,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary toggle',
          id: 'toggle-token',
          'aria-pressed': ui.tokenVisible ? 'true' : 'false',
          'aria-controls': 'token',
          onclick: () => {
            ui.tokenVisible = !ui.tokenVisible;
            render(false);
            document.getElementById('toggle-token')?.focus();
          },
        },
        ui.tokenVisible ? t('wizard.paste.hide') : t('wizard.paste.show'),
      ),
    ),
    // What the text looks like (typing feedback) stays next to the field; the live check's result follows it,
    // still close to the field it is about rather than at the bottom of the window.
    shapeHint(),
    statusRegion('inline'),
    ui.setup?.secretStore === 'keychain' ? h('p', { class: 'why' }, t('wizard.paste.where')) : null,
    serverBox(),
    buttonsOnly(
      button(t('wizard.back'), () => go('create')),
      h(
        'button',
        { type: 'submit', class: 'primary', id: 'check', disabled: ui.busy },
        t('wizard.paste.check'),
      ),
    ),
  );
  return [heading(t('wizard.paste.title')), form];
}

async function checkToken(): Promise<void> {
  if (!(await serverReady())) return;
  const valid = validateToken(tokenInput.value);
  if (!valid.ok) {
    ui.status = { kind: 'error', text: errorText(valid.error), about: 'token' };
    render(false);
    tokenInput.focus();
    return;
  }
  const r = await call(api().checkToken({ token: valid.value }), t('wizard.paste.checking'));
  // Main now holds this pasted token (or none): whatever is saved next is not the legacy file's.
  ui.importedLegacy = false;
  if (r.ok) {
    // Main keeps the checked token for saving; the page does not need it any more.
    tokenInput.value = '';
    ui.tokenVisible = false;
    afterCheck(r.value);
  } else {
    if (ui.status) ui.status.about = 'token';
    render(false);
    tokenInput.focus();
  }
}
