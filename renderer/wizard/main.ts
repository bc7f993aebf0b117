/**
 * The setup wizard: Welcome → Create token → Paste → Plan → Done (or "Your token" when one is stored).
 * Plain DOM, one render function per step, state in one object. Talks to main only via window.copilotMeter.
 * The pasted token lives only in the password field until it is sent to main once; it is never put in state,
 * and the field is emptied as soon as main has it.
 */
import {
  PLAN_IDS,
  type CredentialSourceId,
  type PlanId,
  type Unit,
  type UsageSnapshot,
} from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';
import {
  createTranslator,
  describeError,
  isLang,
  pickLanguage,
  type Lang,
  type Translator,
} from '../../shared/i18n';
import { LANGS } from '../../shared/i18n/catalog';
import {
  MAX_ADDRESS_LENGTH,
  MAX_ALLOWANCE,
  MIN_ALLOWANCE,
  SETUP_REFUSAL,
  tokenShape,
  validateToken,
  type FoundCredential,
  type Result,
  type SaveResult,
  type SetupState,
  type TokenCheckView,
} from '../../shared/ipc';
import { allowanceFor, plansFor } from '../../shared/plans';
import { percentLeft } from '../../shared/format';
import { api } from './bridge';
import { append, h } from './dom';
import { formatDate, percentLine, seatLines, unitName, usedLine } from './format';

type Step = 'welcome' | 'stored' | 'create' | 'paste' | 'plan' | 'done';
const STEP_NUMBER: Partial<Record<Step, number>> = { welcome: 1, create: 2, paste: 3, plan: 4, done: 5 };
const TOTAL_STEPS = 5;
type Status = { kind: 'info' | 'ok' | 'error' | 'busy'; text: string } | null;

interface UiState {
  step: Step;
  setup: SetupState | null;
  /** The user's choice; null = follow the OS. */
  langChoice: Lang | null;
  check: TokenCheckView | null;
  saved: SaveResult | null;
  found: { source: CredentialSourceId; snapshot: UsageSnapshot } | null;
  status: Status;
  busy: boolean;
  tokenVisible: boolean;
  plan: PlanId | 'custom' | null;
  customAllowance: string;
  legacyNote: string | null;
  /** The token being checked/saved came from the legacy file (not pasted): only then may Done offer to delete it. */
  importedLegacy: boolean;
  /** The last save failed in the keychain: offer "Try again" and "Keep for this session only". */
  keychainFailed: boolean;
  /** The "GitHub Enterprise?" disclosure is open. */
  serverOpen: boolean;
  /** Why main refused the typed GitHub address, shown under that field (translated when drawn); null = none. */
  serverError: ErrorInfo | null;
  /** The address main last accepted (or the configured one): a different typed one is sent before it is used. */
  serverApplied: string;
}

const ui: UiState = {
  step: 'welcome',
  setup: null,
  langChoice: null,
  check: null,
  saved: null,
  found: null,
  status: null,
  busy: false,
  tokenVisible: false,
  plan: null,
  customAllowance: '',
  legacyNote: null,
  importedLegacy: false,
  keychainFailed: false,
  serverOpen: false,
  serverError: null,
  serverApplied: '',
};

let tr: Translator = createTranslator(osLanguage());
const t: Translator['t'] = (k, p) => tr.t(k, p);

function osLanguage(): Lang {
  return pickLanguage([...(navigator.languages ?? []), navigator.language]);
}

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

