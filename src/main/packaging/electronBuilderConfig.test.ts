import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTABLE_DATA_FOLDER } from '../policy/dataLocation';
import { LINUX_POLICY_FILE } from '../policy/policyService';
import { PORTABLE_BUILD_FIELD } from '../policy/portableBuild';
import { SAMPLE_REGISTRY_FILE } from '../sample/sampleService';

/**
 * The packaging configuration, loaded the way electron-builder loads it (package.json "build", else
 * electron-builder.yml) and checked against electron-builder's own JSON schema, so a misspelled
 * option fails here instead of on the machine that builds the installers. The security-relevant
 * values are pinned: loosening one fails the suite.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const SCHEMA_FILE = join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json');
const PORTABLE_CONFIG_FILE = join(ROOT, 'electron-builder.portable.yml');

type PackageJson = { name: string; version: string; scripts: Record<string, string> };
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

let config: Configuration;
/** electron-builder.portable.yml, merged with the file it extends as electron-builder merges it. */
let portableConfig: Configuration;

let schema: { ajv: Ajv; validate: ValidateFunction };

// Compiling electron-builder's schema is the slow part (seconds on a loaded two-core machine):
// done once, with room to spare, rather than in each test under vitest's 5 s limit.
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
  portableConfig = await getConfig(ROOT, PORTABLE_CONFIG_FILE, null);
  const ajv = new Ajv({ allErrors: true, strict: false });
  schema = { ajv, validate: ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object) };
}, 60_000);

const validator = () => schema;

