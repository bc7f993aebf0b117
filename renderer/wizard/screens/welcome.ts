/** Step 1, Welcome: logins found on this computer, the legacy token file, and the way to create a token. */
import type { CredentialSourceId } from '../../../shared/domain';
import type { FoundCredential } from '../../../shared/ipc';
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t } from '../../kit/i18n';
import { afterCheck, call, go, render } from '../nav';
import { actions, button, heading } from '../parts';
import { sourceName, ui } from '../state';

function foundLine(f: FoundCredential): string {
  return f.login
    ? t('wizard.welcome.foundLogin', { app: sourceName(f.source), login: f.login })
    : t('wizard.welcome.found', { app: sourceName(f.source) });
}

export function welcome(): HTMLElement[] {
  const s = ui.setup;
  const found = s?.found ?? [];
  const legacy = s?.legacy?.tokenHint ? s.legacy : null;
  const lines: HTMLElement[] = [heading(t('wizard.welcome.title')), h('p', {}, t('wizard.welcome.intro'))];
  if (found.length === 0) {
    lines.push(h('p', { class: 'found none', id: 'found' }, t('wizard.welcome.nothing')));
  } else {
    lines.push(
      h(
        'ul',
        { class: 'found', id: 'found' },
        ...found.map((f) =>
          h(
            'li',
            {},
            h('span', {}, foundLine(f)),
            button(t('wizard.welcome.useFound'), () => void useFound(f.source), {
              id: `use-${f.source}`,
              aria: `${t('wizard.welcome.useFound')}: ${sourceName(f.source)}`,
            }),
          ),
        ),
      ),
    );
  }
  if (legacy) {
    lines.push(
      h(
        'div',
        { class: 'note' },
        h('p', {}, t('wizard.welcome.legacy', { path: legacy.path })),
        button(t('wizard.welcome.useLegacy'), () => void importLegacy(), { id: 'use-legacy' }),
      ),
    );
  }
  lines.push(
    h(
      'div',
      { class: 'why' },
      h('p', {}, t('wizard.welcome.whyToken')),
      found.length ? h('p', {}, t('wizard.welcome.whyTokenFound')) : null,
    ),
  );
  lines.push(
    actions(
      ui.setup?.accounts.length ? button(t('wizard.back'), () => go('stored')) : null,
      button(t('wizard.welcome.createToken'), () => go('create'), { primary: true, id: 'create-token' }),
    ),
  );
  return lines;
}

async function useFound(source: CredentialSourceId): Promise<void> {
  const r = await call(
    api().useFound({ source }),
    t('wizard.welcome.usingFound', { app: sourceName(source) }),
  );
  if (r.ok) {
    ui.found = { source, snapshot: r.value.snapshot };
    ui.saved = null;
    go('done');
  } else render(false);
}

async function importLegacy(): Promise<void> {
  const r = await call(api().importLegacy(), t('wizard.paste.checking'));
  ui.importedLegacy = r.ok;
  if (r.ok) afterCheck(r.value);
  else render(false);
}
