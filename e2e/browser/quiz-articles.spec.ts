/**
 * Choosing a quiz's articles in a semester's library: the setup lists a dozen, finds the rest by title, and keeps an
 * article chosen elsewhere (the Reader's "Quiz me on this article") in view however far down the library it is.
 */
import { expect, test } from '@playwright/test';
import { importArticles } from '../support/api-client';
import { saveScreenWidths } from '../support/screens';
import { serverPerTest } from '../support/server';

const server = serverPerTest();
const PLACES = [
  'Lisbon',
  'Hanoi',
  'Quito',
  'Dakar',
  'Oslo',
  'Lima',
  'Accra',
  'Riga',
  'Baku',
  'Sofia',
  'Tunis',
  'Minsk',
];

test('a library of 25 articles: a dozen listed, the rest found by title or all shown, and the count of those chosen', async ({
  page,
}) => {
  await importArticles(
    server,
    [...PLACES, ...PLACES.map((place) => `${place} again`)].map((place) => ({
      title: `Port talks in ${place}`,
      text: `Port talks in ${place}\n\nThe port authority of ${place} met the union on Monday.`,
    })),
  );
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  const articles = page.getByRole('group', { name: 'Articles' });
  await expect(articles.getByRole('checkbox')).toHaveCount(12);
  await expect(articles).toContainText('1 of 25 chosen');

  await articles.getByRole('searchbox', { name: 'Find an article by its title' }).fill('riga AGAIN');
  await expect(articles.getByRole('checkbox')).toHaveCount(1);
  await articles.getByRole('checkbox', { name: 'Port talks in Riga again' }).check();
  await expect(articles).toContainText('2 of 25 chosen');
  await articles.getByRole('searchbox', { name: 'Find an article by its title' }).fill('Nairobi');
  await expect(articles).toContainText('No article’s title has “Nairobi”.');

  // Back to the whole list: the article chosen by its title stays in view beside the first dozen.
  await articles.getByRole('searchbox', { name: 'Find an article by its title' }).fill('');
  await expect(articles.getByRole('checkbox', { name: 'Port talks in Riga again' })).toBeChecked();
  await saveScreenWidths(page, 'quiz-articles');
  await articles.getByRole('button', { name: 'Show all 25 articles' }).click();
  await expect(articles.getByRole('checkbox')).toHaveCount(25);
  await articles.getByRole('button', { name: 'Clear' }).click();
  await expect(articles).toContainText('0 of 25 chosen');
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeDisabled();
});
