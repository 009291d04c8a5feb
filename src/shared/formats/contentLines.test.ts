import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldContentLine, joinContentLines } from './contentLines';

/** Unfolding as RFC 5545 §3.1 and RFC 6350 §3.2 say: remove every CRLF followed by one space. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldContentLine', () => {
  it('leaves short lines alone and starts continuation lines with one space', () => {
    expect(foldContentLine('FN:Short')).toBe('FN:Short');
    const folded = foldContentLine(`NOTE:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines[0]).toHaveLength(75);
    expect(lines.slice(1).every((line) => line.startsWith(' ') && line.length <= 75)).toBe(true);
    expect(unfold(folded)).toBe(`NOTE:${'x'.repeat(200)}`);
  });

  it('keeps every physical line within 75 octets and whole letters, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${text.replace(/[\r\n]/g, ' ')}`;
        const folded = foldContentLine(line);
        for (const physical of folded.split('\r\n')) {
          const octets = new TextEncoder().encode(physical);
          expect(octets.length).toBeLessThanOrEqual(75);
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(octets)).not.toThrow();
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});

describe('joinContentLines', () => {
  it('ends every line with CRLF, and writes nothing for no lines', () => {
    expect(joinContentLines(['BEGIN:VCARD', 'END:VCARD'])).toBe('BEGIN:VCARD\r\nEND:VCARD\r\n');
    expect(joinContentLines([])).toBe('');
  });
});
