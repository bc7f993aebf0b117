/**
 * The wizard's steps and how they connect: Welcome → Create token → Paste → Plan → Done, or "Your token" when a
 * token is stored. Each step is drawn by one file in screens/; this file only knows their order.
 */
export type Step = 'welcome' | 'stored' | 'create' | 'paste' | 'plan' | 'done';

/** "Step n of 5" in the header; "Your token" is outside the numbered path. */
export const STEP_NUMBER: Partial<Record<Step, number>> = {
  welcome: 1,
  create: 2,
  paste: 3,
  plan: 4,
  done: 5,
};
export const TOTAL_STEPS = 5;

/** Where focus goes when a step opens; the step's heading otherwise. */
export const FIRST_FOCUS: Partial<Record<Step, string>> = {
  welcome: 'create-token',
  paste: 'token',
  create: 'open-template',
  done: 'close',
  stored: 'close',
};

/** Where Escape (and Back) lead from a step; `hasAccounts` = a token is stored, so "Your token" comes first. */
export function previousStep(step: Step, hasAccounts: boolean): Step | null {
  switch (step) {
    case 'create':
      return hasAccounts ? 'stored' : 'welcome';
    case 'paste':
      return 'create';
    case 'plan':
      return 'paste';
    default:
      return null;
  }
}
