/** Plain words for the file-system errors a write can meet. */

/** Why a write failed, for a message such as "could not write X (the disk is full)". */
export function writeFailureReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'a folder on the way does not exist';
    case 'ENOTDIR':
      return 'a name on the way is a file, not a folder';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The error's code, when it has one (an ErrnoException). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
