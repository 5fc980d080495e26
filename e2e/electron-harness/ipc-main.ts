/**
 * The stand-in's `ipcMain`: `handle`, `handleOnce` and `removeHandler` with Electron's rules (one handler per channel;
 * a second registration throws), and the dispatch of a renderer's invoke to it, answering as Electron does: a missing
 * handler is "No handler registered for '<channel>'", a thrown error reaches the renderer as its string form, and a
 * result must survive the structured clone algorithm.
 */
import { EventEmitter } from 'node:events';
import v8 from 'node:v8';
import type { InvokeReply } from './protocol';

export type InvokeHandler = (event: object, ...args: unknown[]) => unknown;

export class IpcMain extends EventEmitter {
  readonly #handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function')
      throw new Error(`Expected handler to be a function, but found type '${typeof handler}'`);
    this.#handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** The channels with a handler, for the spec's records. */
  channels(): string[] {
    return [...this.#handlers.keys()];
  }

  /** Runs the handler for one renderer invoke; never throws, the reply carries the failure. */
  async dispatch(event: object, channel: string, args: unknown[]): Promise<InvokeReply> {
    const handler = this.#handlers.get(channel);
    if (!handler) return { ok: false, error: `Error: No handler registered for '${channel}'` };
    let value: unknown;
    try {
      value = await handler(event, ...args);
    } catch (error) {
      // Electron logs the failure in the main process and sends the renderer only the error's string form.
      console.error(`Error occurred in handler for '${channel}':`, error);
      return { ok: false, error: String(error) };
    }
    try {
      return { ok: true, value: v8.deserialize(v8.serialize(value)) };
    } catch {
      return { ok: false, error: 'Error: An object could not be cloned.' };
    }
  }
}
