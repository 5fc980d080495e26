/**
 * The stand-in's `ipcRenderer`: only `invoke`, the one call Lectio's preload makes. Arguments go through the structured
 * clone algorithm as Electron's IPC does, and a failed call rejects with Electron's wording:
 * "Error invoking remote method '<channel>': <the main process's error>".
 */
import type { InvokeReply } from '../protocol';

/** Carries one invoke to the main process and brings back its reply. */
export type InvokeTransport = (channel: string, args: unknown[]) => Promise<InvokeReply>;

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export function createIpcRenderer(transport: InvokeTransport): IpcRenderer {
  return {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      if (typeof channel !== 'string')
        throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(channel));
      let cloned: unknown[];
      try {
        cloned = structuredClone(args);
      } catch {
        throw new Error('An object could not be cloned.');
      }
      const reply = await transport(channel, cloned);
      if (reply.ok) return reply.value;
      throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
    },
  };
}
