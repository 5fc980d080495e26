/** The installed Electron executable, or null when its binary has not been downloaded. */
export function electronBinaryPath(): string | null;
export const electronInstallScript: string;
