/**
 * cards.json read card by card: the summaries and the byte ranges of each card's text, exactly as a whole load reads
 * them; any other layout or a damaged card gives no summaries, and the store then loads (and recovers) the file whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCard } from '../core/cards/test-cards';
import { readCardsAt, scanCardsFile } from './card-file-scan';
import { CardStore } from './card-store';

const NOW = new Date('2026-04-10T08:00:00.000Z');

async function storeWithCards() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lectio-card-scan-'));
  const store = new CardStore(dataDir, () => NOW);
  await store.open();
  const cards = [
    { ...makeCard('a'), front: 'Ça coûte 5 € — “quoted” 🗳️', suspended: true },
    makeCard('b'),
    { ...makeCard('c'), back: 'line one\nline two, with "quotes" and \\ backslash' },
  ];
  await store.updateCards(() => cards);
  return { store, dataDir, cards };
}

describe('cards.json read card by card', () => {
  it('gives each card’s summary and reads any card back from its bytes alone', async () => {
    const { store, cards } = await storeWithCards();
    const summaries = await scanCardsFile(store.cardsFile);
    expect(summaries?.map(({ id, suspended }) => ({ id, suspended }))).toEqual([
      { id: 'a', suspended: true },
      { id: 'b', suspended: false },
      { id: 'c', suspended: false },
    ]);
    const [a, , c] = summaries ?? [];
    expect(
      await readCardsAt(
        store.cardsFile,
        [c, a].filter((s) => s !== undefined),
      ),
    ).toEqual([cards[2], cards[0]]);
    // A file with no card at all is read so too.
    await store.updateCards(() => []);
    expect(await scanCardsFile(store.cardsFile)).toEqual([]);
  });

  it('reads a file of several megabytes whole, across the chunks it is streamed in', async () => {
    const { store } = await storeWithCards();
    // Cards of varying size (some of several bytes a character), so the chunk boundaries fall anywhere in them.
    const many = Array.from({ length: 2500 }, (_, i) => ({
      ...makeCard(`card-${i}`),
      front: `${'ü'.repeat(i % 700)} ${i}`,
      back: 'x'.repeat((i * 37) % 1500),
    }));
    await store.updateCards(() => many);
    const summaries = (await scanCardsFile(store.cardsFile)) ?? [];
    expect(summaries.map((s) => s.id)).toEqual(many.map((card) => card.id));
    expect(await readCardsAt(store.cardsFile, summaries)).toEqual(many);
  });

  it('refuses another layout or a damaged card, and the store then loads the file whole', async () => {
    const { store, dataDir, cards } = await storeWithCards();
    const file = store.cardsFile;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, cards }));
    expect(await scanCardsFile(file)).toBeNull();
    const reopened = new CardStore(dataDir, () => NOW);
    await reopened.open();
    expect(reopened.contentLoads).toBe(1);
    expect([...reopened.summaries()].map((s) => s.id)).toEqual(['a', 'b', 'c']);

    for (const damaged of [
      text.replace('"id": "b"', '"id": 7'),
      text.replace('"id": "b"', '"id": "a"'),
      text.replace(/\n}$/, ''),
      text.replace('  },\n  {', '  }\n  {'),
      text.replace('"schemaVersion": 1', '"schemaVersion": 2'),
    ]) {
      writeFileSync(file, damaged);
      expect(await scanCardsFile(file)).toBeNull();
    }
  });

  it('reads a card again whole when its bytes changed beneath the summaries', async () => {
    const { store, dataDir } = await storeWithCards();
    const reopened = new CardStore(dataDir, () => NOW);
    await reopened.open();
    expect(reopened.contentLoads).toBe(0);
    // Another card's text in b's place (and a renamed b): the read sees the id is not b's, loads the file whole and
    // gives the card the file now calls b.
    const text = readFileSync(store.cardsFile, 'utf8');
    writeFileSync(store.cardsFile, text.replace('"id": "b"', '"id": "x"').replace('"id": "a"', '"id": "b"'));
    const [read] = await reopened.readCards(['b']);
    expect(read?.front).toBe('Ça coûte 5 € — “quoted” 🗳️');
    expect(reopened.contentLoads).toBe(1);
  });
});
