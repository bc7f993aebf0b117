/** Step 5, All set: where the token went, the first reading, the legacy file's fate, and the Usage window. */
import type { UsageSnapshot } from '../../../shared/domain';
import { percentLeft, roundPercent } from '../../../shared/format';
import { api } from '../../kit/bridge';
import { h } from '../../kit/dom';
import { t, tr } from '../../kit/i18n';
import { formatDate, percentLine, seatLines, usedLine } from '../format';
import { call, close, render } from '../nav';
import { actions, button, heading } from '../parts';
import { errorText, sourceName, ui } from '../state';

/** The bar's fill. Width goes through CSSOM: the CSP (style-src 'self') blocks inline style attributes. */
function fill(left: number): HTMLElement {
  const el = h('div', { class: `fill ${left < 10 ? 'low' : left < 25 ? 'mid' : ''}` });
  el.style.width = `${Math.min(100, Math.max(0, left))}%`;
  return el;
}

function reading(s: UsageSnapshot): HTMLElement {
  const left = percentLeft(s);
  const pct = percentLine(tr(), s);
  const reset = formatDate(tr(), s.resetAt);
  const models = s.models.slice(0, 5);
  return h(
    'section',
    { class: 'reading', id: 'reading', 'aria-label': t(`unit.${s.unit}.title`) },
    h('p', { class: 'big', id: 'reading-used' }, usedLine(tr(), s)),
    left === null
      ? null
      : h(
          'div',
          {
            class: 'bar',
            role: 'meter',
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            // What a screen reader announces: the same rounded-down share as the text beside it.
            'aria-valuenow': roundPercent(left),
            'aria-label': pct ?? '',
          },
          fill(left),
        ),
    pct ? h('p', { id: 'reading-percent' }, pct) : null,
    ...seatLines(tr(), s).map((line, i) => h('p', { id: `reading-seat-${i}` }, line)),
    reset ? h('p', { class: 'muted' }, t('wizard.done.resets', { date: reset })) : null,
    models.length
      ? h(
          'div',
          { class: 'models' },
          h('h2', {}, t('wizard.done.models')),
          h(
            'ul',
            {},
            ...models.map((m) =>
              h('li', {}, h('span', {}, m.model), h('span', { class: 'num' }, tr().num(m.used, 2))),
            ),
          ),
        )
      : null,
  );
}

export function done(): HTMLElement[] {
  const out: HTMLElement[] = [heading(t('wizard.done.title'))];
  const saved = ui.saved;
  const snapshot = saved?.snapshot ?? ui.found?.snapshot ?? null;
  if (saved) {
    const session = saved.account.store === 'session';
    // Session-only is a caveat (asked again after a restart), so it is not shown in the "all good" colour.
    out.push(
      h(
        'p',
        { class: session ? 'warn' : 'ok', id: 'saved-where' },
        session ? t('wizard.done.savedMemory') : t('wizard.done.savedKeychain'),
      ),
    );
    out.push(
      h(
        'p',
        { class: 'account' },
        t('wizard.stored.token', { login: saved.account.login, hint: saved.account.tokenHint }),
      ),
    );
  } else if (ui.found) {
    out.push(h('p', { class: 'ok' }, t('wizard.done.usingFound', { app: sourceName(ui.found.source) })));
  }
  if (snapshot) out.push(reading(snapshot));
  if (saved?.refreshError && !saved.snapshot) {
    out.push(h('p', { class: 'error' }, `${t('wizard.done.noReading')} ${errorText(saved.refreshError)}`));
  }
  const legacy = ui.setup?.legacy;
  // Only the legacy file's own token, saved in the keychain, makes the file redundant: after a session-only save
  // or a different token, the file is still the only lasting copy (main refuses too; this avoids offering it).
  const deletable = saved?.account.store === 'keychain' && ui.importedLegacy;
  if (deletable && legacy && !ui.legacyNote) {
    out.push(
      h(
        'div',
        { class: 'note' },
        h('p', {}, t('wizard.done.legacy', { path: legacy.path })),
        button(t('wizard.done.deleteLegacy'), () => void deleteLegacy(), { id: 'delete-legacy' }),
      ),
    );
  } else if (ui.legacyNote) {
    out.push(h('p', { class: 'ok' }, ui.legacyNote));
  }
  out.push(
    actions(
      // The month at a glance (chart, models, earlier months) lives in the Usage window.
      snapshot ? button(t('usage.open'), () => void call(api().openUsage()), { id: 'open-usage' }) : null,
      button(t('wizard.close'), () => void close(), { primary: true, id: 'close' }),
    ),
  );
  return out;
}

async function deleteLegacy(): Promise<void> {
  const r = await call(api().deleteLegacy());
  if (r.ok) ui.legacyNote = r.value.deleted ? t('wizard.done.legacyDeleted') : t('wizard.done.legacyGone');
  render(false);
  if (r.ok) document.getElementById('close')?.focus();
}
