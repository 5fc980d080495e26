/* The toolbar popup: asks the background to save the tab it was opened on, and says how that went. */
const ext = globalThis.browser ?? globalThis.chrome;
const result = document.getElementById('result');

async function run() {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  if (!tab) {
    result.textContent = 'There is no page to save.';
    return;
  }
  const outcome = await ext.runtime.sendMessage({ type: 'save-tab', tabId: tab.id });
  result.textContent = outcome?.message ?? 'The extension did not answer; reload it and try again.';
  result.dataset.kind = outcome?.kind ?? 'error';
}

void run();
