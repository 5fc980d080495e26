/**
 * Test support: invented articles naming the same actors across documents (a minister whose role changes between
 * them, a trade minister seen with her, two people of one surname), for the actor index, dossier and its screen state.
 */
export const FIRST =
  'Foreign Minister Marta Quellen of France met Trade Minister Oren Talvik in Lisbon on 4 March 2024. ' +
  'Quellen said, “We will sign the treaty in June.” Talvik agreed, and Japan welcomed the news.';
export const SECOND =
  'Prime Minister Marta Quellen visited Japan on Monday. Quellen met Trade Minister Oren Talvik again. ' +
  '“The treaty holds,” Quellen said.';
export const THIRD = 'John Brindle and Sara Brindle spoke in Paris. Brindle said the plan was late.';
