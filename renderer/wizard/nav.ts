/**
 * Navigation and drawing: which screen is shown, redrawing it, where focus goes, Escape, and the busy state of a
 * call to main. Screens register themselves here (main.ts), so this file imports none of them.
 */
import { isLang } from '../../shared/i18n';
import type { Result, TokenCheckView } from '../../shared/ipc';
import { api } from '../kit/bridge';
import { focusedId, h } from '../kit/dom';
import { applyLanguage, t } from '../kit/i18n';
import { header } from './parts';
import { errorText, ui } from './state';
import { FIRST_FOCUS, previousStep, type Step } from './steps';

export type Screen = () => HTMLElement[];
const screens: Partial<Record<Step, Screen>> = {};

export function registerScreens(all: Record<Step, Screen>): void {
  Object.assign(screens, all);
}

/** Handlers for keys a screen wants before the wizard's own (the Enterprise field's Escape). */
type KeyHook = (e: KeyboardEvent) => boolean;
const keyHooks: KeyHook[] = [];
export const onKeyFirst = (hook: KeyHook): void => void keyHooks.push(hook);

export function setLang(): void {
  applyLanguage(ui.langChoice);
  document.title = t('wizard.title');
}

export function go(step: Step): void {
  ui.step = step;
  ui.status = null;
  ui.keychainFailed = false;
  render(true);
}

/**
 * The control that was focused when an action started. Its button is disabled while main answers, which drops
 * focus to the page; the next render after the answer puts it back there (unless the step changed or the
 * caller moved focus on purpose).
 */
let focusAfterBusy: string | null = null;

/** Runs a call to main with the controls disabled; a failure becomes the status line's error. */
export async function call<T>(p: Promise<Result<T>>, busyText?: string): Promise<Result<T>> {
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

const root = (): HTMLElement => document.getElementById('app')!;

/** Redraws the current step. `moveFocus` is true when the step changed: focus then goes to the step's start. */
export function render(moveFocus: boolean): void {
  const app = root();
  const active = focusedId() ?? (ui.busy ? null : focusAfterBusy);
  if (!ui.busy || moveFocus) focusAfterBusy = null;
  const screen = screens[ui.step];
  app.replaceChildren(
    header((v) => void changeLanguage(v)),
    h(
      'main',
      { class: `step step-${ui.step}`, 'aria-labelledby': 'step-title' },
      ...(screen ? screen() : []),
    ),
  );
  if (moveFocus) focusStep();
  else if (active) document.getElementById(active)?.focus();
}

function focusStep(): void {
  const id = FIRST_FOCUS[ui.step];
  const el = (id && document.getElementById(id)) || document.getElementById('step-title');
  el?.focus();
}

async function changeLanguage(v: string): Promise<void> {
  const language = isLang(v) ? v : null;
  ui.langChoice = language;
  setLang();
  render(false);
  document.getElementById('lang')?.focus();
  await api().setLanguage({ language });
}

export async function refreshState(): Promise<void> {
  const r = await api().getState();
  if (r.ok) ui.setup = r.value;
  else ui.status = { kind: 'error', text: errorText(r.error) };
}

/** A token was checked (pasted or imported): on to the plan. */
export function afterCheck(v: TokenCheckView): void {
  ui.check = v;
  ui.plan = v.plan;
  go('plan');
}

export async function close(): Promise<void> {
  await api().close();
}

/** Escape goes one step back (or closes the last step), unless a screen handled it first. */
export function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || ui.busy || e.isComposing) return;
  if (keyHooks.some((hook) => hook(e))) return;
  const to = previousStep(ui.step, Boolean(ui.setup?.accounts.length));
  if (to) {
    e.preventDefault();
    go(to);
  } else if (ui.step === 'done' || ui.step === 'stored') {
    e.preventDefault();
    void close();
  }
}
