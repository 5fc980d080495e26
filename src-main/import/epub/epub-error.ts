/** A book that cannot be imported, with a message the reader can act on; nothing of it has been stored. */
export class EpubError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EpubError';
  }
}
