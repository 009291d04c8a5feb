import { join } from 'node:path';
import { registrySnapshotSchema, type RegistrySnapshot } from '@shared/model/registrySnapshot';
import { readJsonFile } from '../fs/readJsonFile';
import { AppError } from '../ipc/AppError';

export const SAMPLE_REGISTRY_FILE = 'sample-registry.json';

export type SampleServiceOptions = {
  /** resources/ in development, process.resourcesPath when packaged. */
  resourcesFolder: string;
};

/**
 * Reads the sample registry shipped with the app and validates it here, so the renderer only ever
 * loads a snapshot that matches the model; a broken file is an `invalid-data` error that names the
 * file and its first problems rather than a half-loaded registry.
 */
export class SampleService {
  readonly filePath: string;

  constructor({ resourcesFolder }: SampleServiceOptions) {
    this.filePath = join(resourcesFolder, SAMPLE_REGISTRY_FILE);
  }

  /** The validated snapshot; throws AppError('invalid-data') when it is missing or broken. */
  async read(): Promise<RegistrySnapshot> {
    const result = await readJsonFile(this.filePath, registrySnapshotSchema);
    if (result.kind === 'ok') return result.value;
    const problem = result.kind === 'missing' ? 'is missing' : result.problem;
    throw new AppError('invalid-data', `The sample registry (${SAMPLE_REGISTRY_FILE}) ${problem}`);
  }
}
