/** The one error type for expected failures, with a stable code (CONVENTIONS.md §8). */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
