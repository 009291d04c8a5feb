import { describe, expect, it } from 'vitest';
import type { FileContent } from './detectFileType';
import { FileContentCache } from './fileContentCache';

const pdf: FileContent = { isText: false, type: 'pdf' };
const png: FileContent = { isText: false, type: 'png' };
const program: FileContent = { isText: false, type: 'windows-program' };

describe('FileContentCache', () => {
  it('keeps at most its capacity, forgetting the hash used least recently', () => {
    const cache = new FileContentCache(2);
    cache.set('a', pdf);
    cache.set('b', png);
    expect(cache.get('a')).toBe(pdf);
    cache.set('c', program);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(pdf);
    expect(cache.get('c')).toBe(program);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
