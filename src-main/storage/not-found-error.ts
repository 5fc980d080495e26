/** A record asked for by id that the library does not hold (a document deleted in another window, say). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundError';
  }
}
