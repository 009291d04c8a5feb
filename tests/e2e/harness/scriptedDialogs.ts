import type { FileDialogs } from '../../../src/main/files/fileDialogs';

type Answer = { kind: 'open' | 'save' | 'folder'; path: string | null };

/**
 * The system's file dialogs, answered by the test: `willOpen(path)` before the user's click that
 * opens a dialog, `willSave(path)` before a save, `willChooseFolder(path)` before a folder pick,
 * `willCancel...` for the Cancel button. A dialog
 * nobody scripted fails the test instead of hanging it.
 */
export class ScriptedDialogs implements FileDialogs {
  private readonly answers: Answer[] = [];
  /** What each dialog was asked, in order, for tests that check titles and file types. */
  readonly asked: { kind: Answer['kind']; title: string; defaultName?: string }[] = [];

  willOpen(path: string): void {
    this.answers.push({ kind: 'open', path });
  }

  willSave(path: string): void {
    this.answers.push({ kind: 'save', path });
  }

  willChooseFolder(path: string): void {
    this.answers.push({ kind: 'folder', path });
  }

  willCancelOpen(): void {
    this.answers.push({ kind: 'open', path: null });
  }

  willCancelSave(): void {
    this.answers.push({ kind: 'save', path: null });
  }

  chooseFileToOpen = ({ title }: { title: string }): Promise<string | null> => {
    this.asked.push({ kind: 'open', title });
    return Promise.resolve(this.next('open', title));
  };

  chooseFileToSave = ({
    title,
    defaultName,
  }: {
    title: string;
    defaultName: string;
  }): Promise<string | null> => {
    this.asked.push({ kind: 'save', title, defaultName });
    return Promise.resolve(this.next('save', title));
  };

  chooseFolder = ({ title }: { title: string }): Promise<string | null> => {
    this.asked.push({ kind: 'folder', title });
    return Promise.resolve(this.next('folder', title));
  };

  private next(kind: Answer['kind'], title: string): string | null {
    const answer = this.answers.shift();
    if (!answer) throw new Error(`An unscripted ${kind} dialog opened: "${title}"`);
    if (answer.kind !== kind) {
      throw new Error(
        `A ${kind} dialog opened ("${title}") where the test expected a ${answer.kind} dialog`,
      );
    }
    return answer.path;
  }
}