describe('electron-builder configuration', () => {
  it('is electron-builder.yml (package.json has no "build" key to shadow it)', () => {
    expect(packageJson).not.toHaveProperty('build');
    expect(config.appId).toBe('az.gov.migration.cooperation-registry');
    expect(config.productName).toBe('Cooperation Registry');
  });

  it("matches electron-builder's own schema", () => {
    const { ajv, validate } = validator();
    const isValid = validate(config);
    expect(isValid ? 'valid' : ajv.errorsText(validate.errors, { separator: '\n' })).toBe('valid');
  });

  it('is checked by a schema that refuses unknown and mistyped options', () => {
    const { validate } = validator();
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, autoUpdate: true })).toBe(false);
  });

  it('flips every security fuse after packing', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an ASAR with only the built output and the sample registry', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!node_modules/**'] }]);
    expect(config.extraResources).toEqual([
      { from: `resources/${SAMPLE_REGISTRY_FILE}`, to: SAMPLE_REGISTRY_FILE },
    ]);
    expect(existsSync(join(ROOT, 'resources', SAMPLE_REGISTRY_FILE))).toBe(true);
  });

  it('publishes nothing and ships no auto-updater', () => {
    expect(config).toHaveProperty('publish', null);
    for (const target of [config.nsis, config.msi, config.portable, config.win, config.linux]) {
      expect(target).not.toHaveProperty('publish');
    }
    expect(config.nsis?.differentialPackage).toBe(false);
  });

  it('builds a per-machine NSIS installer with a folder choice that keeps user data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
      runAfterFinish: false,
      // Pinned: the uninstall entry an upgrade looks for; INSTALL.md gives it for detection rules.
      guid: '1df683d1-85e8-5ff3-bccd-600b343c1cba',
    });
  });

  it('builds a per-machine MSI that upgrades in place and does not start the app', () => {
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi?.upgradeCode).toBe('81452860-2C3E-5571-A113-008CFBFF4E45');
  });

  it('targets NSIS and MSI on Windows, deb and rpm on Linux, all x64', () => {
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.linux?.target).toEqual([
      { target: 'deb', arch: ['x64'] },
      { target: 'rpm', arch: ['x64'] },
    ]);
  });

  it('has the icons it points to: a Windows .ico and Linux PNGs up to 512×512', () => {
    const ico = readFileSync(join(ROOT, config.win?.icon ?? 'missing'));
    expect(ico.readUInt16LE(0)).toBe(0); // ICONDIR: reserved
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));

    const pngSize = (file: string) => {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    const linuxIcons = join(ROOT, config.linux?.icon ?? 'missing');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(linuxIcons, `${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(pngSize(join(ROOT, 'resources', 'icon.png'))).toEqual([512, 512]);
  });

  it('never marks the installers as the portable build', () => {
    expect(config.extraMetadata).not.toHaveProperty(PORTABLE_BUILD_FIELD);
    expect(packageJson).not.toHaveProperty(PORTABLE_BUILD_FIELD);
  });

  it('has dist scripts that build first and never publish', () => {
    for (const script of ['dist', 'dist:win', 'dist:linux']) {
      expect(packageJson.scripts[script], script).toMatch(
        /^electron-vite build && electron-builder .*--publish never/,
      );
    }
    expect(packageJson.scripts['dist:win']).toContain('--win');
    expect(packageJson.scripts['dist:linux']).toContain('--linux');
  });

  it('builds the Windows installers and then the portable build, each from its own file', () => {
    expect(packageJson.scripts['dist:win']?.split(' && ')).toEqual([
      'electron-vite build',
      'electron-builder --win --publish never',
      'electron-builder --win --config electron-builder.portable.yml --publish never',
    ]);
  });
});

describe('electron-builder.portable.yml', () => {
  it("matches electron-builder's own schema", () => {
    const { ajv, validate } = validator();
    const isValid = validate(portableConfig);
    expect(isValid ? 'valid' : ajv.errorsText(validate.errors, { separator: '\n' })).toBe('valid');
  });

  it('builds the portable .exe and nothing else, x64', () => {
    expect(portableConfig.win?.target).toEqual({ target: 'portable', arch: ['x64'] });
    expect(portableConfig.linux?.target).toEqual(config.linux?.target);
  });

  it('marks the app as the portable build, keeping the package metadata', () => {
    expect(portableConfig.extraMetadata).toEqual({
      ...config.extraMetadata,
      [PORTABLE_BUILD_FIELD]: true,
    });
  });

  it('changes nothing else: same fuses, ASAR, files and installer settings', () => {
    const rest = (whole: Configuration) =>
      Object.fromEntries(
        Object.entries({ ...whole, win: { ...whole.win, target: null } }).filter(
          ([key]) => key !== 'extends' && key !== 'extraMetadata',
        ),
      );
    expect(rest(portableConfig)).toEqual(rest(config));
    expect(portableConfig.electronFuses).toEqual(config.electronFuses);
  });
});

describe('INSTALL.md', () => {
  const install = readFileSync(join(ROOT, 'INSTALL.md'), 'utf8');

  it('names every package the configuration produces, as it is named', () => {
    const expand = (pattern: string | null | undefined, ext: string, arch: string) =>
      (pattern ?? '')
        .replace('${productName}', config.productName ?? '')
        .replace('${name}', packageJson.name)
        .replace('${version}', packageJson.version)
        .replace('${arch}', arch)
        .replace('${ext}', ext);
    const artifacts = [
      expand(config.nsis?.artifactName, 'exe', 'x64'),
      expand(config.msi?.artifactName, 'msi', 'x64'),
      expand(config.portable?.artifactName, 'exe', 'x64'),
      expand(config.deb?.artifactName, 'deb', 'amd64'),
      expand(config.rpm?.artifactName, 'rpm', 'x86_64'),
    ];
    expect(artifacts).toEqual([
      `Cooperation Registry Setup ${packageJson.version}.exe`,
      `Cooperation Registry ${packageJson.version}.msi`,
      `Cooperation Registry ${packageJson.version} Portable.exe`,
      `cooperation-registry_${packageJson.version}_amd64.deb`,
      `cooperation-registry-${packageJson.version}.x86_64.rpm`,
    ]);
    // Any version will do: the examples need not change with every release.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const artifact of artifacts) {
      const [before = '', after = ''] = artifact.split(packageJson.version);
      expect(install, artifact).toMatch(
        new RegExp(`${escape(before)}\\d+\\.\\d+\\.\\d+${escape(after)}`),
      );
    }
  });

  it('gives the uninstall key and upgrade code that detection rules rely on', () => {
    expect(install).toContain(`Uninstall\\${config.nsis?.guid ?? 'missing'}`);
    expect(install).toContain(config.msi?.upgradeCode ?? 'missing');
  });

  it('gives the policy file locations and the portable data folder the code uses', () => {
    expect(install).toContain(LINUX_POLICY_FILE);
    expect(install).toContain('%ProgramData%\\CooperationRegistry\\policy.json');
    expect(install).toContain(PORTABLE_DATA_FOLDER);
  });
});
