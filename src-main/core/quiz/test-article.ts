/**
 * A small invented article and its hand-made analysis, shared by the question-kind tests. Its names are made up on
 * purpose: the generator must work from the analysis alone.
 */
import { analysisOf } from './test-analysis';
import { buildContext, type ArticleContext } from './context';
import type { QuizOptions } from './types';

export const TEXT = [
  'Prime Minister Ana Sousa met Foreign Minister Tomas Berg in Lisbon on 3 March 2024.',
  'Berg, a former diplomat at the United Nations, said, “We will sign the fisheries treaty before the summer recess.”',
  'The Nordic summit on May 20-22 will follow the talks.',
  'Portugal and Norway signed a trade agreement in September 2023.',
  '“Our ports are ready for the new routes,” said Ana Sousa.',
  'Carlos Reis, head of the Port Authority of Lisbon, welcomed the deal in October 2023.',
  'The Port Authority of Lisbon issued a statement, saying, “Traffic will double within five busy years.”',
  'Norway expects the first ships to arrive in 2025.',
].join(' ');

export const ANALYSIS = analysisOf(
  TEXT,
  [
    { name: 'Ana Sousa', type: 'person', aliases: ['Prime Minister Ana Sousa', 'Sousa'], roles: ['Prime Minister'] },
    {
      name: 'Tomas Berg',
      type: 'person',
      aliases: ['Foreign Minister Tomas Berg', 'Berg'],
      roles: ['Foreign Minister', 'former diplomat at the United Nations'],
    },
    { name: 'Carlos Reis', type: 'person', roles: ['head of the Port Authority of Lisbon'] },
    { name: 'Portugal', type: 'country' },
    { name: 'Norway', type: 'country' },
    { name: 'United Nations', type: 'organization' },
    { name: 'Port Authority of Lisbon', type: 'organization' },
  ],
  [
    { text: '3 March 2024', value: '2024-03-03', precision: 'day' },
    { text: 'May 20-22', value: '2024-05-20/2024-05-22', precision: 'range', status: 'expected' },
    { text: 'September 2023', value: '2023-09', precision: 'month' },
    { text: 'October 2023', value: '2023-10', precision: 'month' },
    { text: '2025', value: '2025', precision: 'year', status: 'expected' },
  ],
);

export const POOL: NonNullable<QuizOptions['pool']> = {
  actors: [
    { name: 'Maria Lopes', type: 'person', roles: ['Finance Minister'] },
    { name: 'Jon Olsen', type: 'person', roles: ['mayor of Bergen'] },
    { name: 'Sousa', type: 'person', roles: [] },
    { name: 'Spain', type: 'country', roles: [] },
    { name: 'Denmark', type: 'country', roles: [] },
    { name: 'European Commission', type: 'organization', roles: [] },
  ],
  dates: [{ value: '2023-06', precision: 'month' }],
};

/** The test article's context with the given seed and options. */
export function testContext(options: Partial<QuizOptions> = {}): ArticleContext {
  return buildContext(TEXT, ANALYSIS, { seed: 'test', ...options });
}
