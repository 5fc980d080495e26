/**
 * The Reader's position and tags over the real service, without a DOM: the article on screen is a page described in
 * numbers (where the reader is, where it was taken), whose frames run when the test says, and the save a moment after
 * the scrolling stops runs on Vitest's fake setTimeout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '@contract';
import { closeSampleLibraries, openSampleLibrary, stoppedServerOrigin } from '@main/api/services/test-sample-service';
import { createApiClient, httpTransport } from '../api-client.svelte';
import { ReadingPositionState, SAVE_AFTER_MS, type ArticlePage } from './reading-position.svelte';

afterEach(() => {
  vi.useRealTimers();
  closeSampleLibraries();
});

/** The article on screen, in numbers: what is in view, the offsets it was taken to, and the frames waiting to run. */
class NumberedPage implements ArticlePage<'article'> {
  inView: { offset: number; progress: number } | null = null;
  scrolledTo: number[] = [];
  measured = 0;
  #frames: (() => void)[] = [];
  measure() {
    this.measured++;
    return this.inView;
  }
  async scrollTo(_root: 'article', offset: number) {
    this.scrolledTo.push(offset);
    return true;
  }
  nextFrame(callback: () => void) {
    this.#frames.push(callback);
  }
  /** Runs the frames waiting, as the browser does before it paints. */
  frame() {
    for (const callback of this.#frames.splice(0)) callback();
  }
}

/** The position of the sample article over the real service, with the page of the test. */
async function reading(id = 'sample') {
  const opened = await openSampleLibrary();
  const client = createApiClient(opened.transport);
  const page = new NumberedPage();
  return { state: new ReadingPositionState(client, id, page), client, page, opened };
}

/** The service's own message for a call it refuses. */
async function refusal(answer: Promise<ApiResult<unknown>>): Promise<string> {
  const result = await answer;
  if (result.ok) throw new Error('the service accepted the call');
  return result.error.message;
}

/** Where the service has the sample article. */
async function stored(client: ReturnType<typeof createApiClient>) {
  const org = await client.getDocumentOrganisation({ id: 'sample' });
  return { offset: org.position?.offset ?? null, progress: org.progress };
}

/** The reader scrolls to `at` and stops: the frame notes it, and the save comes SAVE_AFTER_MS later. */
async function scrollAndStop(
  state: ReadingPositionState<'article'>,
  page: NumberedPage,
  at: { offset: number; progress: number },
) {
  page.inView = at;
  state.scrolled('article');
  page.frame();
  await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
  await vi.waitFor(() => expect(state.org?.position?.offset).toBe(at.offset));
}

describe('ReadingPositionState', () => {
  it('loads the document’s organisation; an unknown document or a server that is gone sets the error', async () => {
    const { state, opened } = await reading();
    await state.load();
    expect(state.error).toBeNull();
    expect(state.org).toMatchObject({ tags: [], position: null, progress: 0 });

    const missing = new ReadingPositionState(createApiClient(opened.transport), 'nowhere', new NumberedPage());
    await missing.load();
    expect(missing.org).toBeNull();
    expect(missing.error).toBe(await refusal(opened.transport('getDocumentOrganisation', { id: 'nowhere' })));

    const offline = new ReadingPositionState(
      createApiClient(httpTransport({ token: 't', origin: await stoppedServerOrigin() })),
      'sample',
      new NumberedPage(),
    );
    await offline.load();
    expect(offline.org).toBeNull();
    expect(offline.error).toMatch(/local server is not answering/);
  });

  it('takes the reader back to the saved offset, unless opened at a passage, and saves what is in view on opening', async () => {
    const { state, client, page } = await reading();
    await client.saveReadingPosition({ id: 'sample', offset: 120, progress: 0.4 });
    await state.load();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    page.inView = { offset: 120, progress: 0.5 };
    await state.restore('article', false);
    expect(page.scrolledTo).toEqual([120]);
    // Being open counts as having seen what is in view: noted on the next frame, saved once the moment has passed.
    page.frame();
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS - 1);
    expect(await stored(client)).toEqual({ offset: 120, progress: 0.4 });
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect(await stored(client)).toEqual({ offset: 120, progress: 0.5 }));

    const atPassage = await reading();
    await atPassage.client.saveReadingPosition({ id: 'sample', offset: 300, progress: 0.2 });
    await atPassage.state.load();
    await atPassage.state.restore('article', true);
    expect(atPassage.page.scrolledTo).toEqual([]);
  });

