/**
 * Commands from the app (the desktop menu and its shortcuts, Ctrl/Cmd+L in browser mode) to the screens. A command for
 * whichever screen is showing reaches it at once (the Reader's Undo and Export); one for a screen the app is still
 * navigating to (Import, from the Reader) waits in this channel until that screen listens, then reaches it once. It
 * replaced a window event sent 50 ms after the navigation, in the hope that the screen had mounted by then.
 */
import type { MenuCommand } from '@contract';

/** The screens that take commands. */
export type CommandScreen = 'library' | 'reader';

type Listener = (command: MenuCommand) => void;

export class ScreenCommands {
  readonly #listeners = new Map<CommandScreen, Listener>();
  readonly #waiting = new Map<CommandScreen, MenuCommand[]>();

  /** For whichever screen listens now; a command no screen showing takes is dropped (Undo on the Library). */
  send(command: MenuCommand): void {
    for (const listener of [...this.#listeners.values()]) listener(command);
  }

  /** For `screen`: at once when it listens, otherwise as soon as it does (once it has mounted). */
  sendTo(screen: CommandScreen, command: MenuCommand): void {
    const listener = this.#listeners.get(screen);
    if (listener) listener(command);
    else this.#waiting.set(screen, [...(this.#waiting.get(screen) ?? []), command]);
  }

  /**
   * `screen` takes commands: first those that waited for it, then each one sent, until the returned function is called
   * (use it as an effect's cleanup). A screen mounted anew (the Reader of another article) replaces the one before.
   */
  listen(screen: CommandScreen, listener: Listener): () => void {
    this.#listeners.set(screen, listener);
    const waiting = this.#waiting.get(screen) ?? [];
    this.#waiting.delete(screen);
    for (const command of waiting) listener(command);
    return () => {
      if (this.#listeners.get(screen) === listener) this.#listeners.delete(screen);
    };
  }
}

/** The app's one channel. */
export const screenCommands = new ScreenCommands();
