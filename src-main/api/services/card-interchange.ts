/**
 * Anki interchange: export as Anki-importable tab-separated text (GUIDs derived from card ids, so re-exporting
 * updates notes in Anki), and import of the same format, where a matching GUID updates a card instead of adding one.
 */
import { ankiFile, ankiLine } from '../../core/cards/anki-export';
import { parseAnkiText, planImport } from '../../core/cards/anki-import';
import { fileStem } from '../../core/file-stem';
import type { LectioApi } from '../contract';
import type { CardContext } from './card-views';

type InterchangeMethods = Pick<LectioApi, 'exportCards' | 'importCards'>;

export function interchangeMethods(context: CardContext): InterchangeMethods {
  return {
    async exportCards({ documentId }) {
      const cards = context.cards
        .all()
        .filter((card) => documentId === undefined || card.source?.documentId === documentId);
      const title = documentId === undefined ? null : context.deps.storage.documents.meta(documentId).title;
      const fileName = `${title ? fileStem(title, 'cards') : 'lectio'}-anki.txt`;
      // A card at a time: its passage re-anchored where it is now, then its line of the file.
      return context.deps.exports.run({ items: cards.length }, async (run) => {
        const lines = await run.map(cards, async (card) => {
          const source = card.source ? await context.sourceView(card.source) : null;
          return ankiLine({ card, documentTitle: source?.documentTitle ?? null, passage: source?.passage ?? null });
        });
        return { fileName, mimeType: 'text/plain', content: ankiFile(lines) };
      });
    },

    async importCards({ content }) {
      const parsed = parseAnkiText(content);
      const plan = planImport(context.cards.all(), parsed.notes, {
        now: context.deps.now(),
        newId: context.deps.newId,
      });
      await context.cards.importCards(plan.updated, plan.created);
      return {
        created: plan.created.length,
        updated: plan.updated.length,
        unchanged: plan.unchanged,
        errors: [...parsed.errors, ...plan.errors],
      };
    },
  };
}