  it('does not scroll a document never read (no position), and notes nothing before the restore', async () => {
    const { state, client, page } = await reading();
    await state.load();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    page.inView = { offset: 40, progress: 0.1 };
    // Scrolling while the saved position is not yet applied would overwrite it with the top: ignored.
    state.scrolled('article');
    page.frame();
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    expect(page.measured).toBe(0);
    await state.save();
    expect(await stored(client)).toEqual({ offset: null, progress: 0 });

    await state.restore('article', false);
    expect(page.scrolledTo).toEqual([]);
    page.frame();
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    await vi.waitFor(async () => expect(await stored(client)).toEqual({ offset: 40, progress: 0.1 }));
  });

  it('measures once a frame while scrolling, and saves once, a moment after the scrolling stops', async () => {
    const { state, client, page } = await reading();
    await state.load();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await state.restore('article', false);
    page.frame();
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);
    const measuredAtOpen = page.measured;

    for (let i = 0; i < 5; i++) {
      page.inView = { offset: 100 * (i + 1), progress: (i + 1) / 10 };
      // Three scroll events before the frame comes: measured once, and the later ones (while the frame is awaited)
      // still put the save back.
      state.scrolled('article');
      state.scrolled('article');
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS / 2);
      state.scrolled('article');
      page.frame();
      await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS / 2);
    }
    expect(page.measured).toBe(measuredAtOpen + 5);
    // Still scrolling (every half moment): nothing saved yet.
    expect(await stored(client)).toEqual({ offset: null, progress: 0 });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS / 2);
    await vi.waitFor(() => expect(state.org).toMatchObject({ position: { offset: 500 }, progress: 0.5 }));
    expect(await stored(client)).toEqual({ offset: 500, progress: 0.5 });
  });

  it('saves at once on leaving, and sends nothing when the spot is unchanged and no further read', async () => {
    const { state, client, page } = await reading();
    await state.load();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await state.restore('article', false);
    // No text in view yet (the article not laid out): nothing to save.
    page.frame();
    await state.save();
    expect(await stored(client)).toEqual({ offset: null, progress: 0 });

    await scrollAndStop(state, page, { offset: 200, progress: 0.3 });
    // Another client moves the stored position: a save of the same spot again would put it back, so none is sent.
    await client.saveReadingPosition({ id: 'sample', offset: 10, progress: 0.3 });
    await state.save();
    expect(await stored(client)).toEqual({ offset: 10, progress: 0.3 });
    // The same spot with less of the article seen (the window made taller): no progress to keep, nothing sent.
    page.inView = { offset: 200, progress: 0.25 };
    state.scrolled('article');
    page.frame();
    await state.save();
    expect(await stored(client)).toEqual({ offset: 10, progress: 0.3 });

    // Leaving the Reader: saved now, and the pending save is dropped.
    page.inView = { offset: 260, progress: 0.35 };
    state.scrolled('article');
    page.frame();
    await state.save();
    expect(await stored(client)).toEqual({ offset: 260, progress: 0.35 });
    await client.saveReadingPosition({ id: 'sample', offset: 10, progress: 0.35 });
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS * 2);
    expect(await stored(client)).toEqual({ offset: 10, progress: 0.35 });
  });

  it('reports a save the service refuses, and saves the same position once it can', async () => {
    const { state, client, page, opened } = await reading();
    await state.load();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await state.restore('article', false);
    page.frame();
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_MS);

    // The document deleted (its Undo still open) while the Reader is on it.
    await client.deleteDocuments({ ids: ['sample'] });
    page.inView = { offset: 700, progress: 0.8 };
    state.scrolled('article');
    page.frame();
    await state.save();
    expect(state.error).toBe(
      await refusal(opened.transport('saveReadingPosition', { id: 'sample', offset: 700, progress: 0.8 })),
    );

    // Undone: the position that failed to save is not taken for saved.
    await client.undoDeleteDocuments({ ids: ['sample'] });
    await state.save();
    expect(await stored(client)).toEqual({ offset: 700, progress: 0.8 });
    expect(state.org?.position?.offset).toBe(700);
    // Saved now: the failure is no longer shown.
    expect(state.error).toBeNull();
  });

  it('sets the document’s tags as the service normalises them; a refusal keeps the tags and says why', async () => {
    const { state, client, opened } = await reading();
    await state.load();
    expect(await state.setTags(['Korea', ' politics '])).toBe(true);
    expect(state.org?.tags).toEqual((await client.getDocumentOrganisation({ id: 'sample' })).tags);
    expect(state.org?.tags).toEqual(['korea', 'politics']);
    expect(state.error).toBeNull();

    await client.deleteDocuments({ ids: ['sample'] });
    expect(await state.setTags(['later'])).toBe(false);
    expect(state.error).toBe(await refusal(opened.transport('setDocumentTags', { id: 'sample', tags: ['later'] })));
    expect(state.org?.tags).toEqual(['korea', 'politics']);

    await client.undoDeleteDocuments({ ids: ['sample'] });
    expect(await state.setTags(['later'])).toBe(true);
    expect(state.error).toBeNull();
  });
});
