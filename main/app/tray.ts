/**
 * Copies a TrayView onto the system tray: icon (1× and 2× from the renderer; on macOS a text title too, and a
 * template image while nothing is wrong), tooltip (the compact one on Windows) and context menu. Nothing is decided here; see main/core/tray-model.ts.
 */
import { encodePng, paceCells, renderIcon, usesTemplateImage } from '../core/icon/render';
import type { MenuItemModel, TrayAction, TrayView } from '../core/tray-model';
import type { ElectronApi, ImageLike, MenuItemTemplate, TrayLike } from './electron-api';

export interface TrayPresenter {
  render(view: TrayView): void;
  /** The last view rendered (the e2e test hook reads it). */
  current(): TrayView | null;
  destroy(): void;
}

/** macOS: a template image for calm levels, the coloured badge for warnings (see usesTemplateImage). */
export function trayImage(
  api: ElectronApi,
  label: string,
  level: TrayView['level'],
  pace: TrayView['iconPace'] = null,
): ImageLike {
  const template = api.platform === 'darwin' && usesTemplateImage(level);
  const image = api.imageFromPng(encodePng(renderIcon({ label, level, scale: 1, template, pace })));
  image.addRepresentation({
    scaleFactor: 2,
    buffer: encodePng(renderIcon({ label, level, scale: 2, template, pace })),
  });
  if (template) image.setTemplateImage(true);
  return image;
}

export function menuTemplate(
  items: MenuItemModel[],
  onAction: (action: TrayAction) => void,
  platform: ElectronApi['platform'],
): MenuItemTemplate[] {
  // macOS menus have no mnemonics: drop single '&' and keep literal ones ('&&' → '&').
  const label = (l: string) => (platform === 'darwin' ? l.replace(/&(&?)/g, '$1') : l);
  return items.map((item) => {
    const t: MenuItemTemplate = { id: item.id, type: item.type };
    if (item.label !== undefined) t.label = label(item.label);
    if (item.enabled !== undefined) t.enabled = item.enabled;
    if (item.checked !== undefined) t.checked = item.checked;
    if (item.accelerator !== undefined) t.accelerator = item.accelerator;
    const action = item.action;
    if (action) t.click = () => onAction(action);
    if (item.submenu) t.submenu = menuTemplate(item.submenu, onAction, platform);
    return t;
  });
}

export function createTrayPresenter(api: ElectronApi, onAction: (action: TrayAction) => void): TrayPresenter {
  let tray: TrayLike | null = null;
  let last: TrayView | null = null;
  let lastIcon = '';
  return {
    render(view) {
      const p = view.iconPace ? paceCells(view.iconPace) : null;
      const iconKey = `${view.iconLabel}|${view.level}|${p ? `${p.tick}.${p.bar}` : ''}`;
      if (!tray) {
        tray = api.createTray(trayImage(api, view.iconLabel, view.level, view.iconPace));
        // A left click shows nothing by default on Windows; people expect the menu there too.
        const t = tray;
        if (api.platform === 'win32') t.on('click', () => t.popUpContextMenu());
      } else if (iconKey !== lastIcon) {
        tray.setImage(trayImage(api, view.iconLabel, view.level, view.iconPace));
      }
      lastIcon = iconKey;
      if (api.platform === 'darwin') tray.setTitle(view.title);
      // Windows would cut the full tooltip mid-line and lose the problem and the update time.
      tray.setToolTip(api.platform === 'win32' ? view.compactTooltip : view.tooltip);
      tray.setContextMenu(api.buildMenu(menuTemplate(view.menu, onAction, api.platform)));
      last = view;
    },
    current: () => last,
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
