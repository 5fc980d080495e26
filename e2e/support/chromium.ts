/** The Chromium every spec drives: Debian's by default (`.ci/run` installs it), or the one LECTIO_CHROMIUM names. */
export const CHROMIUM_PATH = process.env.LECTIO_CHROMIUM ?? '/usr/bin/chromium';
