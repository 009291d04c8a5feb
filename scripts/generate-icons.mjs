// Regenerates the app icons in resources/ from resources/icon.svg:
//   resources/icon.png          512×512, the source electron-builder falls back to
//   resources/icons/NxN.png     Linux icon sizes (deb/rpm hicolor theme)
//   resources/icon.ico          Windows: the executable, the NSIS/MSI installers, shortcuts
// Each size is rendered from the SVG by Chromium (sharper at 16 px than scaling a large PNG down);
// ImageMagick packs the Windows sizes into the .ico.
//
//   node scripts/generate-icons.mjs      (needs /usr/bin/chromium or CHROMIUM_PATH, and `convert`)
//
// The results are committed; run this only after changing icon.svg.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env } from 'node:process';
import { chromium } from '@playwright/test';

const RESOURCES = join(import.meta.dirname, '..', 'resources');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = await readFile(join(RESOURCES, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const rendered = new Map();
try {
  for (const size of new Set([...LINUX_SIZES, ...WINDOWS_SIZES])) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
    rendered.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}

await mkdir(join(RESOURCES, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) {
  await writeFile(join(RESOURCES, 'icons', `${size}x${size}.png`), rendered.get(size));
}
await writeFile(join(RESOURCES, 'icon.png'), rendered.get(512));

// ImageMagick writes the small sizes as bitmaps, which every Windows tool (NSIS included) reads.
const temp = await mkdtemp(join(tmpdir(), 'icons-'));
try {
  const windowsPngs = [];
  for (const size of WINDOWS_SIZES) {
    const file = join(temp, `${size}.png`);
    await writeFile(file, rendered.get(size));
    windowsPngs.push(file);
  }
  execFileSync('convert', [...windowsPngs, join(RESOURCES, 'icon.ico')], { stdio: 'inherit' });
} finally {
  await rm(temp, { recursive: true, force: true });
}
