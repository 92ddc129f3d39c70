/** The error's errno code (`ENOENT`, `ELOOP`, ...), or undefined when it has none. */
export function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

export function isNotFound(error: unknown): boolean {
  return errno(error) === 'ENOENT';
}
