import { describe, expect, it } from 'vitest';
import { ankiConnectAddress } from './anki-connect';

describe('the AnkiConnect address a host is given', () => {
  it('is accepted on this machine only, over http', () => {
    expect(ankiConnectAddress('http://127.0.0.1:8766/')).toBe('http://127.0.0.1:8766');
    expect(ankiConnectAddress('http://localhost:8765')).toBe('http://localhost:8765');
    expect(() => ankiConnectAddress('http://192.168.1.4:8765')).toThrow(/on this machine/);
    expect(() => ankiConnectAddress('https://127.0.0.1:8765')).toThrow(/on this machine/);
    expect(() => ankiConnectAddress('8765')).toThrow(/not a web address/);
  });
});
