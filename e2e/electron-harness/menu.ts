/**
 * The stand-in's `Menu`: `buildFromTemplate` checks the template the way Electron does (every item needs a label,
 * a role, a submenu or type 'separator'; roles must be known) and `setApplicationMenu` records it. Clicking an item
 * (a spec's request) calls its `click` as Electron would: with the item, the focused window and the event.
 */
import { BrowserWindow } from './browser-window';
import type { MenuItemRecord } from './protocol';
import { records } from './recorder';

interface TemplateItem {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  submenu?: TemplateItem[] | MenuStandIn;
  click?: (item: unknown, window: unknown, event: unknown) => void;
}

// The roles Lectio's menu uses, from Electron's documented list; an unknown role throws as Electron's does.
const KNOWN_ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'windowMenu',
  'shareMenu',
  'recentDocuments',
  'front',
  'zoom',
]);

class MenuStandIn {
  constructor(readonly items: TemplateItem[]) {}
}

function check(items: TemplateItem[]): void {
  for (const item of items) {
    if (item.role && !KNOWN_ROLES.has(item.role)) throw new Error(`Invalid role: ${item.role}`);
    if (!item.label && !item.role && item.type !== 'separator' && !item.submenu)
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    if (Array.isArray(item.submenu)) check(item.submenu);
  }
}

function describe(items: TemplateItem[]): MenuItemRecord[] {
  return items.map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? (item.submenu ? 'submenu' : 'normal'),
    accelerator: item.accelerator ?? null,
    submenu: item.submenu ? describe(Array.isArray(item.submenu) ? item.submenu : item.submenu.items) : [],
  }));
}

let applicationMenu: MenuStandIn | null = null;

export const Menu = {
  buildFromTemplate(template: TemplateItem[]): MenuStandIn {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    check(template);
    return new MenuStandIn(template);
  },
  setApplicationMenu(menu: MenuStandIn | null): void {
    applicationMenu = menu;
    records.applicationMenu = menu ? describe(menu.items) : null;
  },
  getApplicationMenu(): MenuStandIn | null {
    return applicationMenu;
  },
};

/** Clicks the application-menu item at `path` (labels, "&" shortcuts ignored); throws when there is none. */
export function clickMenuItem(path: string[]): void {
  let items = applicationMenu?.items ?? [];
  let found: TemplateItem | undefined;
  for (const label of path) {
    found = items.find((item) => item.label?.replace(/&/g, '') === label);
    if (!found) throw new Error(`harness: no menu item ${path.join(' > ')}`);
    items = Array.isArray(found.submenu) ? found.submenu : (found.submenu?.items ?? []);
  }
  if (!found?.click) throw new Error(`harness: menu item ${path.join(' > ')} has no click handler`);
  found.click(found, BrowserWindow.getAllWindows()[0] ?? null, { triggeredByAccelerator: false });
}
