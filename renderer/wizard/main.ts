/**
 * The setup wizard's entry: Welcome → Create token → Paste → Plan → Done (or "Your token" when one is stored).
 * Plain DOM, one file per screen in screens/, the step order in steps.ts, drawing and navigation in nav.ts, state
 * in one object (state.ts). Talks to main only via window.copilotMeter (kit/bridge.ts).
 */
import { h } from '../kit/dom';
import { t } from '../kit/i18n';
import { onKey, refreshState, registerScreens, render, setLang } from './nav';
import { create } from './screens/create';
import { done } from './screens/done';
import { paste } from './screens/paste';
import { plan } from './screens/plan';
import { prefillServer } from './screens/server';
import { stored } from './screens/stored';
import { welcome } from './screens/welcome';
import { ui } from './state';

registerScreens({ welcome, stored, create, paste, plan, done });

async function start(): Promise<void> {
  setLang();
  document
    .getElementById('app')!
    .replaceChildren(h('p', { class: 'loading', role: 'status' }, t('wizard.loading')));
  await refreshState();
  ui.langChoice = ui.setup?.language ?? null;
  prefillServer();
  setLang();
  ui.step = ui.setup?.accounts.length ? 'stored' : 'welcome';
  render(true);
  document.addEventListener('keydown', onKey);
}

void start();
