/**
 * Packaging (`npm run dist`): electron-builder's configuration, with Electron's fuses flipped in the packaged binary so
 * it cannot be turned into a general Node runtime or debugged from outside (Electron's security checklist). Checked by
 * src-main/electron/packaging.test.ts.
 */
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.lectio.reader',
  productName: 'Lectio',
  files: ['out/**', 'assets/**', 'package.json'],
  asar: true,
  // The browser extension is loaded unpacked from the app's folder (Settings › Browser extension), and a browser
  // cannot read inside app.asar.
  asarUnpack: ['out/extension/**', 'out/main/leveldown/**'],
  directories: { output: 'dist' },
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would let anyone run arbitrary scripts with the app's identity and permissions.
    runAsNode: false,
    // NODE_OPTIONS and --inspect would let a local process inject code into, or attach a debugger to, the main process.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Load the app only from its app.asar, and check that archive's integrity (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // Left on: the renderer is loaded from file:// (out/renderer/index.html) and its module scripts need it.
    grantFileProtocolExtraPrivileges: true,
  },
  // One icon source (assets/icon.svg, rendered by scripts/make-icons.mjs); electron-builder makes .icns and .ico from it.
  icon: 'assets/icon.png',
  // Double-clicking an article opens it in Lectio, which imports it (src-main/electron/opened-files.ts).
  fileAssociations: [
    { ext: ['md', 'markdown'], name: 'Markdown article', role: 'Viewer', mimeType: 'text/markdown' },
    { ext: 'txt', name: 'Text article', role: 'Viewer', mimeType: 'text/plain' },
    { ext: ['html', 'htm'], name: 'Web page', role: 'Viewer', mimeType: 'text/html' },
    { ext: 'pdf', name: 'PDF document', role: 'Viewer', mimeType: 'application/pdf', rank: 'Alternate' },
    { ext: 'epub', name: 'EPUB book', role: 'Viewer', mimeType: 'application/epub+zip' },
  ],
  linux: { target: ['AppImage', 'deb'], category: 'Education', maintainer: 'Lectio <lectio@example.org>' },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
