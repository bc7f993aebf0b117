/** Messages of the cli area. Keys are prefixed 'cli.'. */
import { defineMessages } from './catalog';

export const cli = defineMessages(
  {
    'cli.placeholder': '',
  },
  {
    zh: { 'cli.placeholder': '' },
    fr: { 'cli.placeholder': '' },
  },
);
