/**
 * Which page the desktop window loads. `ELECTRON_RENDERER_URL` is electron-vite's dev server, for development only: a
 * packaged app that honoured it would load whatever page an environment variable names, with the preload's full
 * access to the library, so a packaged app always loads its own built index.html.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RendererUrlInputs {
  /** Electron's `app.isPackaged`: true for an installed build. */
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  /** The folder of the built main bundle (`out/main`). */
  mainDir: string;
}

/** The dev server's URL when not packaged and one is set; otherwise the built renderer's file URL. */
export function rendererUrl({ isPackaged, env, mainDir }: RendererUrlInputs): string {
  const devServer = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devServer) return devServer;
  return pathToFileURL(path.join(mainDir, '../renderer/index.html')).href;
}
