import type { FileContent } from './detectFileType';

/** Enough for every file a user looks at in a session; each entry is a few dozen bytes. */
const DEFAULT_CAPACITY = 1024;

/**
 * What the bytes under each SHA-256 were found to hold, for the files looked at most recently: the
 * bytes under a hash never change, so a file is judged once, not on every look at its page (a text
 * file is read whole to judge it). Bounded: the least recently used entry goes first.
 */
export class FileContentCache {
  private readonly entries = new Map<string, FileContent>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(sha256: string): FileContent | undefined {
    const content = this.entries.get(sha256);
    if (content !== undefined) {
      // A Map keeps insertion order: moving the entry to the end marks it as used last.
      this.entries.delete(sha256);
      this.entries.set(sha256, content);
    }
    return content;
  }

  set(sha256: string, content: FileContent): void {
    this.entries.delete(sha256);
    this.entries.set(sha256, content);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets a hash whose stored file turned out not to hold its bytes. */
  delete(sha256: string): void {
    this.entries.delete(sha256);
  }
}
