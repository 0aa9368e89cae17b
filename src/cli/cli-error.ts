/** Exit codes shared by every command: 1 = a blocking check failed, 2 = unreadable input or bad arguments. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
  }
}
