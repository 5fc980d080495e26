/**
 * The flashcards part of the service: cards made by hand, by other screens (createCard, e.g. from a missed quiz
 * question) or from a highlight in one step (a cloze of the highlighted words in their sentence, the note on the
 * back); editing, suspending, deleting and restoring them; and, composed in from their own modules, studying and Anki
 * interchange. Every card keeps its passage as W3C selectors, re-anchored on each read.
 */
import { anchor } from '../../core/anchoring/anchor';
import { InvalidRangeError, describe } from '../../core/anchoring/describe';
import type { HighlightSelectors } from '../../core/anchoring/selectors';
import type { StoredCard } from '../../core/cards/card';
import type { CardRepository } from '../../storage/card-repository';
import { clozeFromHighlight, coversWholeSentences } from '../../core/cards/cloze-from-highlight';
import type { EngineTerms } from '../../core/cards/key-term';
import type { ExtractionResult } from '../../core/extract/types';
import { analysisReader } from './analysis';
import { checkCardContent, cleanCardTags } from '../../core/cards/validate';
import { passagesOf } from '../../core/passages';
import type { LectioApi } from '../contract';
import { interchangeMethods } from './card-interchange';
import { ankiMethods } from './card-anki';
import { studyMethods } from './card-study';
import { CardContext } from './card-views';
import { type ServiceDeps } from './deps';
import { LectioError } from '../../core/errors';

type CardMethods = Pick<
  LectioApi,
  | 'listCards'
  | 'createCard'
  | 'createCardFromHighlight'
  | 'updateCard'
  | 'deleteCard'
  | 'restoreCard'
  | 'getReviewQueue'
  | 'gradeCard'
  | 'undoGrade'
  | 'getCardStats'
  | 'getDueCounts'
  | 'exportCards'
  | 'importCards'
  | 'exportApkg'
  | 'getAnkiStatus'
  | 'sendToAnki'
>;

function selectorsFor(text: string, start: number, end: number): HighlightSelectors {
  try {
    return describe(text, start, end);
  } catch (error) {
    if (error instanceof InvalidRangeError)
      throw new LectioError('invalid-argument', `That passage cannot be a card's source: ${error.message}`);
    throw error;
  }
}

function requireContent(card: Pick<StoredCard, 'kind' | 'front' | 'back'>): void {
  const problem = checkCardContent(card.kind, card.front, card.back);
  if (problem) throw new LectioError('invalid-argument', problem);
}

/**
 * `methods`, each waiting first for the card files to be open: they are read on first use, not at start-up. Once they
 * are open a call goes straight through, in the same turn as before (an export registers itself at once, say).
 */
function afterOpening<T extends object>(methods: T, isOpen: () => boolean, opening: () => Promise<void>): T {
  const entries = Object.entries(methods).map(([name, method]) => {
    const call = method as (input: unknown) => Promise<unknown>;
    return [name, (input: unknown) => (isOpen() ? call(input) : opening().then(() => call(input)))];
  });
  return Object.fromEntries(entries) as T;
}

export function cardMethods(deps: ServiceDeps): CardMethods {
  const store: CardRepository = deps.storage.cards;
  const context = new CardContext(deps);
  return {
    ...afterOpening(
      cardMethodsOf(deps, context),
      () => store.isReady,
      () => store.ready(),
    ),
    // Studying needs every card's schedule but only the shown cards' content: the due counts, the queue's order and
    // grading never load all of cards.json (50 MB at 50,000 cards).
    ...afterOpening(
      studyMethods(context),
      () => store.areSchedulesReady,
      () => store.schedulesReady(),
    ),
  };
}

/** The engine's dates (those on the calendar) and actors' mentions, as a cloze's candidates to blank. */
function engineTerms(analysis: Pick<ExtractionResult, 'actors' | 'dates'>): EngineTerms {
  const mentions = (type: (t: string) => boolean) =>
    analysis.actors.filter((a) => type(a.type)).flatMap((a) => a.mentions);
  return {
    dates: analysis.dates.filter((d) => d.precision !== 'duration' && d.precision !== 'fuzzy'),
    people: mentions((t) => t === 'person'),
    others: mentions((t) => t !== 'person'),
  };
}

