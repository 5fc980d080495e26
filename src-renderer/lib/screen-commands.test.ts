import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '@contract';
import { ScreenCommands } from './screen-commands';

describe('ScreenCommands', () => {
  it('a command for a screen still mounting waits for it, and reaches it once it listens (no timer)', () => {
    const commands = new ScreenCommands();
    commands.sendTo('library', 'import-url');
    const heard: MenuCommand[] = [];
    const stop = commands.listen('library', (command) => heard.push(command));
    expect(heard).toEqual(['import-url']);
    stop();
    commands.listen('library', (command) => heard.push(command));
    expect(heard).toEqual(['import-url']);
  });

  it('reaches the screen at once when it is already listening, and keeps the order commands were sent in', () => {
    const commands = new ScreenCommands();
    commands.sendTo('library', 'import');
    commands.sendTo('library', 'import-url');
    const heard: MenuCommand[] = [];
    commands.listen('library', (command) => heard.push(command));
    commands.sendTo('library', 'import');
    expect(heard).toEqual(['import', 'import-url', 'import']);
  });

  it('a command for whichever screen is showing reaches the one listening, and none once it has stopped', () => {
    const commands = new ScreenCommands();
    const reader: MenuCommand[] = [];
    const stop = commands.listen('reader', (command) => reader.push(command));
    commands.send('undo');
    stop();
    commands.send('export-markdown');
    expect(reader).toEqual(['undo']);
    const later: MenuCommand[] = [];
    commands.listen('reader', (command) => later.push(command));
    expect(later).toEqual([]);
  });

  it('a Reader mounted for another article replaces the one before, whichever stops listening first', () => {
    const commands = new ScreenCommands();
    const old: MenuCommand[] = [];
    const next: MenuCommand[] = [];
    const stopOld = commands.listen('reader', (command) => old.push(command));
    commands.listen('reader', (command) => next.push(command));
    stopOld();
    commands.send('undo');
    expect(old).toEqual([]);
    expect(next).toEqual(['undo']);
  });
});
