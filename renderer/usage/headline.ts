/**
 * The headline: used / allowance (or the seat's own words for pool, budget and hidden seats), percent, the reset
 * countdown, money when GitHub priced it, the last refresh and any problem.
 */
import { describeError } from '../../shared/i18n';
import type { UsageHeadline, UsageView } from '../../shared/usage';
import { h } from '../kit/dom';
import { unitName } from '../kit/format';
import { t, tr } from '../kit/i18n';
import { roundPercent } from '../../shared/format';
import { amount, duration, usd, when } from './format';

function orgWords(hl: UsageHeadline, named: Parameters<typeof t>[0], any: Parameters<typeof t>[0]): string {
  const org = hl.organizations[0];
  return org ? t(named, { org }) : t(any);
}

function usedLine(hl: UsageHeadline): string | null {
  if (hl.used === null) return null;
  const unit = unitName(tr(), hl.unit);
  const used = amount(tr(), hl.used);
  if (hl.unlimited) return t('usage.usedUnlimited', { used, unit });
  if (hl.allowance === null) return t('usage.usedNoCap', { used, unit });
  return t('usage.used', { used, allowance: tr().num(hl.allowance), unit });
}

function seatLine(hl: UsageHeadline): string | null {
  switch (hl.seat) {
    case 'pool':
      return orgWords(hl, 'usage.seat.pool', 'usage.seat.poolAny');
    case 'budget':
      return orgWords(hl, 'usage.seat.budget', 'usage.seat.budgetAny');
    case 'hidden':
      return orgWords(hl, 'usage.seat.hidden', 'usage.seat.hiddenAny');
    default:
      return null;
  }
}

export function headline(view: UsageView): HTMLElement {
  const hl = view.headline;
  const now = Date.parse(view.now);
  const section = h('section', { class: 'headline', id: 'headline', 'aria-labelledby': 'title' });
  section.append(
    h('h1', { id: 'title', tabindex: -1 }, t('usage.title')),
    hl
      ? h('p', { class: 'account', id: 'account' }, t('usage.account', { login: hl.login, host: hl.host }))
      : '',
  );
  if (!hl) {
    section.append(h('p', { class: 'big', id: 'no-reading' }, t('usage.noReading')));
  } else {
    const over = hl.used !== null && hl.allowance !== null && !hl.unlimited && hl.used > hl.allowance;
    const used = usedLine(hl);
    const seat = seatLine(hl);
    const facts = h('div', { class: 'facts' });
    if (used) facts.append(h('p', { class: `big ${over ? 'over' : ''}`, id: 'used' }, used));
    if (seat) facts.append(h('p', { class: hl.seat === 'hidden' ? 'big' : 'seat', id: 'seat' }, seat));
    // What a hidden seat means and who can change it, as the tray and the CLI say it.
    if (hl.seat === 'hidden') facts.append(h('p', { class: 'seat', id: 'seat-why' }, t('seat.hidden.why')));
    const line: string[] = [];
    // The share used is rounded down, like the tray, the CLI and the wizard: 72.5 % is "72 %", never "73 %".
    if (hl.percentUsed !== null)
      line.push(t('usage.percent', { percent: tr().num(roundPercent(hl.percentUsed), 0) }));
    if (over)
      line.push(
        t('usage.over', { over: amount(tr(), hl.used! - hl.allowance!), unit: unitName(tr(), hl.unit) }),
      );
    if (hl.resetAt && Date.parse(hl.resetAt) > now)
      line.push(t('usage.resetsIn', { time: duration(tr(), Date.parse(hl.resetAt) - now) }));
    if (line.length)
      facts.append(h('p', { class: over ? 'percent over' : 'percent', id: 'percent' }, line.join(' · ')));
    if (hl.gross !== null && hl.billed !== null)
      facts.append(
        h(
          'p',
          { class: 'muted', id: 'money' },
          t('usage.money', { gross: usd(tr(), hl.gross), billed: usd(tr(), hl.billed) }),
        ),
      );
    section.append(facts);
  }
  const status = h('div', { class: 'status', id: 'refresh' });
  if (view.problem) {
    status.append(
      h(
        'p',
        { class: 'error', id: 'problem', role: 'alert' },
        describeError(view.problem, tr()),
        view.readAt ? ` ${t('usage.stale', { time: when(tr(), view.readAt) })}` : '',
      ),
    );
  }
  const last = view.lastAttemptAt ?? view.readAt;
  if (last)
    status.append(h('p', { class: 'muted', id: 'updated' }, t('usage.updated', { time: when(tr(), last) })));
  section.append(status);
  return section;
}
