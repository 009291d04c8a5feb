import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

/** Screens a user reaches from the navigation, the record forms, and the detail pages behind them. */
const SCREENS = [
  '/',
  '/?activity=area',
  '/timeline',
  '/timeline?zoom=year&at=2014',
  '/timeline?zoom=month&at=2016-12',
  '/partners',
  '/agreements',
  '/projects',
  '/events',
  '/people',
  '/follow-ups',
  '/documents',
  '/areas',
  '/trash',
  '/settings',
  '/partners/new',
  '/agreements/new',
  '/events/new',
  '/projects/new',
  '/people/new',
  '/follow-ups/new',
  '/documents/new',
  '/areas/new',
];

test('every main screen passes the axe accessibility check (WCAG 2.1 A and AA)', async ({
  page,
  registryApp,
}) => {
  test.setTimeout(120_000);
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await page
    .getByRole('status')
    .getByRole('button')
    .first()
    .click()
    .catch(() => undefined);

  const detailPages: string[] = [];
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^International Organization for Migration IOM/ }).click();
  await expect(app.heading).toContainText('International Organization for Migration');
  detailPages.push(new URL(page.url()).hash.slice(1));
  // IOM's form: its areas as chips and its membership fact with a partner picker.
  detailPages.push(`${new URL(page.url()).hash.slice(1)}/edit`);
  await page
    .getByTestId('agreement-card')
    .getByRole('link', { name: /Voluntary Return of Migrants/ })
    .click();
  detailPages.push(new URL(page.url()).hash.slice(1));

  const problems: string[] = [];
  for (const path of [...SCREENS, ...detailPages]) {
    await app.open(path);
    await expect(app.heading).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    problems.push(
      ...results.violations.map(
        (violation) =>
          `${path}: ${violation.id} (${violation.impact ?? 'n/a'}) ${violation.nodes.length}× — ${violation.help}`,
      ),
    );
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
