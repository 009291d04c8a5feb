import type { Page } from '@playwright/test';

export type StepEntry = {
  kind?: string;
  day?: string;
  month?: string;
  year?: string;
  place?: string;
  instrument?: string;
};

/** The agreement form as a user fills it in: choices by their visible names, steps by number. */
export class AgreementForm {
  constructor(private readonly page: Page) {}

  async chooseKind(kind: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Kind' }).click();
    await this.page.getByRole('option', { name: kind, exact: true }).click();
  }

  async fillTitle(english: string): Promise<void> {
    await this.page.locator('[name="title.en"]').fill(english);
  }

  party(number: number) {
    return this.page.getByTestId('agreement-party-row').nth(number - 1);
  }

  async addParty(search: string, option: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add party' }).click();
    const number = await this.page.getByTestId('agreement-party-row').count();
    await this.page.getByRole('combobox', { name: `Party ${number}`, exact: true }).fill(search);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  step(number: number) {
    return this.page.getByRole('group', { name: `Step ${number}`, exact: true });
  }

  /** Adds a step (kind "Signed" unless told) and fills in what is given. */
  async addStep(entry: StepEntry): Promise<void> {
    await this.page.getByRole('button', { name: 'Add step' }).click();
    const number = await this.page.getByTestId('agreement-step-row').count();
    await this.fillStep(number, entry);
  }

  async fillStep(number: number, entry: StepEntry): Promise<void> {
    const step = this.step(number);
    if (entry.kind) {
      await step.getByRole('combobox', { name: 'Step', exact: true }).click();
      await this.page.getByRole('option', { name: entry.kind, exact: true }).click();
    }
    if (entry.day !== undefined) await step.getByRole('textbox', { name: 'Day' }).fill(entry.day);
    if (entry.month) {
      await step.getByRole('combobox', { name: 'Month' }).click();
      await this.page.getByRole('option', { name: entry.month, exact: true }).click();
    }
    if (entry.year !== undefined) {
      await step.getByRole('textbox', { name: 'Year' }).fill(entry.year);
    }
    if (entry.place) {
      await step
        .getByRole('group', { name: 'Place' })
        .getByRole('textbox', { name: 'English' })
        .fill(entry.place);
    }
    if (entry.instrument) {
      await step
        .getByRole('group', { name: 'Instrument' })
        .getByRole('textbox', { name: 'English' })
        .fill(entry.instrument);
    }
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
