// The one way the portal talks to /api/v1: same-origin cookie session, JSON both ways, the CSRF
// header on every change, RFC 9457 problems turned into ApiError, 503 busy retried after
// Retry-After, 401 sending the member to sign in.
import { session, setSession, clearSession } from './session.js';
import { announce } from './messages.js';
import { t } from './i18n.js';

const BASE = 'api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_BUSY_RETRIES = 5;
const SESSION_PROBE_MS = 10000;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.type = String(this.problem.type || '').replace('urn:problem-type:tribune:', '') || `http-${status}`;
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    // Set when the client already did what the error calls for (e.g. went to sign-in).
    this.handled = false;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterSeconds(response) {
  const value = response.headers.get('Retry-After');
  const seconds = Number.parseInt(value, 10);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 30);
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(0, Math.min(30, Math.ceil((date - Date.now()) / 1000)));
  return 1;
}

async function parse(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { title: text.slice(0, 200) };
  }
}

/**
 * api('POST', '/ideas', {title, body}) → parsed JSON, or throws ApiError.
 * Options: allow401 — a 401 is an answer for the caller (sign-in, session probe), not a redirect;
 * timeoutMs — give up waiting for the response after this long (a network error).
 */
export async function api(method, path, body, options = {}) {
  const { allow401 = false, timeoutMs = 0 } = options;
  let csrfRefreshed = false;
  for (let attempt = 0; ; attempt += 1) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (UNSAFE.has(method) && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
    let response;
    const abort = timeoutMs > 0 ? new AbortController() : null;
    const timer = abort ? setTimeout(() => abort.abort(), timeoutMs) : null;
    try {
      response = await fetch(BASE + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort ? abort.signal : undefined,
      });
    } catch (e) {
      throw new ApiError(0, { type: 'network', title: t('problem.network') });
    } finally {
      if (timer) clearTimeout(timer);
    }
    if (response.ok) {
      return parse(response);
    }
    const problem = await parse(response);
    const error = new ApiError(response.status, problem);

    if (response.status === 503 && attempt < MAX_BUSY_RETRIES) {
      const seconds = retryAfterSeconds(response);
      announce(t('busy.retrying', { seconds }));
      await delay(seconds * 1000);
      continue;
    }
    if (error.type === 'csrf-token-missing' && !csrfRefreshed && session.member) {
      // The token may belong to an older session (e.g. signed in again in another tab).
      csrfRefreshed = true;
      if (await refreshSession()) continue;
    }
    if (response.status === 401 && !allow401) {
      clearSession();
      error.handled = true;
      window.dispatchEvent(new CustomEvent('tribune:unauthenticated'));
    }
    throw error;
  }
}

/** GET /session: learns whether this browser is signed in, and gets the CSRF token back. */
export async function refreshSession() {
  try {
    // The portal waits for this probe before it draws anything, so it must not wait forever.
    const body = await api('GET', '/session', undefined, { allow401: true, timeoutMs: SESSION_PROBE_MS });
    setSession(body);
    return true;
  } catch (e) {
    if (e.status === 401) clearSession();
    return false;
  }
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
