import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCsv, encodeCsv } from '@shared/formats/csv';
import type { ExportTable } from '@shared/formats/exportTable';
import { buildCalendar, encodeCalendar } from '@shared/formats/ics';
import { buildRegistrySnapshot, encodeSnapshot } from '@shared/formats/json';
import { buildVCards, encodeVCards } from '@shared/formats/vcard';
import { buildXlsx, XLSX_DATE_FORMATS } from '@shared/formats/xlsx';
import type { SaveFormat } from '@shared/ipc/contract';
import { forgedBundle } from '../../../tests/fixtures/forgedBundle';
import { formatMismatch, requireFormat } from './requireFormat';

const text = (value: string) => new TextEncoder().encode(value);

const table: ExportTable = {
  headers: ['Ad', 'Название'],
  rows: [[{ text: 'Könüllü qayıdış' }, { text: '=HYPERLINK("http://x")' }]],
};

/** A Windows program's first bytes: what a compromised renderer would most like to write. */
const WINDOWS_EXECUTABLE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

/** An Office package with only the parts named: a docx is not an xlsx, and the reverse. */
const officePackage = (...parts: string[]) =>
  zipSync(Object.fromEntries(parts.map((part) => [part, strToU8('<x/>')])));

describe('formatMismatch', () => {
  it('accepts what the app’s own exporters write, in every format', async () => {
    const written: [SaveFormat, Uint8Array][] = [
      ['csv', encodeCsv(buildCsv(table, ';'))],
      [
        'xlsx',
        await buildXlsx(table, {
          sheetName: 'Partners',
          dateFormat: XLSX_DATE_FORMATS.en.date,
          dateTimeFormat: XLSX_DATE_FORMATS.en.dateTime,
        }),
      ],
      ['json', encodeSnapshot(buildRegistrySnapshot({}, 'Registry'))],
      [
        'ics',
        encodeCalendar(
          buildCalendar(
            [{ id: 'a1', summary: 'Council', start: '2016-12-05', end: '2016-12-08' }],
            { name: 'Meetings', stamp: new Date(Date.UTC(2026, 0, 1)) },
          ).text,
        ),
      ],
      [
        'vcf',
        encodeVCards(
          buildVCards([
            {
              id: 'p1',
              formattedName: 'Leyla Məmmədova',
              name: null,
              organization: [],
              title: null,
              emails: [],
              phones: [],
              addresses: [],
              languages: [],
              note: null,
              revision: null,
            },
          ]),
        ),
      ],
      // Every person of the list was restricted and left out: an empty address book.
      ['vcf', encodeVCards(buildVCards([]))],
      [
        'docx',
        new Uint8Array(
          await Packer.toArrayBuffer(
            new Document({ sections: [{ children: [new Paragraph('Briefing')] }] }),
          ),
        ),
      ],
      ['pdf', text('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF')],
      ['coopx', forgedBundle({ isEncrypted: true })],
    ];
    for (const [format, bytes] of written) {
      expect(await formatMismatch(format, bytes), format).toBeNull();
    }
  });

  it.each<[SaveFormat, Uint8Array, string]>([
    ['pdf', WINDOWS_EXECUTABLE, 'it does not start with %PDF-'],
    ['pdf', text('<html><script>alert(1)</script></html>'), 'it does not start with %PDF-'],
    ['csv', WINDOWS_EXECUTABLE, 'it contains NUL bytes, so it is not text'],
    ['csv', new Uint8Array([0x61, 0x3b, 0xff, 0xfe, 0x0a]), 'it is not UTF-8 text'],
    ['json', text('<?xml version="1.0"?><x/>'), 'it does not start with { or ['],
    ['json', text('  \n'), 'it does not start with { or ['],
    ['ics', text('BEGIN:VCARD\r\nEND:VCARD\r\n'), 'it does not start with BEGIN:VCALENDAR'],
    ['vcf', text('@echo off\r\nformat c:\r\n'), 'it does not start with BEGIN:VCARD'],
    ['xlsx', WINDOWS_EXECUTABLE, 'it is not a zip package'],
    ['xlsx', officePackage('[Content_Types].xml', 'word/document.xml'), 'it lacks xl/workbook.xml'],
    ['docx', officePackage('payload.exe'), 'it lacks [Content_Types].xml and word/document.xml'],
    ['docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'it is not a readable zip package'],
    [
      'coopx',
      text('{"format":"cooperation-registry/exchange"}'),
      'it does not start like an exchange bundle',
    ],
  ])('refuses %s bytes that are something else: %s', async (format, bytes, reason) => {
    expect(await formatMismatch(format, bytes)).toBe(reason);
  });
});

describe('requireFormat', () => {
  it('refuses with invalid-data, naming the file, the format and the reason', async () => {
    await expect(requireFormat('pdf', WINDOWS_EXECUTABLE, 'Briefing.pdf')).rejects.toMatchObject({
      code: 'invalid-data',
      message:
        '“Briefing.pdf” was not saved: its content is not PDF (it does not start with %PDF-).',
      details: {
        fileName: 'Briefing.pdf',
        expected: 'pdf',
        reason: 'it does not start with %PDF-',
      },
    });
    await expect(requireFormat('csv', encodeCsv('a;b\n'), 'Partners.csv')).resolves.toBeUndefined();
  });
});
