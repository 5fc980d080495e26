/**
 * Chromium driven over the DevTools protocol on a pipe, with no automation library attached: for measurements that
 * the library itself would distort. Playwright enables the Network domain on every page, and Chromium's network agent
 * then keeps every response body for DevTools (measured: each 3 MB JSON answer the page fetched and dropped kept
 * another 6 MB resident). A reader's renderer holds none of that, so the memory benchmark talks to Chromium here,
 * sending only Target, Runtime.evaluate, HeapProfiler.collectGarbage, Performance and SystemInfo commands.
 *
 * The protocol on a pipe (`--remote-debugging-pipe`): JSON messages, each ended by a NUL byte, written to the
 * browser's fd 3 and read from its fd 4; a page is reached through a flattened session (its `sessionId`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export interface PipePage {
  /** Evaluates `expression` in the page (awaiting a promise it returns) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` every 50 ms until it is truthy; returns that value. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface PipeBrowser {
  /** Opens `url` in a new tab of the given size. */
  open(url: string, size: { width: number; height: number }): Promise<PipePage>;
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function launchOverPipe(): Promise<PipeBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lectio-bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--no-sandbox',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      buffered = buffered.slice(end + 1);
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiting || message.id === undefined) continue; // an event: none is enabled that matters here
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result ?? {});
    }
  });
  void exited.then(() => {
    for (const waiting of pending.values()) waiting.reject(new Error(`Chromium exited: ${stderr}`));
    pending.clear();
  });

  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const browser: PipeBrowser = {
    send: (method, params) => send(method, params),
    async open(url, size) {
      const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const inPage = (method: string, params?: Record<string, unknown>) => send(method, params, sessionId);
      await inPage('Emulation.setDeviceMetricsOverride', {
        width: size.width,
        height: size.height,
        deviceScaleFactor: 1,
        mobile: false,
      });
      await inPage('Page.navigate', { url });
      const evaluate = async <T>(expression: string): Promise<T> => {
        const answer = (await inPage('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
          result: { value?: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (answer.exceptionDetails)
          throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
        return answer.result.value as T;
      };
      return {
        send: inPage,
        evaluate,
        async waitFor<T>(expression: string, timeoutMs = 60_000): Promise<T> {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            // A navigation in progress can destroy the context the expression ran in: that is "not yet".
            const value = await evaluate<T>(expression).catch(() => undefined);
            if (value) return value;
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        },
      };
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
