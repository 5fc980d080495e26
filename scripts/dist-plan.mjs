// What `npm run dist` runs, kept apart from running it so that it can be tested: electron-builder's arguments, and
// what to tell the person when packaging fails for want of Electron's release archive.

/**
 * electron-builder's arguments. Where `npm start` has already fetched Electron's binary (node_modules/electron/dist),
 * packaging reuses it instead of downloading the same release archive again: the current platform only, which is
 * what `npm run dist` builds.
 */
export function builderArgs({ electronDist }) {
  const args = ['--config', 'electron-builder.config.cjs'];
  if (electronDist) args.push(`--config.electronDist=${electronDist}`);
  return args;
}

const NETWORK_ERRORS = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/;

/** A plain explanation of a failed packaging run, or null when the failure is not the download. */
export function explainFailure(output, { electronVersion }) {
  if (!NETWORK_ERRORS.test(output)) return null;
  return [
    '',
    `Lectio could not be packaged: electron-builder needs Electron ${electronVersion}'s release archive for this platform,`,
    'and this machine cannot reach its download host.',
    '',
    'Either run `npm start` once where the network allows (it fetches the binary, which `npm run dist` then reuses),',
    'or set ELECTRON_MIRROR to a mirror you can reach, then run `npm run dist` again.',
    'Until then, `npm run serve` runs Lectio in your browser.',
  ].join('\n');
}
