/** The stand-in's IPC semantics, renderer to main and back, against Electron's documented behaviour and wording. */
import { describe, expect, it, vi } from 'vitest';
import { IpcMain } from './ipc-main';
import { createIpcRenderer } from './page/ipc-renderer';

function connected() {
  const ipcMain = new IpcMain();
  const event = { type: 'frame', senderFrame: { url: 'file:///app/index.html', parent: null } };
  const ipcRenderer = createIpcRenderer((channel, args) => ipcMain.dispatch(event, channel, args));
  return { ipcMain, ipcRenderer, event };
}

describe('ipcMain.handle', () => {
  it('refuses a second handler on one channel, with Electron’s message', () => {
    const { ipcMain } = connected();
    ipcMain.handle('lectio:appInfo', () => 1);
    expect(() => ipcMain.handle('lectio:appInfo', () => 2)).toThrow(
      "Attempted to register a second handler for 'lectio:appInfo'",
    );
  });

  it('accepts a new handler once the old one is removed, and handleOnce answers once', async () => {
    const { ipcMain, ipcRenderer } = connected();
    ipcMain.handle('a', () => 1);
    ipcMain.removeHandler('a');
    ipcMain.handleOnce('a', () => 2);
    expect(await ipcRenderer.invoke('a')).toBe(2);
    await expect(ipcRenderer.invoke('a')).rejects.toThrow("No handler registered for 'a'");
  });

  it('hands the handler the event (with its sender frame) and the cloned arguments', async () => {
    const { ipcMain, ipcRenderer, event } = connected();
    const handler = vi.fn((_event: object, input: unknown) => input);
    ipcMain.handle('echo', handler);
    const input = { text: 'x', nested: [1, { y: 2 }] };
    expect(await ipcRenderer.invoke('echo', input)).toEqual(input);
    expect(handler.mock.calls[0]?.[0]).toBe(event);
    expect(handler.mock.calls[0]?.[1]).not.toBe(input);
  });
});

describe('ipcRenderer.invoke', () => {
  it('rejects an unknown channel with Electron’s message', async () => {
    const { ipcRenderer } = connected();
    await expect(ipcRenderer.invoke('lectio:nothing')).rejects.toThrow(
      "Error invoking remote method 'lectio:nothing': Error: No handler registered for 'lectio:nothing'",
    );
  });

  it('passes a handler’s error on as its string form only', async () => {
    const { ipcMain, ipcRenderer } = connected();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    ipcMain.handle('boom', () => {
      throw new RangeError('out of range');
    });
    await expect(ipcRenderer.invoke('boom')).rejects.toThrow(
      "Error invoking remote method 'boom': RangeError: out of range",
    );
    expect(quiet).toHaveBeenCalledWith("Error occurred in handler for 'boom':", expect.any(RangeError));
    quiet.mockRestore();
  });

  it('refuses arguments the structured clone algorithm cannot copy', async () => {
    const { ipcMain, ipcRenderer } = connected();
    ipcMain.handle('f', () => 1);
    await expect(ipcRenderer.invoke('f', { callback: () => 1 })).rejects.toThrow('An object could not be cloned.');
  });

  it('refuses a result that cannot be cloned back', async () => {
    const { ipcMain, ipcRenderer } = connected();
    ipcMain.handle('g', () => ({ callback: () => 1 }));
    await expect(ipcRenderer.invoke('g')).rejects.toThrow(
      "Error invoking remote method 'g': Error: An object could not be cloned.",
    );
  });
});
