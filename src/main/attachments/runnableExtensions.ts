import type { FileType } from '@shared/model/fileType';

const each = <T>(value: T, ...extensions: string[]) =>
  extensions.map((extension) => [extension, value] as const);

/**
 * Extensions Windows, macOS or a Linux desktop runs, or hands to something that runs code or
 * renders a web page, when a file is opened: the one list behind both the disguise check (a
 * document extension right before one of these, "minutes.pdf.exe") and the naming of text files,
 * which carry no signature (text under `.vbs` is a script, under `.hta` a web page). The value is
 * what a text file under the extension is; null for binary formats (programs, installers,
 * shortcuts, disk images), which no text file is.
 */
export const RUNNABLE_EXTENSIONS: ReadonlyMap<string, FileType | null> = new Map<
  string,
  FileType | null
>([
  ...each(
    null,
    'exe',
    'com',
    'scr',
    'pif',
    'cpl',
    'dll',
    'msi',
    'msp',
    'mst',
    'lnk',
    'jar',
    'gadget',
    'chm',
    'iso',
    'img',
    'vhd',
    'vhdx',
    'appimage',
    'app',
    'pkg',
    'dmg',
  ),
  ...each<FileType>(
    'script',
    'bat',
    'cmd',
    'js',
    'jse',
    'mjs',
    'vbs',
    'vbe',
    'wsf',
    'wsh',
    'ps1',
    'psm1',
    'psd1',
    'sh',
    'bash',
    'zsh',
    'command',
    'py',
    'pyw',
    'pl',
    'rb',
    'reg',
    'inf',
    'scf',
    'msc',
    'application',
    'appref-ms',
    'settingcontent-ms',
  ),
  ...each<FileType>('html', 'htm', 'html', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'hta'),
  ...each<FileType>('svg', 'svg'),
  ...each<FileType>('internet-shortcut', 'url'),
  ...each<FileType>('desktop-launcher', 'desktop'),
]);
