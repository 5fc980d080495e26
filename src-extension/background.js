/*
 * The extension's background: a service worker in Chromium, an event page in Firefox (manifest "background"). It
 * saves a tab to Lectio when the toolbar popup asks or from the page's context menu ("Save to Lectio"), and shows the
 * outcome on the toolbar badge.
 */
/* global lectioCall */
if (typeof importScripts === 'function' && typeof lectioCall !== 'function') importScripts('connector.js');

const ext = globalThis.browser ?? globalThis.chrome;
const MENU_ID = 'save-to-lectio';

/**
 * Runs in the page (chrome.scripting.executeScript), so it must stand alone: the page as the reader sees it (the DOM
 * after its scripts ran), and the selection as a W3C TextQuoteSelector (the quote and 32 characters either side).
 */
function capturePage() {
  const CONTEXT = 32;
  const squash = (text) => text.replace(/\s+/g, ' ');
  let selection = null;
  const chosen = getSelection();
  if (chosen && chosen.rangeCount > 0 && !chosen.isCollapsed && chosen.toString().trim()) {
    const range = chosen.getRangeAt(0);
    let prefix = '';
    let suffix = '';
    try {
      const before = document.createRange();
      before.selectNodeContents(document.body);
      before.setEnd(range.startContainer, range.startOffset);
      prefix = squash(before.toString()).slice(-CONTEXT);
      const after = document.createRange();
      after.selectNodeContents(document.body);
      after.setStart(range.endContainer, range.endOffset);
      suffix = squash(after.toString()).slice(0, CONTEXT);
    } catch {
      // A selection outside the body (in an input, say) has no context; its words alone still find it.
    }
    selection = { exact: chosen.toString(), prefix, suffix };
  }
  return { url: location.href, title: document.title, html: document.documentElement.outerHTML, selection };
}

const SELECTION_NOTE = {
  none: '',
  saved: ' Your selection is its first highlight.',
  already: ' Your selection was already highlighted.',
  'not-found': ' Your selection is not in the saved article (Lectio kept the article without it).',
};

/** The outcome in words, with the badge that says it. */
function describeOutcome(result) {
  if (result.kind !== 'ok')
    return {
      kind: result.kind,
      message: result.message,
      badge: result.kind === 'pairing-needed' ? 'KEY' : '!',
      color: '#b3261e',
    };
  const { status, title, selection } = result.answer;
  const note = SELECTION_NOTE[selection] ?? '';
  if (status === 'already-saved')
    return { kind: 'already-saved', message: `Already in Lectio: “${title}”.${note}`, badge: '✓', color: '#5f6b7a' };
  return { kind: 'saved', message: `Saved to Lectio: “${title}”.${note}`, badge: '✓', color: '#1e7a46' };
}

async function showOnBadge(tabId, outcome) {
  try {
    await ext.action.setBadgeBackgroundColor({ tabId, color: outcome.color });
    await ext.action.setBadgeText({ tabId, text: outcome.badge });
    await ext.action.setTitle({ tabId, title: outcome.message });
  } catch {
    // The tab closed meanwhile.
  }
}

/** Saves the tab to Lectio; resolves with { kind, message } (kind: saved, already-saved, not-running, pairing-needed, error). */
async function saveTab(tab) {
  let outcome;
  if (!tab || tab.id === undefined) {
    outcome = { kind: 'error', message: 'There is no page to save.', badge: '!', color: '#b3261e' };
  } else if (tab.url && !/^https?:/.test(tab.url)) {
    outcome = {
      kind: 'error',
      message: 'Only web pages (http and https) can be saved to Lectio.',
      badge: '!',
      color: '#b3261e',
    };
  } else {
    let capture = null;
    try {
      const [injected] = await ext.scripting.executeScript({ target: { tabId: tab.id }, func: capturePage });
      capture = injected?.result ?? null;
    } catch (error) {
      outcome = {
        kind: 'error',
        message: `The browser does not let extensions read this page (${error?.message ?? error}).`,
        badge: '!',
        color: '#b3261e',
      };
    }
    if (capture) outcome = describeOutcome(await lectioCall('save', capture));
  }
  if (tab?.id !== undefined) await showOnBadge(tab.id, outcome);
  return { kind: outcome.kind, message: outcome.message };
}

ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.create({ id: MENU_ID, title: 'Save to Lectio', contexts: ['page', 'selection'] });
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void saveTab(tab);
});

// The popup asks for the tab it was opened on; answered through sendResponse, which both browsers support.
ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'save-tab' || sender.id !== ext.runtime.id) return false;
  ext.tabs
    .get(message.tabId)
    .then(saveTab, () => saveTab(null))
    .then(sendResponse);
  return true;
});
