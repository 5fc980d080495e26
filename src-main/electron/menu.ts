/**
 * The native application menu: the standard roles (edit, window, zoom, full screen) and Lectio's own actions, each
 * with its accelerator. Lectio's actions become commands for the focused window's page (see menu-commands.ts).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/contract';

type Send = (command: MenuCommand) => void;

function item(label: string, command: MenuCommand, send: Send, accelerator?: string): MenuItemConstructorOptions {
  return accelerator ? { label, accelerator, click: () => send(command) } : { label, click: () => send(command) };
}

function themeItem(label: string, command: MenuCommand, send: Send): MenuItemConstructorOptions {
  return { label, type: 'radio', click: () => send(command) };
}

export function menuTemplate(send: Send, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('Import Article…', 'import', send, 'CmdOrCtrl+O'),
        item('Save from a Web Address…', 'import-url', send, 'CmdOrCtrl+L'),
        item('Export Highlights as Markdown', 'export-markdown', send, 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        item(mac ? 'Settings…' : 'Settings', 'settings', send, 'CmdOrCtrl+,'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo is Lectio's own: in a text field it undoes typing, elsewhere the last highlight or note change.
        item('Undo', 'undo', send, 'CmdOrCtrl+Z'),
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find in Library…', 'search', send, 'CmdOrCtrl+K'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Library', 'library', send, 'CmdOrCtrl+1'),
        item('Quiz', 'quiz', send, 'CmdOrCtrl+2'),
        item('Review', 'review', send, 'CmdOrCtrl+3'),
        item('Cards', 'cards', send, 'CmdOrCtrl+4'),
        { type: 'separator' },
        item('Toggle Study Panel', 'toggle-sidebar', send, 'CmdOrCtrl+\\'),
        {
          label: 'Theme',
          submenu: [
            themeItem('Follow the System', 'theme:system', send),
            themeItem('Light', 'theme:light', send),
            themeItem('Dark', 'theme:dark', send),
            themeItem('Sepia', 'theme:sepia', send),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('Keyboard Shortcuts', 'shortcuts', send, 'CmdOrCtrl+/')] },
  ];
}

export function installAppMenu(send: Send): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform)));
}
