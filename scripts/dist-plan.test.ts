import { describe, expect, it } from 'vitest';
import { builderArgs, explainFailure } from './dist-plan.mjs';

describe('npm run dist', () => {
  it('packages with the repository configuration, reusing the Electron binary npm start fetched', () => {
    expect(builderArgs({ electronDist: null })).toEqual(['--config', 'electron-builder.config.cjs']);
    expect(builderArgs({ electronDist: 'node_modules/electron/dist' })).toEqual([
      '--config',
      'electron-builder.config.cjs',
      '--config.electronDist=node_modules/electron/dist',
    ]);
  });

  it('explains a failed download of Electron plainly, and nothing else', () => {
    const offline =
      '⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com';
    const message = explainFailure(offline, { electronVersion: '45.5.0' });
    expect(message).toContain('Electron 45.5.0');
    expect(message).toContain('npm start');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('npm run serve');
    expect(
      explainFailure('⨯ Application entry file "out/main/main.js" does not exist', { electronVersion: '45.5.0' }),
    ).toBeNull();
  });
});
