/**
 * A book that cannot be imported, with a message the reader can act on; nothing of it has been stored. It is the error
 * model's 'unreadable-file' (sent as invalid-argument), as for any file in a format or state Lectio cannot read.
 */
import { LectioError } from '../../core/errors';

export class EpubError extends LectioError {
  constructor(message: string) {
    super('unreadable-file', message);
    this.name = 'EpubError';
  }
}
