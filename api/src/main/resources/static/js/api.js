// The careroute REST API (/api/v1), as the page uses it. Errors become ApiError with the problem details'
// {field, reason} list, so forms can show them.
import { acceptLanguage, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || ('HTTP ' + status));
    this.status = status;
    this.title = problem?.title;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/** The CSRF token the server keeps in the XSRF-TOKEN cookie; every change the page asks for sends it back. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

// Logging out ends the session while polls (the job, the live day, the alerts) may be in flight: their answers would
// be 401s that only say the user left. Submitting the logout form aborts them all and the pollers stop asking.
const session = new AbortController();

/** Aborted once the user logs out: pass it to fetch() calls made outside request(). */
export const sessionSignal = session.signal;

/** Wires a logout form: its CSRF field is filled at submit and every request still in flight is abandoned. */
export function wireLogout(form, csrfField) {
  form.addEventListener('submit', () => {
    csrfField.value = csrfToken();
    session.abort();
  });
}

/** One request to the API (the CSRF header and Accept-Language sent); views with endpoints of their own use it. */
export async function request(method, path, body) {
  const headers = { 'Accept-Language': acceptLanguage(), 'Accept': 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: session.signal });
  } catch (e) {
    if (session.signal.aborted) {
      return new Promise(() => {});   // logging out: the page is leaving, no caller has anything left to do
    }
    throw new ApiError(0, { title: t('error.network') });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (response.status === 401 && path.startsWith('/api/')) {
    // The session ended (timed out, logged out elsewhere, user disabled): back to the login page.
    window.location.assign('/login.html');
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  me: () => request('GET', '/api/v1/me'),
  roads: () => request('GET', '/api/v1/network/roads'),
  demoProblem: () => request('GET', '/api/v1/demo/problem'),
  demoJob: () => request('GET', '/api/v1/demo/job'),
  submit: problem => request('POST', '/api/v1/plans', problem),
  job: id => request('GET', '/api/v1/plans/' + encodeURIComponent(id)),
  routes: id => request('GET', '/api/v1/plans/' + encodeURIComponent(id) + '/routes'),
  problem: id => request('GET', '/api/v1/plans/' + encodeURIComponent(id) + '/problem'),
  events: (id, events) => request('POST', '/api/v1/plans/' + encodeURIComponent(id) + '/events', events),
  stop: id => request('POST', '/api/v1/plans/' + encodeURIComponent(id) + '/stop'),
  publish: id => request('POST', '/api/v1/plans/' + encodeURIComponent(id) + '/publish'),
  list: () => request('GET', '/api/v1/plans?page=0&size=10'),
  openApi: () => request('GET', '/v3/api-docs'),
  sheetsUrl: (id, lang) => '/api/v1/plans/' + encodeURIComponent(id) + '/sheets?lang=' + lang,
};

/** Which optional endpoints this server offers (read from its OpenAPI document), so the page shows only what works. */
export async function features() {
  try {
    const paths = (await api.openApi()).paths || {};
    return {
      list: Boolean(paths['/api/v1/plans']?.get),
      stop: Boolean(paths['/api/v1/plans/{id}/stop']?.post),
    };
  } catch (e) {
    return { list: false, stop: false };
  }
}
