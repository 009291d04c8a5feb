import type { OpenPath } from '../../../src/main/attachments/attachmentService';

/**
 * The system's viewer (Electron's shell.openPath in the app), recorded instead of launched: each
 * path the real attachment service asked to open, in order, so a test can read the very file a
 * user would have seen. `willFail(message)` makes the next call answer as a missing viewer does.
 */
export class RecordedViewer {
  /** The paths handed to the viewer, in order. */
  readonly opened: string[] = [];
  private failures: string[] = [];

  willFail(message: string): void {
    this.failures.push(message);
  }

  openPath: OpenPath = (path) => {
    this.opened.push(path);
    return Promise.resolve(this.failures.shift() ?? '');
  };
}
