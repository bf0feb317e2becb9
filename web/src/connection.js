// The WebSocket to `rampart serve`: JSON messages in and out, reconnecting with exponential
// backoff (0.5 s doubling to 10 s) whenever the connection closes.

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10000;

/** The console's WebSocket URL for `role` on the page's own host. */
export function socketUrl(location, role) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?role=${encodeURIComponent(role)}`;
}

/**
 * Connects to `url`; `onMessage(object)` gets each parsed message, `onStatus(state, detail)` each
 * change of `connecting`, `open`, `closed` (with {retryInMs, code, everOpened}).
 */
export function connect(url, { onMessage, onStatus }) {
  let socket = null;
  let backoff = BACKOFF_FIRST_MS;
  let timer = null;
  let stopped = false;
  let opened = false;

  function open() {
    onStatus('connecting');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      backoff = BACKOFF_FIRST_MS;
      opened = true;
      onStatus('open');
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        console.warn('unreadable message from the server');
        return;
      }
      onMessage(message);
    });
    socket.addEventListener('close', (event) => {
      socket = null;
      if (stopped) return;
      onStatus('closed', { retryInMs: backoff, code: event.code, everOpened: opened });
      timer = setTimeout(open, backoff);
      backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    });
  }
  open();

  return {
    /** Sends one message; false when the connection is not open. */
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close() {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