/** The GitHub address field, kept across re-renders and steps (Create and Paste both show it). */
const serverInput = h('input', {
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

const root = (): HTMLElement => document.getElementById('app')!;

function setLang(): void {
  const lang = ui.langChoice ?? osLanguage();
  tr = createTranslator(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  document.title = t('wizard.title');
}

function go(step: Step): void {
  ui.step = step;
  ui.status = null;
  ui.keychainFailed = false;
  render(true);
}

function errorText(e: ErrorInfo): string {
  // Main's refusals of a legacy-file action carry a code (main does not know the page's language).
  if (e.kind === 'config' && e.reason === 'badInput') {
    if (e.detail === SETUP_REFUSAL.legacyOtherServer) {
      return t('wizard.legacy.otherServer', { host: ui.setup?.webHost ?? '' });
    }
    if (e.detail === SETUP_REFUSAL.legacyNotInKeychain) return t('wizard.done.legacyKept');
  }
  return describeError(e, tr);
}

/**
 * The control that was focused when an action started. Its button is disabled while main answers, which drops
 * focus to the page; the next render after the answer puts it back there (unless the step changed or the
 * caller moved focus on purpose).
 */
let focusAfterBusy: string | null = null;

/** id of the focused element; null for the page itself. */
function focusedId(): string | null {
  const el = document.activeElement;
  return el && el !== document.body && el.id ? el.id : null;
}

async function call<T>(p: Promise<Result<T>>, busyText?: string): Promise<Result<T>> {
  focusAfterBusy = focusedId();
  ui.busy = true;
  if (busyText) ui.status = { kind: 'busy', text: busyText };
  render(false);
  try {
    const r = await p;
    if (!r.ok) ui.status = { kind: 'error', text: errorText(r.error) };
    else if (busyText) ui.status = null;
    return r;
  } finally {
    ui.busy = false;
  }
}

// ---- header: title, step, language ----

function header(): HTMLElement {
  const select = h(
    'select',
    {
      id: 'lang',
      'aria-label': t('wizard.language'),
      onchange: (e: Event) => void changeLanguage((e.target as HTMLSelectElement).value),
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

async function changeLanguage(v: string): Promise<void> {
  const language = isLang(v) ? v : null;
  ui.langChoice = language;
  setLang();
  render(false);
  document.getElementById('lang')?.focus();
  await api().setLanguage({ language });
}

// ---- steps ----

function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, id: 'step-title' }, text);
}

function button(
  label: string,
  onClick: () => void,
  opts: { primary?: boolean; id?: string; aria?: string } = {},
) {
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

function sourceName(s: CredentialSourceId): string {
  return t(`wizard.source.${s}`);
}

function foundLine(f: FoundCredential): string {
  return f.login
    ? t('wizard.welcome.foundLogin', { app: sourceName(f.source), login: f.login })
    : t('wizard.welcome.found', { app: sourceName(f.source) });
}

function welcome(): HTMLElement[] {
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

function stored(): HTMLElement[] {
  const accounts = ui.setup?.accounts ?? [];
  return [
    heading(t('wizard.stored.title')),
    h(
      'ul',
      { class: 'accounts', id: 'accounts' },
      ...accounts.map((a, i) => {
        const date = formatDate(tr, a.tokenExpiresAt);
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

function create(): HTMLElement[] {
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

/**
 * "GitHub Enterprise?": a collapsed disclosure with the user's GitHub address. Main normalises what is typed and
 * answers with the web host tokens are created on; its refusal (plain http, not a URL) is shown under the field.
 * No <form> of its own: on the Paste step it sits inside the token form, so Enter is handled here.
 */
function serverBox(): HTMLElement {
  serverInput.disabled = ui.busy;
  serverInput.setAttribute('aria-invalid', ui.serverError ? 'true' : 'false');
  serverInput.onkeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void applyServer();
  };
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

function paste(): HTMLElement[] {
  tokenInput.type = ui.tokenVisible ? 'text' : 'password';
  tokenInput.disabled = ui.busy;
  tokenInput.setAttribute('aria-invalid', ui.status?.kind === 'error' ? 'true' : 'false');
  tokenInput.oninput = () => {
    document.getElementById('token-shape')?.replaceWith(shapeHint());
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

function planRadio(value: PlanId | 'custom', label: string, onChosen?: () => void): HTMLElement {
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
        render(false);
        onChosen?.();
      },
    }),
    h('span', {}, label),
  );
}

/** "Custom allowance" and, when chosen, its number field: offered whether or not the plan was detected. */
function customAllowance(unit: Unit | null): { radio: HTMLElement; field: HTMLElement | null } {
  const radio = planRadio('custom', t('wizard.plan.custom'), () =>
    document.getElementById('custom-allowance')?.focus(),
  );
  const field =
    ui.plan === 'custom'
      ? h(
          'div',
          { class: 'custom' },
          h(
            'label',
            { for: 'custom-allowance' },
            unit ? t('wizard.plan.customLabel', { unit: unitName(tr, unit) }) : t('wizard.plan.allowance'),
          ),
          h('input', {
            id: 'custom-allowance',
            type: 'number',
            min: MIN_ALLOWANCE,
            max: MAX_ALLOWANCE,
            step: 'any',
            inputmode: 'decimal',
            value: ui.customAllowance,
            oninput: (e: Event) => {
              ui.customAllowance = (e.target as HTMLInputElement).value;
            },
          }),
        )
      : null;
  return { radio, field };
}

function plan(): HTMLElement[] {
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
                allowance: tr.num(allowance),
                unit: unitName(tr, unit),
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
              allowance: tr.num(allowance),
              unit: unitName(tr, unit),
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

/** The bar's fill. Width goes through CSSOM: the CSP (style-src 'self') blocks inline style attributes. */
function fill(left: number): HTMLElement {
  const el = h('div', { class: `fill ${left < 10 ? 'low' : left < 25 ? 'mid' : ''}` });
  el.style.width = `${Math.min(100, Math.max(0, left))}%`;
  return el;
}

function reading(s: UsageSnapshot): HTMLElement {
  const left = percentLeft(s);
  const pct = percentLine(tr, s);
  const reset = formatDate(tr, s.resetAt);
  const models = s.models.slice(0, 5);
  return h(
    'section',
    { class: 'reading', id: 'reading', 'aria-label': t(`unit.${s.unit}.title`) },
    h('p', { class: 'big', id: 'reading-used' }, usedLine(tr, s)),
    left === null
      ? null
      : h(
          'div',
          {
            class: 'bar',
            role: 'meter',
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-valuenow': Math.round(left),
            'aria-label': pct ?? '',
          },
          fill(left),
        ),
    pct ? h('p', { id: 'reading-percent' }, pct) : null,
    ...seatLines(tr, s).map((line, i) => h('p', { id: `reading-seat-${i}` }, line)),
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
              h('li', {}, h('span', {}, m.model), h('span', { class: 'num' }, tr.num(m.used, 2))),
            ),
          ),
        )
      : null,
  );
}

function done(): HTMLElement[] {
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
  out.push(actions(button(t('wizard.close'), () => void close(), { primary: true, id: 'close' })));
  return out;
}

/** The step's footer: the live status line just above its buttons, so messages sit next to the action. */
function actions(...buttons: Array<HTMLElement | null>): HTMLElement {
  return actionsWithNote(null, ...buttons);
}

/** A footer with a note between the status and the buttons (e.g. what "session only" means). */
function actionsWithNote(note: HTMLElement | null, ...buttons: Array<HTMLElement | null>): HTMLElement {
  return h('div', { class: 'footer' }, statusRegion(), note, h('div', { class: 'actions' }, ...buttons));
}

/** A footer with buttons only, for a step that shows its status elsewhere (the Paste step, under the field). */
function buttonsOnly(...buttons: Array<HTMLElement | null>): HTMLElement {
  return h('div', { class: 'footer' }, h('div', { class: 'actions' }, ...buttons));
}

function statusRegion(place: 'footer' | 'inline' = 'footer'): HTMLElement {
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

const STEPS: Record<Step, () => HTMLElement[]> = { welcome, stored, create, paste, plan, done };

/** Redraws the current step. `moveFocus` is true when the step changed: focus then goes to the step's start. */
function render(moveFocus: boolean): void {
  const app = root();
  const active = focusedId() ?? (ui.busy ? null : focusAfterBusy);
  if (!ui.busy || moveFocus) focusAfterBusy = null;
  app.replaceChildren(
    header(),
    h('main', { class: `step step-${ui.step}`, 'aria-labelledby': 'step-title' }, ...STEPS[ui.step]()),
  );
  if (moveFocus) focusStep();
  else if (active) document.getElementById(active)?.focus();
}

function focusStep(): void {
  const first: Partial<Record<Step, string>> = {
    welcome: 'create-token',
    paste: 'token',
    create: 'open-template',
    done: 'close',
    stored: 'close',
  };
  const id = first[ui.step];
  const el = (id && document.getElementById(id)) || document.getElementById('step-title');
  el?.focus();
}

// ---- actions ----

async function refreshState(): Promise<void> {
  const r = await api().getState();
  if (r.ok) ui.setup = r.value;
  else ui.status = { kind: 'error', text: errorText(r.error) };
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

function afterCheck(v: TokenCheckView): void {
  ui.check = v;
  ui.plan = v.plan;
  go('plan');
}

/** A refused address in the user's language: "not a URL" has its own message, the rest come from core. */
function serverErrorText(e: ErrorInfo): string {
  return e.kind === 'config' && e.reason === 'badInput' && !e.token
    ? t('wizard.server.invalid')
    : describeError(e, tr);
}

/** Sends the typed GitHub address to main; false (and the reason under the field) when main refused it. */
async function applyServer(): Promise<boolean> {
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
async function serverReady(): Promise<boolean> {
  if (serverInput.value.trim() === ui.serverApplied && !ui.serverError) return true;
  return applyServer();
}

async function checkToken(): Promise<void> {
  if (!(await serverReady())) return;
  const valid = validateToken(tokenInput.value);
  if (!valid.ok) {
    ui.status = { kind: 'error', text: errorText(valid.error) };
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
    render(false);
    tokenInput.focus();
  }
}

async function importLegacy(): Promise<void> {
  const r = await call(api().importLegacy(), t('wizard.paste.checking'));
  ui.importedLegacy = r.ok;
  if (r.ok) afterCheck(r.value);
  else render(false);
}

async function save(sessionOnly = false): Promise<void> {
  const detected = ui.check?.planDetected && ui.check.plan ? ui.check.plan : null;
  let planId: PlanId | null = detected;
  let allowance: number | null = null;
  if (ui.plan === 'custom') {
    const n = Number(ui.customAllowance.replace(',', '.'));
    // The same range main's validator accepts (shared/ipc.ts), so the user hears it here, in their language.
    if (!ui.customAllowance.trim() || !Number.isFinite(n) || n < MIN_ALLOWANCE || n > MAX_ALLOWANCE) {
      ui.status = {
        kind: 'error',
        text: t('wizard.plan.invalid', { min: tr.num(MIN_ALLOWANCE), max: tr.num(MAX_ALLOWANCE) }),
      };
      render(false);
      document.getElementById('custom-allowance')?.focus();
      return;
    }
    allowance = n;
  } else if (!detected) {
    if (ui.plan) planId = ui.plan;
    else {
      ui.status = { kind: 'error', text: t('wizard.plan.pick') };
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

async function deleteLegacy(): Promise<void> {
  const r = await call(api().deleteLegacy());
  if (r.ok) ui.legacyNote = r.value.deleted ? t('wizard.done.legacyDeleted') : t('wizard.done.legacyGone');
  render(false);
  if (r.ok) document.getElementById('close')?.focus();
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

async function openExternal(target: 'newTokenTemplate' | 'tokensPage'): Promise<void> {
  if (!(await serverReady())) return;
  // A target id, not a URL: main maps it to an allowlisted github.com (or GHE) page.
  const r = await call(api().openExternal({ target })); // eng-disable OPEN_EXTERNAL_JS_CHECK
  if (r.ok && r.value.opened) ui.status = { kind: 'info', text: t('wizard.create.opened') };
  render(false);
}

async function close(): Promise<void> {
  await api().close();
}

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || ui.busy) return;
  const back: Partial<Record<Step, Step>> = {
    create: ui.setup?.accounts.length ? 'stored' : 'welcome',
    paste: 'create',
    plan: 'paste',
  };
  const to = back[ui.step];
  if (to) {
    e.preventDefault();
    go(to);
  } else if (ui.step === 'done' || ui.step === 'stored') {
    e.preventDefault();
    void close();
  }
}

/**
 * A configured Enterprise server is shown in the field (by its web host, which normalises back to the same API;
 * a plain-http loopback API as it is, since a bare host would become https). The disclosure stays collapsed.
 */
function prefillServer(): void {
  const s = ui.setup;
  if (!s || s.webHost === 'github.com') return;
  const shown = s.apiUrl.startsWith('http:') ? s.apiUrl : s.webHost;
  serverInput.value = shown;
  ui.serverApplied = shown;
}

async function start(): Promise<void> {
  setLang();
  root().replaceChildren(h('p', { class: 'loading', role: 'status' }, t('wizard.loading')));
  await refreshState();
  ui.langChoice = ui.setup?.language ?? null;
  prefillServer();
  setLang();
  ui.step = ui.setup?.accounts.length ? 'stored' : 'welcome';
  render(true);
  document.addEventListener('keydown', onKey);
}

void start();
