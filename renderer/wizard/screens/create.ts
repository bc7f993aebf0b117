/** Step 2, Create a token: the pre-filled token page on GitHub, what to check there, and the Enterprise box. */
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t } from '../../kit/i18n';
import { call, go, render } from '../nav';
import { actions, button, heading } from '../parts';
import { ui } from '../state';
import { serverBox, serverReady } from './server';

export function create(): HTMLElement[] {
  return [
    heading(t('wizard.create.title')),
    h('p', {}, t('wizard.create.intro')),
    h(
      'ol',
      { class: 'checklist' },
      h('li', {}, h('strong', {}, t('wizard.create.check1'))),
      h('li', {}, t('wizard.create.check2')),
      h('li', {}, t('wizard.create.check3')),
      h('li', {}, t('wizard.create.check4')),
    ),
    h(
      'div',
      { class: 'row' },
      button(t('wizard.create.open'), () => void openExternal('newTokenTemplate'), { id: 'open-template' }),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          id: 'open-tokens',
          disabled: ui.busy,
          onclick: () => void openExternal('tokensPage'),
        },
        t('wizard.create.tokensPage'),
      ),
    ),
    h('p', { class: 'why' }, t('wizard.create.why')),
    serverBox(),
    actions(
      button(t('wizard.back'), () => go(ui.setup?.accounts.length ? 'stored' : 'welcome')),
      button(t('wizard.create.haveToken'), () => go('paste'), { primary: true, id: 'have-token' }),
    ),
  ];
}

async function openExternal(target: 'newTokenTemplate' | 'tokensPage'): Promise<void> {
  if (!(await serverReady())) return;
  // A target id, not a URL: main maps it to an allowlisted github.com (or GHE) page.
  const r = await call(api().openExternal({ target })); // eng-disable OPEN_EXTERNAL_JS_CHECK
  if (r.ok && r.value.opened) ui.status = { kind: 'info', text: t('wizard.create.opened') };
  render(false);
}
