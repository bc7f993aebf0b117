/** "Your token" (outside the numbered path): the stored tokens, with Replace and Remove. */
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t, tr } from '../../kit/i18n';
import { formatDate } from '../format';
import { call, close, go, refreshState, render } from '../nav';
import { actions, button, heading } from '../parts';
import { ui } from '../state';

export function stored(): HTMLElement[] {
  const accounts = ui.setup?.accounts ?? [];
  return [
    heading(t('wizard.stored.title')),
    h(
      'ul',
      { class: 'accounts', id: 'accounts' },
      ...accounts.map((a, i) => {
        const date = formatDate(tr(), a.tokenExpiresAt);
        const missing = !a.tokenAvailable;
        const replace = missing ? t('wizard.stored.pasteAgain') : t('wizard.stored.replace');
        return h(
          'li',
          { class: missing ? 'missing' : null },
          h('p', { class: 'account' }, t('wizard.stored.token', { login: a.login, hint: a.tokenHint })),
          missing
            ? h('p', { class: 'warn', id: `missing-${a.login}` }, t('wizard.stored.missing'))
            : h(
                'p',
                { class: 'muted' },
                date ? t('wizard.stored.expires', { date }) : t('wizard.stored.noExpiry'),
                a.store === 'session' ? ` ${t('wizard.stored.session')}` : '',
              ),
          h(
            'div',
            { class: 'row' },
            // A lost session token is pasted again straight away: the user already has (or knows) the token.
            button(replace, () => go(missing ? 'paste' : 'create'), {
              id: `replace-${i}`,
              aria: `${replace}: @${a.login}`,
            }),
            button(t('wizard.stored.remove'), () => void removeToken(a.key, a.store), {
              id: `remove-${i}`,
              aria: `${t('wizard.stored.remove')}: @${a.login}`,
            }),
          ),
        );
      }),
    ),
    actions(button(t('wizard.close'), () => void close(), { primary: true, id: 'close' })),
  ];
}

async function removeToken(key: string, store: 'keychain' | 'session'): Promise<void> {
  const r = await call(api().removeToken({ key }));
  if (!r.ok) return render(false);
  await refreshState();
  const text = store === 'session' ? t('wizard.stored.removedSession') : t('wizard.stored.removed');
  if (ui.setup?.accounts.length) {
    ui.status = { kind: 'ok', text };
    render(true);
  } else {
    go('welcome');
    ui.status = { kind: 'ok', text };
    render(false);
  }
}
