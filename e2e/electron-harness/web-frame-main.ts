/**
 * The stand-in's WebFrameMain, built from the Playwright frame that made an IPC call: its URL, origin and name, its
 * parent (null for a top-level frame) and top. It is a snapshot taken when the call arrives, which is when main's
 * sender check reads it.
 */
import type { Frame } from '@playwright/test';

export interface WebFrameMain {
  readonly url: string;
  readonly origin: string;
  readonly name: string;
  readonly parent: WebFrameMain | null;
  readonly top: WebFrameMain;
  isDestroyed(): boolean;
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    // Electron reports file frames as "file://"; the URL parser says "null" for them.
    return parsed.protocol === 'file:' ? 'file://' : parsed.origin;
  } catch {
    return 'null';
  }
}

export function webFrameMainOf(frame: Frame): WebFrameMain {
  const parentFrame = frame.parentFrame();
  const parent = parentFrame ? webFrameMainOf(parentFrame) : null;
  const snapshot: WebFrameMain = {
    url: frame.url(),
    origin: originOf(frame.url()),
    name: frame.name(),
    parent,
    get top() {
      return parent ? parent.top : snapshot;
    },
    isDestroyed: () => frame.isDetached(),
  };
  return snapshot;
}
