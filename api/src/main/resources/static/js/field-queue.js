// The phone's outbox of field actions (arrived, done). Every action is stored in localStorage the moment it is
// tapped, with its own time stamp and idempotency key, and sent in order when the network allows: a dropped
// connection, a lost answer or a closed page lose nothing, and the server applies each key once.
import { csrfToken, sessionSignal } from './api.js';
import { acceptLanguage } from './i18n.js';

const PREFIX = 'careroute.fieldQueue.';

/** A new random idempotency key (crypto.randomUUID exists only on https and localhost). */
export function newKey() {
  if (window.crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class FieldQueue {
  /** One outbox per worker, so two people sharing a phone never send each other's actions. */
  constructor(workerId) {
    this.storageKey = PREFIX + workerId;
    this.sending = false;
  }

  items() {
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) || '[]');
    } catch (e) {
      return [];
    }
  }

  save(items) {
    localStorage.setItem(this.storageKey, JSON.stringify(items));
  }

  /** Queues {planId, taskId, action: 'check-in' | 'check-out', body}; the key and time are fixed now. */
  add(action) {
    const item = { ...action, key: newKey(), queuedAt: new Date().toISOString() };
    this.save([...this.items(), item]);
    return item;
  }

  /**
   * Sends the queued actions in order, one at a time. An answer from the server (accepted or refused) ends an
   * action; no answer (offline, the server down, 503) stops the round, to try again later with the same key.
   * onAnswer(item, ok, body) is told each answer.
   */
  async flush(onAnswer) {
    if (this.sending) {
      return;
    }
    this.sending = true;
    try {
      for (let item = this.items()[0]; item; item = this.items()[0]) {
        const answer = await send(item);
        if (answer === null) {
          return;
        }
        this.save(this.items().filter(i => i.key !== item.key));
        onAnswer(item, answer.ok, answer.body, answer.status);
      }
    } finally {
      this.sending = false;
    }
  }
}

/** One action over HTTP: {ok, status, body}, or null when no usable answer came (try again later). */
async function send(item) {
  const path = '/api/v1/plans/' + encodeURIComponent(item.planId) + '/tasks/' + encodeURIComponent(item.taskId)
    + '/' + item.action;
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json',
        'Accept-Language': acceptLanguage(), 'X-XSRF-TOKEN': csrfToken(), 'Idempotency-Key': item.key,
      },
      body: JSON.stringify(item.body),
      signal: sessionSignal,   // logging out abandons it; the outbox keeps the item for the next login
    });
  } catch (e) {
    return null;
  }
  if (response.status === 401) {
    // The session ended: log in again; the outbox waits in localStorage and is sent after the login.
    window.location.assign('/login.html');
    return null;
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return null;
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}
