import { describe, expect, it } from 'vitest';
import { ankiGuid, toAnkiText, type ExportItem } from './anki-export';
import { htmlToText, parseAnkiText, planImport, stripSource } from './anki-import';
import type { StoredCard } from './card';
import { ankiImport, throughAnki } from './test-anki-desktop';
import { SAMPLE_CARDS } from './test-cards';

const NOW = new Date('2026-02-01T12:00:00.000Z');

function items(): ExportItem[] {
  return SAMPLE_CARDS.map((card) => ({
    card,
    documentTitle: card.source ? 'Council: the budget' : null,
    passage: card.source ? card.source.selectors[1].exact : null,
  }));
}

function newIds() {
  let n = 0;
  return () => `new-${++n}`;
}

describe('Anki export', () => {
  it('writes the header lines Anki reads, one row per card, with a GUID derived from the card id', () => {
    const text = toAnkiText(items());
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:false',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
    ]);
    expect(lines[7]).toBe(
      'lectio-c-1\tCloze\tLectio::Council: the budget\tIt approved {{c1::the budget}} after a long debate.\t"Key vote',
    );
    expect(text).toContain(
      'Source: “It approved the budget after a long debate.” — Council: the budget"\tbudget big_picture\n',
    );
    expect(text).toContain(
      'lectio-c-2\tBasic\tLectio\t"Who said:\t""We have lost everything""?"\t"One exile,\nwriting in 1848 📜"\tquotes\n',
    );
    expect(ankiGuid(SAMPLE_CARDS[2]!)).toBe('Abc123!@#');
  });

  it('exports the same GUIDs every time', () => {
    expect(toAnkiText(items())).toBe(toAnkiText(items()));
  });
});

