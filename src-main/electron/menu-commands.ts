/**
 * Menu commands waiting for their window: the menu pushes a command, the window's open `nextMenuCommand` call takes
 * it. Commands pushed while no call is open wait in order; a destroyed window's queue is dropped.
 */
import type { WebContents } from 'electron';
import type { ApiResult, MenuCommand } from '../api/contract';

interface Queue {
  waiting: ((command: MenuCommand) => void)[];
  pending: MenuCommand[];
}

export class MenuCommandQueue {
  readonly #queues = new Map<number, Queue>();

  #queue(contents: WebContents): Queue {
    let queue = this.#queues.get(contents.id);
    if (!queue) {
      queue = { waiting: [], pending: [] };
      this.#queues.set(contents.id, queue);
      contents.once('destroyed', () => this.#queues.delete(contents.id));
    }
    return queue;
  }

  /** Resolves with the next command for `contents`. */
  next(contents: WebContents): Promise<ApiResult<MenuCommand>> {
    const queue = this.#queue(contents);
    const ready = queue.pending.shift();
    if (ready) return Promise.resolve({ ok: true, value: ready });
    return new Promise((resolve) => queue.waiting.push((command) => resolve({ ok: true, value: command })));
  }

  push(contents: WebContents, command: MenuCommand): void {
    const queue = this.#queue(contents);
    const waiter = queue.waiting.shift();
    if (waiter) waiter(command);
    else if (queue.pending.length < 20) queue.pending.push(command);
  }
}
