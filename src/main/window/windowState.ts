import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite';
import { readJsonFile } from '../fs/readJsonFile';
import type { LogLine } from '../diagnostics/diagnosticsService';

/** Same shape as Electron's Rectangle, kept here so this file needs no Electron. */
export type Rectangle = { x: number; y: number; width: number; height: number };

/** Where the main window was when it last moved; `bounds` is null until it has been saved once. */
export type WindowState = { bounds: Rectangle | null; isMaximized: boolean };

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** Below this the layout stops working; the window refuses to shrink further. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of a window must lie on a display for the user to see it and grab it. */
const MIN_VISIBLE = { width: 100, height: 50 } as const;

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({
  bounds: null,
  isMaximized: false,
});

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }).nullable(),
  isMaximized: z.boolean(),
});

/** The remembered window state; a missing or damaged file gives the defaults, never a crash. */
export async function loadWindowState(dataFolder: string, log?: LogLine): Promise<WindowState> {
  const result = await readJsonFile(join(dataFolder, WINDOW_STATE_FILE), windowStateSchema);
  if (result.kind === 'ok') return result.value;
  if (result.kind === 'invalid') log?.(`${WINDOW_STATE_FILE} ${result.problem}; using defaults`);
  return { ...DEFAULT_WINDOW_STATE };
}

/** Saves the window state atomically, so a crash mid-write cannot leave a half file behind. */
export async function saveWindowState(dataFolder: string, state: WindowState): Promise<void> {
  const valid = windowStateSchema.parse({
    isMaximized: state.isMaximized,
    bounds: state.bounds && roundRectangle(state.bounds),
  });
  await mkdir(dataFolder, { recursive: true });
  await writeFileAtomic(join(dataFolder, WINDOW_STATE_FILE), `${JSON.stringify(valid, null, 2)}\n`);
}

function roundRectangle({ x, y, width, height }: Rectangle): Rectangle {
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
  };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function centeredDefault(area: Rectangle): Rectangle {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, area.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Puts a remembered window where the user can see it on the displays attached now (a laptop
 * undocked from its second screen would otherwise open the app off-screen). `workAreas` lists the
 * displays' work areas with the primary display first. A window mostly off every display is
 * centered at the default size on the primary; otherwise it is shrunk to fit the display it is
 * most on and moved fully onto it.
 */
export function fitToDisplays(
  bounds: Rectangle | null,
  workAreas: readonly Rectangle[],
): Rectangle {
  const primary = workAreas[0];
  if (!primary) return bounds ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!bounds) return centeredDefault(primary);

  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const shared = overlap(bounds, area);
    const isVisible =
      shared.width >= Math.min(MIN_VISIBLE.width, bounds.width) &&
      shared.height >= Math.min(MIN_VISIBLE.height, bounds.height);
    if (isVisible && shared.width * shared.height > bestArea) {
      best = area;
      bestArea = shared.width * shared.height;
    }
  }
  if (!best) return centeredDefault(primary);

  const width = Math.min(bounds.width, best.width);
  const height = Math.min(bounds.height, best.height);
  return {
    x: clamp(bounds.x, best.x, best.x + best.width - width),
    y: clamp(bounds.y, best.y, best.y + best.height - height),
    width,
    height,
  };
}
