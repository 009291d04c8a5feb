import { describe, expect, it } from 'vitest';
import { expandVariables, isAbsoluteFolder, normalizeFolder, readVariable } from './environment';

describe('readVariable', () => {
  it('matches names case-insensitively on Windows only', () => {
    const env = { ProgramData: 'C:\\ProgramData' };
    expect(readVariable(env, 'PROGRAMDATA', 'win32')).toBe('C:\\ProgramData');
    expect(readVariable(env, 'PROGRAMDATA', 'linux')).toBeUndefined();
    expect(readVariable(env, 'ProgramData', 'linux')).toBe('C:\\ProgramData');
  });

  it('treats an empty value as unset', () => {
    expect(readVariable({ HOME: '' }, 'HOME', 'linux')).toBeUndefined();
  });

  it('reads only the environment’s own variables, never the object’s inherited members', () => {
    for (const platform of ['linux', 'win32'] as const) {
      for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect(readVariable(process.env, name, platform), name).toBeUndefined();
        expect(readVariable({ HOME: '/home/officer' }, name, platform), name).toBeUndefined();
      }
    }
    expect(expandVariables('%constructor%\\Registry', {}, 'win32')).toEqual({
      kind: 'unknown',
      names: ['%constructor%'],
    });
  });
});

describe('expandVariables', () => {
  it('expands %NAME% and ${NAME} anywhere in the text', () => {
    expect(
      expandVariables(
        '%SystemDrive%\\Data\\${USERNAME}',
        { SystemDrive: 'C:', USERNAME: 'aliyev' },
        'win32',
      ),
    ).toEqual({ kind: 'ok', text: 'C:\\Data\\aliyev' });
    expect(
      expandVariables('%ProgramFiles(x86)%', { 'ProgramFiles(x86)': 'C:\\PF86' }, 'win32'),
    ).toEqual({ kind: 'ok', text: 'C:\\PF86' });
  });

  it('expands a leading ~ to HOME outside Windows only', () => {
    expect(expandVariables('~/registry', { HOME: '/home/a' }, 'linux')).toEqual({
      kind: 'ok',
      text: '/home/a/registry',
    });
    expect(expandVariables('~', { HOME: '/home/a' }, 'linux')).toEqual({
      kind: 'ok',
      text: '/home/a',
    });
    expect(expandVariables('~other/x', { HOME: '/home/a' }, 'linux')).toEqual({
      kind: 'ok',
      text: '~other/x',
    });
    expect(expandVariables('~\\x', { HOME: 'C:\\Users\\a' }, 'win32')).toEqual({
      kind: 'ok',
      text: '~\\x',
    });
  });

  it('lists every unknown variable instead of leaving it in or emptying it', () => {
    expect(expandVariables('%A%/${B}/%C%', { C: 'c' }, 'linux')).toEqual({
      kind: 'unknown',
      names: ['%A%', '${B}'],
    });
    expect(expandVariables('~/x', {}, 'linux')).toEqual({ kind: 'unknown', names: ['~ (HOME)'] });
  });

  it('leaves text without variables, a lone % and a bare $NAME alone', () => {
    expect(expandVariables('/srv/100%/$HOME', { HOME: '/h' }, 'linux')).toEqual({
      kind: 'ok',
      text: '/srv/100%/$HOME',
    });
  });
});

describe('isAbsoluteFolder / normalizeFolder', () => {
  it('wants a drive or a UNC share on Windows and a leading / elsewhere', () => {
    expect(isAbsoluteFolder('C:\\Data', 'win32')).toBe(true);
    expect(isAbsoluteFolder('c:/Data', 'win32')).toBe(true);
    expect(isAbsoluteFolder('\\\\server\\share', 'win32')).toBe(true);
    expect(isAbsoluteFolder('\\\\server', 'win32')).toBe(false);
    expect(isAbsoluteFolder('\\Data', 'win32')).toBe(false);
    expect(isAbsoluteFolder('C:Data', 'win32')).toBe(false);
    expect(isAbsoluteFolder('/srv/data', 'linux')).toBe(true);
    expect(isAbsoluteFolder('srv/data', 'linux')).toBe(false);
  });

  it('folds separators, dots and a trailing separator but keeps a root', () => {
    expect(normalizeFolder('C:/Users//a/./b/../Registry\\', 'win32')).toBe(
      'C:\\Users\\a\\Registry',
    );
    expect(normalizeFolder('D:\\', 'win32')).toBe('D:\\');
    expect(normalizeFolder('/srv//registry/', 'linux')).toBe('/srv/registry');
    expect(normalizeFolder('/', 'linux')).toBe('/');
  });
});
