import { describe, expect, it } from 'vitest';
import { safeFileName } from './safeFileName';

describe('safeFileName', () => {
  it('keeps ordinary names in every script', () => {
    expect(safeFileName('Протокол встречи.pdf')).toBe('Протокол встречи.pdf');
    expect(safeFileName('Görüşün protokolu 2016.docx')).toBe('Görüşün protokolu 2016.docx');
  });

  it('cannot leave its folder or name a device', () => {
    expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a:b*c?.txt')).toBe('a_b_c_.txt');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('lpt¹.pdf')).toBe('_lpt¹.pdf');
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('notes. ')).toBe('notes');
    expect(safeFileName('', 'export')).toBe('export');
  });

  it('removes bidirectional overrides, so a .lnk cannot pass for a .pdf', () => {
    expect(safeFileName('Scan\u202Efdp.lnk')).toBe('Scanfdp.lnk');
    expect(safeFileName('\u2067report\u2069.exe')).toBe('report.exe');
    expect(safeFileName('a\u200Fb\u061Cc.txt')).toBe('abc.txt');
  });

  it('removes invisible and control characters of every plane', () => {
    expect(safeFileName('in\u200Bvisible\uFEFF.pdf')).toBe('invisible.pdf');
    expect(safeFileName('line\u2028break.txt')).toBe('linebreak.txt');
    expect(safeFileName('bell\u0007tab\tc1\u0085.txt')).toBe('bell_tab_c1_.txt');
    expect(safeFileName('\u202E')).toBe('attachment');
  });

  it('composes decomposed letters, so a name reads and compares the same everywhere', () => {
    expect(safeFileName('Gu\u0308ndəlik.txt')).toBe('Gündəlik.txt');
  });

  it('stays within 200 bytes and keeps the extension', () => {
    const long = safeFileName(`${'ə'.repeat(300)}.pdf`);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
  });
});
