/** Messages of the wizard area. Keys are prefixed 'wizard.'. */
import { defineMessages } from './catalog';

export const wizard = defineMessages(
  {
    'wizard.placeholder': '',
  },
  {
    zh: { 'wizard.placeholder': '' },
    fr: { 'wizard.placeholder': '' },
  },
);