describe('Anki import', () => {
  it('round-trips an export into the same cards: nothing new, nothing changed', () => {
    const parsed = parseAnkiText(toAnkiText(items()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.notes.map((note) => [note.guid, note.kind, note.front, note.back])).toEqual(
      SAMPLE_CARDS.map((card) => [ankiGuid(card), card.kind, card.front, card.back]),
    );
    const plan = planImport(SAMPLE_CARDS, parsed.notes, { now: NOW, newId: newIds() });
    expect(plan).toEqual({ created: [], updated: [], unchanged: 3, errors: [] });
  });

  it('into an empty library creates each card once, and a second import of the same file creates none', () => {
    const text = toAnkiText(items());
    const first = planImport([], parseAnkiText(text).notes, { now: NOW, newId: newIds() });
    expect(first.created).toHaveLength(3);
    expect(first.created.map((card) => card.guid)).toEqual(['lectio-c-1', 'lectio-c-2', 'Abc123!@#']);
    expect(first.created[0]).toMatchObject({
      kind: 'cloze',
      back: 'Key vote',
      tags: ['budget', 'big_picture'],
      source: null,
    });
    const second = planImport(
      first.created,
      parseAnkiText(toAnkiText(first.created.map((card) => ({ card, documentTitle: null, passage: null })))).notes,
      { now: NOW, newId: newIds() },
    );
    expect(second).toMatchObject({ created: [], updated: [], unchanged: 3 });
  });

  it('updates a card whose text changed in the file, keeping its id, source and colour', () => {
    const text = toAnkiText(items()).replace('Answer c-2', 'x').replace('One exile,', 'An exile,');
    const plan = planImport(SAMPLE_CARDS, parseAnkiText(text).notes, { now: NOW, newId: newIds() });
    expect(plan.created).toEqual([]);
    expect(plan.unchanged).toBe(2);
    expect(plan.updated).toEqual([
      { ...SAMPLE_CARDS[1], back: 'An exile,\nwriting in 1848 📜', updatedAt: NOW.toISOString() },
    ]);
  });

  it('reports rows that cannot be cards, and a GUID that appears twice, by line', () => {
    const text = [
      '#separator:tab',
      '#guid column:1',
      '#notetype column:2',
      'g1\tBasic\tQ\tA',
      'g2\tBasic\t\tA',
      'g3\tCloze\tno deletion\t',
      'g1\tBasic\tQ again\tA',
    ].join('\n');
    const parsed = parseAnkiText(text);
    expect(parsed.errors).toEqual([
      'Line 5: A basic card needs a question on its front.',
      'Line 6: A cloze card needs at least one deletion, written {{c1::answer}}.',
    ]);
    const plan = planImport([], parsed.notes, { now: NOW, newId: newIds() });
    expect(plan.created.map((card) => card.front)).toEqual(['Q']);
    expect(plan.errors).toEqual(['Line 7: the GUID g1 appeared earlier in the file; this row was skipped.']);
  });

  it('reads an HTML export from Anki with commas and no GUID', () => {
    const parsed = parseAnkiText(
      '#separator:Comma\n#html:true\nCapital of <b>France</b>?,Paris<br>on the Seine &amp; more\n',
    );
    expect(parsed.notes).toEqual([
      { line: 3, guid: null, kind: 'basic', front: 'Capital of France?', back: 'Paris\non the Seine & more', tags: [] },
    ]);
  });

  it('strips only the source line its own export wrote', () => {
    expect(stripSource('Answer\n\nSource: “a passage” — Title')).toBe('Answer');
    expect(stripSource('Answer\n\nSource: my memory')).toBe('Answer\n\nSource: my memory');
  });
});

describe('what a spreadsheet would run', () => {
  it('guards fields starting with = + - @ with an apostrophe, and the import gives back exactly the cards', () => {
    const base = SAMPLE_CARDS[1]!;
    const risky = [
      '=HYPERLINK("http://evil.example","click")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      "'=already quoted",
      "'plain apostrophe",
    ].map((front, i) => ({
      card: {
        ...base,
        id: `r-${i}`,
        guid: null,
        front,
        back: i === 0 ? '=cmd|"/c calc"!A0' : 'answer',
        tags: i === 2 ? ['-minus'] : [],
      },
      documentTitle: null,
      passage: null,
    }));
    const text = toAnkiText(risky);
    const rows = text.split('\n').filter((line) => line.startsWith('lectio-r-'));
    for (const row of rows) {
      for (const field of row.split('\t')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    const parsed = parseAnkiText(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.notes.map((note) => [note.front, note.back, note.tags])).toEqual(
      risky.map(({ card }) => [card.front, card.back, card.tags]),
    );
  });
});

describe('an imported card too long to study', () => {
  it('is skipped with a message naming its line, as a typed one is refused', () => {
    const long = 'x'.repeat(30_000);
    const parsed = parseAnkiText(['#separator:tab', `Front ok\t${long}`, 'Kept\tanswer'].join('\n'));
    expect(parsed.notes.map((note) => note.front)).toEqual(['Kept']);
    expect(parsed.errors).toEqual([
      "Line 2: The card's back is 30,000 characters long; a card holds at most 20,000. Shorten it and import again.",
    ]);
  });
});

describe('a GUID that Anki made', () => {
  it('goes back out to the letter even when it starts like a formula, so Anki updates the note instead of adding one', () => {
    const base = SAMPLE_CARDS[1]!;
    const guids = ['=Qb4f&p0rZ', '+x1', '-y2', '@z3'];
    const text = toAnkiText(
      guids.map((guid, i) => ({ card: { ...base, id: `g-${i}`, guid }, documentTitle: null, passage: null })),
    );
    for (const guid of guids) expect(text).toContain(`\n${guid}\t`);
    expect(parseAnkiText(text).notes.map((note) => note.guid)).toEqual(guids);
  });
});

/** Cards as awkward as Anki's own data gets, each with a source passage or a GUID that once broke the round trip. */
function awkwardItems(): ExportItem[] {
  const [cloze, quote, hash] = SAMPLE_CARDS as [StoredCard, StoredCard, StoredCard];
  const passage = 'It approved the budget after a long debate.';
  return [
    ...items(),
    // Anki's base91 GUIDs start with # about once in 91 (rslib/src/notes/mod.rs, anki_base91).
    {
      card: { ...quote, id: 'a-1', guid: '#Qb4f&p0rZ', front: 'Where is Paris?', back: "On the Seine, France's river" },
      documentTitle: null,
      passage: null,
    },
    // An empty Back Extra: the field is the source line alone, which Anki's plain-text export trims.
    { card: { ...cloze, id: 'a-2', back: '', tags: [] }, documentTitle: "L'Assemblée — minutes", passage },
    {
      card: {
        ...quote,
        id: 'a-3',
        front: 'Is 1 < 2 & "3 > 2"?',
        back: 'Yes:\n<b>both</b>\n\nSource: my memory\n',
        source: cloze.source,
      },
      documentTitle: 'Café notes',
      passage,
    },
    {
      card: { ...hash, id: 'a-4', guid: null, front: 'Cafe\u0301 au lait', back: 'é, decomposed' },
      documentTitle: null,
      passage: null,
    },
  ];
}

describe('a trip through Anki (its import, then its "Notes in Plain Text" export, as test-anki-desktop.ts models it)', () => {
  const cards = () => awkwardItems().map((item) => item.card);

  it.each([
    ['with HTML', true],
    ['without HTML', false],
  ])('%s leaves every card unchanged when Lectio imports it back', (_, withHtml) => {
    const parsed = parseAnkiText(throughAnki(toAnkiText(awkwardItems()), withHtml));
    expect(parsed.errors).toEqual([]);
    expect(parsed.notes.map((note) => note.guid)).toEqual(cards().map(ankiGuid));
    const plan = planImport(cards(), parsed.notes, { now: NOW, newId: newIds() });
    expect(plan).toEqual({ created: [], updated: [], unchanged: cards().length, errors: [] });
  });

  it('with HTML gives back the text to the letter, source passage removed', () => {
    const parsed = parseAnkiText(throughAnki(toAnkiText(awkwardItems()), true));
    expect(parsed.notes.map((note) => [note.front, note.back])).toEqual(
      cards().map((card) => [card.front.normalize('NFC'), card.back.normalize('NFC')]),
    );
  });

  it('without HTML loses only what Anki flattens: line breaks become spaces', () => {
    const parsed = parseAnkiText(throughAnki(toAnkiText(awkwardItems()), false));
    expect(parsed.notes.find((note) => note.guid === 'lectio-c-2')?.back).toBe('One exile, writing in 1848 📜');
    expect(parsed.notes.find((note) => note.guid === 'lectio-a-2')?.back).toBe('');
    expect(parsed.notes.find((note) => note.guid === 'lectio-a-3')?.back).toBe('Yes: <b>both</b>  Source: my memory');
  });

  it('still updates a card whose text was really edited in Anki', () => {
    const text = throughAnki(toAnkiText(awkwardItems()), false).replace('writing in 1848', 'writing in 1849');
    const plan = planImport(cards(), parseAnkiText(text).notes, { now: NOW, newId: newIds() });
    expect(plan.updated.map((card) => [card.id, card.back])).toEqual([['c-2', 'One exile, writing in 1849 📜']]);
    expect(plan.unchanged).toBe(cards().length - 1);
  });
});

describe('a GUID starting with #', () => {
  it('is quoted, so neither Anki nor Lectio reads its row as a comment', () => {
    const text = toAnkiText(awkwardItems());
    expect(text).toContain('\n"#Qb4f&p0rZ"\tBasic\t');
    expect(ankiImport(text).map((note) => note.guid)).toContain('#Qb4f&p0rZ');
    expect(parseAnkiText(text).notes.map((note) => note.guid)).toContain('#Qb4f&p0rZ');
  });

  it('in a file written before that, is reported by line instead of dropped silently', () => {
    const parsed = parseAnkiText(
      ['#separator:tab', '#guid column:1', 'g1\tQ\tA', '#Qb4f\tQ2\tA2', '#just a comment'].join('\n'),
    );
    expect(parsed.notes.map((note) => note.guid)).toEqual(['g1']);
    expect(parsed.errors).toEqual([
      'Line 4: it starts with # and so is a comment, as Anki reads it too; if it is a card, put its first field in double quotes and import again.',
    ]);
  });
});

describe("Anki's HTML", () => {
  it('decodes every entity, named or numbered, as a browser shows it', () => {
    expect(htmlToText('It&#x27;s &eacute;t&eacute; &mdash; 1&nbsp;&lt;&nbsp;2 &amp;c. &#8364;5 &hellip;')).toBe(
      "It's été — 1 < 2 &c. €5 …",
    );
  });

  it("breaks the line where Anki's editor does: <br>, and a <div> or <p> after text", () => {
    expect(htmlToText('Paris<div>on the Seine</div>')).toBe('Paris\non the Seine');
    expect(htmlToText('<div>a</div><div>b</div>')).toBe('a\nb');
    expect(htmlToText('<div>a</div><div><br></div><div>b</div>')).toBe('a\n\nb');
    expect(htmlToText('a<br><div>b</div>')).toBe('a\nb');
    expect(htmlToText('<p>One</p><p>Two <b>bold</b></p>')).toBe('One\nTwo bold');
    expect(htmlToText('<div>a</div>\n<div>b\nc</div>')).toBe('a\nb c');
    expect(htmlToText('x<!-- note --><style>b{}</style> 3 < 4')).toBe('x 3 < 4');
  });

  it('reads a note Anki exported with HTML into the lines it shows', () => {
    const parsed = parseAnkiText(
      '#separator:tab\n#html:true\nCapital?\tParis<div>on the Seine &mdash; l&#x27;&Icirc;le</div>\n',
    );
    expect(parsed.notes[0]?.back).toBe("Paris\non the Seine — l'Île");
  });
});

describe('the source line after Anki', () => {
  it('is recognised in a Lectio note whether Anki kept its blank line, made it two spaces, or trimmed it away', () => {
    expect(stripSource('Answer\n\nSource: “a passage” — Title', true)).toBe('Answer');
    expect(stripSource('Answer  Source: “a passage” — Title', true)).toBe('Answer');
    expect(stripSource('Answer   Source: “a passage” — Title', true)).toBe('Answer');
    expect(stripSource('Source: “a passage” — Title', true)).toBe('');
    expect(stripSource('Answer  Source: my memory', true)).toBe('Answer  Source: my memory');
  });

  it("is left alone in a note that is not Lectio's, unless Lectio's own blank line is there", () => {
    expect(stripSource('Source: “Hamlet” — Shakespeare')).toBe('Source: “Hamlet” — Shakespeare');
    expect(stripSource('Answer  Source: “Hamlet”')).toBe('Answer  Source: “Hamlet”');
  });
});
