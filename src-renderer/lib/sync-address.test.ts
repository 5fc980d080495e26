import { describe, expect, it } from 'vitest';
import { syncAddressProblem } from './sync-address';

describe('syncAddressProblem', () => {
  it.each([
    'https://couch.example.org',
    'https://couch.example.org:6984/db-proxy',
    'http://localhost:5984',
    'http://127.0.0.1:5984/',
    'http://[::1]:5984',
  ])('accepts %s', (address) => {
    expect(syncAddressProblem(address)).toBeNull();
  });

  it('refuses plain http to another machine, says why, and offers the https address', () => {
    const problem = syncAddressProblem('http://couch.example.org:5984');
    expect(problem).toMatch(/only to this computer/);
    expect(problem).toMatch(/could read your password/);
    expect(problem).toContain('https://couch.example.org:5984');
  });

  it('refuses credentials in the address without repeating them', () => {
    const problem = syncAddressProblem('https://ana:hunter2@couch.example.org');
    expect(problem).toMatch(/Leave the user name and password out/);
    expect(problem).not.toContain('hunter2');
  });

  it('refuses what is not a web address, or another scheme, and an empty field', () => {
    expect(syncAddressProblem('couch.example.org')).toMatch(/is not a web address/);
    expect(syncAddressProblem('ftp://couch.example.org')).toMatch(/not ftp/);
    expect(syncAddressProblem('  ')).toMatch(/Type the address/);
  });
});