function cardMethodsOf(
  deps: ServiceDeps,
  context: CardContext,
): Omit<CardMethods, keyof ReturnType<typeof studyMethods>> {
  const analysisOf = analysisReader(deps);
  const { cards } = context;
  const { storage, now, newId } = deps;

  function blank(change: Pick<StoredCard, 'kind' | 'front' | 'back'> & Partial<StoredCard>): StoredCard {
    const at = now().toISOString();
    return {
      id: newId(),
      tags: [],
      source: null,
      highlightId: null,
      color: null,
      suspended: false,
      guid: null,
      createdAt: at,
      updatedAt: at,
      ...change,
    };
  }

  async function add(card: StoredCard) {
    requireContent(card);
    await cards.add(card);
    return context.view(card);
  }

  return {
    listCards: () => Promise.all(cards.all().map((card) => context.view(card))),

    async createCard(input) {
      const front = input.kind === 'cloze' ? input.cloze : input.front;
      let source: StoredCard['source'] = null;
      if (input.source) {
        const doc = await storage.documents.get(input.source.documentId);
        source = { documentId: doc.id, selectors: selectorsFor(doc.body.text, input.source.start, input.source.end) };
      }
      return add(
        blank({ kind: input.kind, front, back: input.back ?? '', tags: cleanCardTags(input.tags ?? []), source }),
      );
    },

    async createCardFromHighlight({ documentId, highlightId }) {
      const existing = cards.madeFromHighlight(highlightId);
      if (existing) return { card: await context.view(existing), created: false };
      const doc = await storage.documents.get(documentId);
      const highlight = (await storage.annotations.read(documentId)).highlights.find((h) => h.id === highlightId);
      if (!highlight)
        throw new LectioError('invalid-argument', `There is no highlight ${highlightId} on this document.`);
      const text = doc.body.text;
      const at = anchor(text, highlight.selectors);
      if (!at)
        throw new LectioError(
          'invalid-argument',
          'That highlight can no longer be found in the text, so it cannot become a card.',
        );
      const passages = passagesOf(text);
      // A whole-sentence highlight blanks a date or name inside it: the engine's mentions say best which (its result
      // is cached per document, so this costs a run only when the article was never analysed).
      const engine = coversWholeSentences(text, passages, at.start, at.end)
        ? engineTerms(await analysisOf(documentId))
        : undefined;
      const draft = clozeFromHighlight(text, passages, at.start, at.end, engine);
      if (!draft) throw new LectioError('invalid-argument', 'That highlight holds no words to ask about.');
      if ('refused' in draft) throw new LectioError('invalid-argument', draft.refused);
      const card = blank({
        kind: 'cloze',
        front: draft.front,
        back: highlight.note,
        tags: [...highlight.tags],
        source: { documentId, selectors: selectorsFor(text, draft.passage.start, draft.passage.end) },
        highlightId,
        color: highlight.color,
      });
      return { card: await add(card), created: true };
    },

    async updateCard({ id, ...change }) {
      const current = context.find(id);
      const updated: StoredCard = {
        ...current,
        ...(change.front === undefined ? {} : { front: change.front }),
        ...(change.back === undefined ? {} : { back: change.back }),
        ...(change.tags === undefined ? {} : { tags: cleanCardTags(change.tags) }),
        ...(change.suspended === undefined ? {} : { suspended: change.suspended }),
        updatedAt: now().toISOString(),
      };
      requireContent(updated);
      await cards.replace(updated);
      return context.view(updated);
    },

    async deleteCard({ id }) {
      const removed = context.find(id);
      // The card's reviews stay in the log: they are history (and statistics), and they let an undo restore its schedule.
      await cards.delete(removed);
      return removed;
    },

    async restoreCard({ card }) {
      requireContent(card);
      await cards.restore(card);
      return context.view(card);
    },

    ...interchangeMethods(context),
    ...ankiMethods(context),
  };
}
