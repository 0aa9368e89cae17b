/** A plain message comlink ignores (it has no call id); the page's guard only notes that something arrived. */
const HEARTBEAT = 'mle-heartbeat';

/** Posts a heartbeat every second from inside a worker, so the page can tell a silently killed worker from a busy one. */
export function startHeartbeat(post: (message: unknown) => void): void {
  setInterval(() => post(HEARTBEAT), 1000);
}
