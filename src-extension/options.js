/* The options page: the pairing token and the port, kept in the extension's local storage, and a connection check. */
/* global lectioCall, lectioSettings */
const ext = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById('form');
const tokenField = document.getElementById('token');
const portField = document.getElementById('port');
const statusLine = document.getElementById('status');

async function check() {
  statusLine.textContent = 'Checking…';
  const result = await lectioCall('ping');
  if (result.kind !== 'ok') statusLine.textContent = result.message;
  else if (result.answer.paired) statusLine.textContent = `Connected to Lectio ${result.answer.version}: paired.`;
  else
    statusLine.textContent = `Lectio ${result.answer.version} is running, but this token is not the one it made. Make a new token in Lectio’s Settings and paste it here.`;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await ext.storage.local.set({ token: tokenField.value.trim(), port: Number(portField.value) });
  await check();
});
document.getElementById('check').addEventListener('click', () => void check());

void lectioSettings().then(({ token, port }) => {
  tokenField.value = token;
  portField.value = String(port);
});
