/**
 * The service's error for an argument that passes its schema but makes no sense. Its own module because deps.ts and
 * single-job.ts both need it, and deps.ts imports single-job.ts (through exports.ts).
 */
/** An argument that passed its schema but makes no sense (an empty article, an unknown actor): a typed error. */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
