import { AppError } from '../ipc/AppError';

/**
 * Turns a failed read or write into the error the user sees: what happened to which file, in
 * words, and a code the renderer can translate. Unknown failures keep their system message.
 */
export function describeFileError(error: unknown, fileName: string, action: 'read' | 'write') {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('disk-full', `There is no space left to ${action} “${fileName}”.`, {
        cause: error,
        details: { fileName },
      });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'no-permission',
        `This computer does not allow the app to ${action} “${fileName}”.`,
        { cause: error, details: { fileName } },
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError(
        'file-locked',
        `“${fileName}” is open in another program. Close it and try again.`,
        { cause: error, details: { fileName } },
      );
    case 'ENOENT':
      return new AppError('not-found', `“${fileName}” no longer exists.`, {
        cause: error,
        details: { fileName },
      });
    default:
      return new AppError(
        'io-error',
        `Could not ${action} “${fileName}”: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error, details: { fileName } },
      );
  }
}
