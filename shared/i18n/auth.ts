/** Messages of the auth area. Keys are prefixed 'auth.'. */
import { defineMessages } from './catalog';

export const auth = defineMessages(
  {
    'auth.placeholder': '',
  },
  {
    zh: { 'auth.placeholder': '' },
    fr: { 'auth.placeholder': '' },
  },
);
