/** Messages of the tray area. Keys are prefixed 'tray.'. */
import { defineMessages } from './catalog';

export const tray = defineMessages(
  {
    'tray.placeholder': '',
  },
  {
    zh: { 'tray.placeholder': '' },
    fr: { 'tray.placeholder': '' },
  },
);
