import { afterEach, describe, expect, it } from 'vitest';
import { closeSampleLibraries, openSampleLibrary } from '@main/api/services/test-sample-service';
import { passagesOf } from '@core/passages';
import { createApiClient } from '../api-client.svelte';
import { AnnotationsState } from './annotations.svelte';
import { HighlightController, type HighlightHost } from './highlighting.svelte';

afterEach(closeSampleLibraries);

/**
 * The Reader's highlighting over the real service, on the sample article, without a page: no article element (so
 * nothing is painted or placed), and a host that keeps what the controller asked of the page.
 */
async function highlighting() {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const annotations = new AnnotationsState(client, 'sample');
  await annotations.load();
  const text = (await client.getDocument({ id: 'sample' })).body.text;
  const passages = passagesOf(text);
  const asked = { notes: [] as string[], copied: [] as string[], selectionsCleared: 0 };
  const host: HighlightHost = {
    openNote: (id) => asked.notes.push(id),
    clearSelection: () => (asked.selectionsCleared += 1),
    copy: async (copied) => void asked.copied.push(copied),
  };
  const controller = new HighlightController(
    () => undefined,
    annotations,
    () => passages,
    () => text,
    host,
  );
  const sentence = passages[1] ?? { start: 0, end: 10 };
  return { controller, annotations, client, asked, text, sentence };
}

/** The selection toolbar over `span`, on the highlight `highlightId` (null: a fresh selection). */
function toolbarOn(span: { start: number; end: number }, highlightId: string | null) {
  return { x: 0, y: 0, below: false, start: span.start, end: span.end, highlightId };
}

/** A key as the Reader's window hears it, pressed on the article. */
function key(
  name: string,
  modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {},
  target: Element | null = null,
): KeyboardEvent {
  return { key: name, ctrlKey: false, metaKey: false, altKey: false, ...modifiers, target } as unknown as KeyboardEvent;
}

describe('HighlightController', () => {
  it('Note on a selection highlights it and asks the page to open that highlight’s note (no flag to watch)', async () => {
    const { controller, annotations, client, asked, sentence } = await highlighting();
    controller.toolbar = toolbarOn(sentence, null);
    await controller.chooseNote();
    const made = annotations.highlights[0];
    expect(made).toMatchObject({
      color: 1,
      anchor: expect.objectContaining({ start: sentence.start, end: sentence.end }),
    });
    expect(asked.notes).toEqual([made?.id]);
    expect(asked.selectionsCleared).toBe(1);
    expect(controller.activeId).toBe(made?.id);
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights).toHaveLength(1);
  });

  it('Note on a highlight opens its note without making another; with no toolbar, N does nothing', async () => {
    const { controller, annotations, asked, sentence } = await highlighting();
    const made = await annotations.create(sentence.start, sentence.end, 2);
    controller.toolbar = toolbarOn(sentence, made?.id ?? null);
    await controller.chooseNote();
    expect(asked.notes).toEqual([made?.id]);
    controller.dismiss();
    expect(controller.key(key('n'))).toBe(true);
    await controller.undo(); // Queued after the N: by now it has run (and this undoes the highlight).
    expect(asked.notes).toHaveLength(1);
    expect(annotations.highlights).toEqual([]);
  });

  it('a colour highlights the selection, and recolours the active highlight', async () => {
    const { controller, annotations, sentence } = await highlighting();
    controller.toolbar = toolbarOn(sentence, null);
    await controller.chooseColor(3);
    const made = annotations.highlights[0];
    expect(made?.color).toBe(3);
    controller.toolbar = toolbarOn(sentence, made?.id ?? null);
    await controller.chooseColor(5);
    expect(annotations.highlights.map((h) => h.color)).toEqual([5]);
  });

  it('the margin’s button highlights the focused sentence, which then needs no button', async () => {
    const { controller, annotations, sentence } = await highlighting();
    expect(controller.focusedCanHighlight).toBe(false);
    controller.focused = sentence;
    expect(controller.focusedCanHighlight).toBe(true);
    await controller.highlightFocused();
    expect(annotations.highlights[0]?.anchor).toMatchObject({ start: sentence.start, end: sentence.end });
    expect(controller.focusedCanHighlight).toBe(false);
  });

  it('Delete removes the active highlight and Ctrl+Z brings it back, in the order pressed', async () => {
    const { controller, annotations, client, sentence } = await highlighting();
    const made = await annotations.create(sentence.start, sentence.end, 1);
    if (!made) throw new Error('not made');
    controller.activate(made);
    expect(controller.activeId).toBe(made.id);
    expect(controller.key(key('Delete'))).toBe(true);
    expect(controller.key(key('z', { ctrlKey: true }))).toBe(true);
    await controller.chooseNote(); // Queued behind both keys; with no toolbar it does nothing itself.
    expect(annotations.highlights.map((h) => h.id)).toEqual([made.id]);
    expect(annotations.status).toBe('Undid: delete');
    expect(controller.activeId).toBeNull();
    expect((await client.getAnnotations({ documentId: 'sample' })).highlights.map((h) => h.id)).toEqual([made.id]);
  });

  it('the toolbar’s Delete removes the active highlight; Escape lets go of it', async () => {
    const { controller, annotations, sentence } = await highlighting();
    const made = await annotations.create(sentence.start, sentence.end, 1);
    if (!made) throw new Error('not made');
    controller.activate(made);
    expect(controller.key(key('Escape'))).toBe(true);
    await controller.chooseDelete();
    expect(annotations.highlights).toHaveLength(1);
    controller.activate(made);
    await controller.chooseDelete();
    expect(annotations.highlights).toEqual([]);
  });

  it('Copy puts the toolbar’s text on the clipboard and says so', async () => {
    const { controller, asked, text, sentence } = await highlighting();
    controller.toolbar = toolbarOn(sentence, null);
    await controller.copy();
    expect(asked.copied).toEqual([text.slice(sentence.start, sentence.end)]);
    expect(controller.announcement).toBe('Copied');
  });

  it('leaves keys to fields and dialogs, and to the browser with other modifiers', async () => {
    const { controller } = await highlighting();
    const field = { closest: (selector: string) => (selector.includes('input') ? {} : null) } as unknown as Element;
    expect(controller.key(key('h', {}, field))).toBe(false);
    expect(controller.key(key('h', { altKey: true }))).toBe(false);
    expect(controller.key(key('c', { ctrlKey: true }))).toBe(false);
    expect(controller.key(key('q'))).toBe(false);
    expect(controller.key(key('ArrowDown'))).toBe(true);
  });
});
