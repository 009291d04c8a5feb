import { expect, type Locator, type Page } from '@playwright/test';

/** The app window as a user sees it: navigation, language switcher, first-run screen. */
export class RegistryWindow {
  readonly navigation: Locator;
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {
    this.navigation = page.getByTestId('section-nav');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.origin}/#${path}`);
    await expect(this.navigation).toBeVisible();
  }

  /** Opens the app on an empty registry and loads the sample, where most tests start. */
  async openWithSample(): Promise<void> {
    await this.open();
    await this.loadSampleFromFirstRun();
  }

  async goTo(sectionLabel: string): Promise<void> {
    await this.navigation.getByRole('link', { name: sectionLabel }).click();
    await expect(this.heading).toHaveText(sectionLabel);
  }

  /** Picks a language in the title bar's switcher, by its own name (English, Azərbaycanca, Русский). */
  async switchLanguage(languageName: string): Promise<void> {
    await this.page.getByTestId('language-switcher').click();
    await this.page.getByRole('option', { name: languageName }).click();
  }

  async loadSampleFromFirstRun(): Promise<void> {
    const firstRun = this.page.getByTestId('first-run');
    await expect(firstRun).toBeVisible();
    await firstRun.getByRole('button', { name: 'Load the sample registry' }).click();
    await expect(
      this.page
        .getByRole('status')
        .filter({ hasText: /Sample registry loaded: \d+ records added/ }),
    ).toBeVisible();
  }
}
