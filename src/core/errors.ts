/**
 * A problem with how accsm was called or with input it cannot read at all:
 * printed as one plain line, exit code 2. Never carries a stack to the user.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
