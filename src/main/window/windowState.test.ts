import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
  type Rectangle,
} from './windowState';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'window-state-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('loadWindowState / saveWindowState', () => {
  it('gives the defaults on first run', async () => {
    expect(await loadWindowState(folder)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('remembers bounds and maximized across a save and load', async () => {
    const state = { bounds: { x: 120, y: 80, width: 1400, height: 900 }, isMaximized: true };
    await saveWindowState(folder, state);
    expect(await loadWindowState(folder)).toEqual(state);
    expect(await readdir(folder)).toEqual([WINDOW_STATE_FILE]);
  });

  it('creates the data folder when it does not exist yet', async () => {
    const nested = join(folder, 'userData');
    await saveWindowState(nested, { bounds: null, isMaximized: false });
    expect(await loadWindowState(nested)).toEqual({ bounds: null, isMaximized: false });
  });

  it.each([
    ['broken JSON', '{"bounds": {"x": 1,'],
    ['wrong shape', '{"bounds": {"x": "left"}, "isMaximized": "yes"}'],
    ['empty file', ''],
    ['a number', '42'],
  ])('falls back to the defaults for %s and logs it', async (_label, content) => {
    await writeFile(join(folder, WINDOW_STATE_FILE), content);
    const log = vi.fn();
    expect(await loadWindowState(folder, log)).toEqual(DEFAULT_WINDOW_STATE);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(WINDOW_STATE_FILE));
  });
});

describe('fitToDisplays', () => {
  const primary: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
  const right: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('centers the default size on the primary display on first run', () => {
    expect(fitToDisplays(null, [primary])).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('keeps a window that is on screen where it was', () => {
    const bounds = { x: 100, y: 50, width: 1200, height: 700 };
    expect(fitToDisplays(bounds, [primary, right])).toEqual(bounds);
    const onSecond = { x: 2200, y: 100, width: 1600, height: 1000 };
    expect(fitToDisplays(onSecond, [primary, right])).toEqual(onSecond);
  });

  it('brings back a window left on a display that is no longer attached', () => {
    const onDetachedMonitor = { x: 2200, y: 100, width: 1600, height: 1000 };
    expect(fitToDisplays(onDetachedMonitor, [primary])).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    });
  });

  it('brings back a window far off every display', () => {
    expect(
      fitToDisplays({ x: -5000, y: -5000, width: 800, height: 600 }, [primary, right]),
    ).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('pulls a window whose title bar is above the screen fully onto the display', () => {
    expect(fitToDisplays({ x: 100, y: -300, width: 1000, height: 700 }, [primary])).toEqual({
      x: 100,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than the work area it is on', () => {
    const small: Rectangle = { x: 0, y: 0, width: 1366, height: 728 };
    expect(fitToDisplays({ x: 10, y: 10, width: 2400, height: 1300 }, [small])).toEqual(small);
    expect(fitToDisplays(null, [small])).toEqual({ x: 43, y: 0, width: 1280, height: 728 });
  });

  it('centers on the primary work area even when it does not start at 0,0', () => {
    const withTaskbarLeft: Rectangle = { x: 60, y: 0, width: 1860, height: 1080 };
    expect(fitToDisplays(null, [withTaskbarLeft])).toEqual({
      x: 350,
      y: 140,
      width: 1280,
      height: 800,
    });
  });
});
