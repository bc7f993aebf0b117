/**
 * Shows alert notices as system notifications; a click runs the notice's action (open setup / billing page).
 * Do-not-disturb: Electron 41 exposes no API to read it (no focus-assist / DND query in its types), so the app
 * leaves it to the OS, which holds back or silences notifications itself while DND / Focus is on.
 */
import type { Notice } from '../core/alerts';
import type { ElectronApi, NotificationLike } from './electron-api';

export interface Notifier {
  show(notice: Notice): boolean;
}

export function createNotifier(api: ElectronApi, onClick: (action: Notice['action']) => void): Notifier {
  // Notifications are garbage-collected (and their click handlers lost) unless something holds them.
  const live = new Set<NotificationLike>();
  return {
    show(notice) {
      if (!api.notifications.isSupported()) return false;
      const n = api.notifications.create({ title: notice.title, body: notice.body });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        onClick(notice.action);
      });
      n.show();
      // Drop the reference eventually even when never clicked.
      setTimeout(() => live.delete(n), 10 * 60_000).unref?.();
      return true;
    },
  };
}
