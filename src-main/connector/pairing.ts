/**
 * The connector's pairing token: 32 random bytes, shown to the reader once, kept only as its SHA-256 (a token this
 * random needs no slow hash: nobody can guess it from the digest), and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newPairingToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPairingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `given` is the token whose hash is stored; false when none is stored. Constant time in the token's content. */
export function pairingTokenMatches(given: string | undefined, storedHash: string | undefined): boolean {
  if (!given || !storedHash) return false;
  // Both sides are digests of equal length, so timingSafeEqual never throws and leaks nothing about the token.
  return timingSafeEqual(Buffer.from(hashPairingToken(given), 'hex'), Buffer.from(storedHash, 'hex'));
}
