// The decision service's REST API under /api/v1, called with the signed-in user's HTTP Basic
// credentials. The credentials live only in this module's memory: a reload signs the user out,
// and nothing is written to localStorage, sessionStorage or cookies.

const API_ROOT = '/api/v1';

/** The service's error body (application/problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** The offending field of a 400. */
  field?: string;
  /** Server errors: the id under which the service logged the cause. */
  errorId?: string;
  /** Validation problems (file:line: message) of a refused upload. */
  problems?: string[];
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.title ?? problem.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export interface SignedIn {
  user: string;
  roles: string[];
}

let session: { user: string; roles: string[]; authorization: string } | null = null;
const listeners: ((user: SignedIn | null) => void)[] = [];

/** Called with the new user (or null) whenever someone signs in or out, or the service refuses the credentials. */
export function onSessionChange(listener: (user: SignedIn | null) => void): void {
  listeners.push(listener);
}

function notify(): void {
  const user = currentUser();
  for (const listener of listeners) listener(user);
}

function basic(user: string, password: string): string {
  // RFC 7617 with UTF-8: btoa takes only Latin-1, so encode the bytes first.
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (type.includes('json') && text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return parsed as Problem;
    } catch {
      // not JSON after all: shown as text below
    }
  }
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: text ? text.slice(0, 500) : undefined,
  };
}

async function call(
  method: string,
  path: string,
  accept: string,
  body: unknown,
  authorization: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    // The service answers 401 without WWW-Authenticate to this header, so the browser never shows
    // its own password dialog.
    'X-Requested-With': 'fulcrum-console',
  };
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(API_ROOT + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // No cookies and no browser-cached HTTP authentication: only the header above.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, {
      title: 'The decision service cannot be reached',
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && authorization && session?.authorization === authorization) {
      // The credentials stopped working (users file changed): back to the sign-in page.
      session = null;
      notify();
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

function authorization(): string | undefined {
  return session?.authorization;
}

/**
 * Checks the user name and password with the service (GET /me) and keeps them for the calls that
 * follow. Refused credentials throw an ApiError with status 401 (or 429 after too many failures).
 */
export async function signIn(user: string, password: string): Promise<SignedIn> {
  const auth = basic(user, password);
  const response = await call('GET', '/me', 'application/json', undefined, auth);
  const me = (await response.json()) as SignedIn;
  session = { user: me.user ?? user, roles: me.roles ?? [], authorization: auth };
  notify();
  return currentUser()!;
}

export function currentUser(): SignedIn | null {
  return session ? { user: session.user, roles: [...session.roles] } : null;
}

/** Whether the signed-in user holds the role (as GET /me listed them at sign-in). */
export function hasRole(...roles: string[]): boolean {
  const mine = session?.roles ?? [];
  return roles.some((r) => mine.includes(r));
}

export function signOut(): void {
  session = null;
  notify();
}

/** GET a JSON resource under /api/v1, e.g. get('/policies'). */
export async function get<T>(path: string): Promise<T> {
  const response = await call('GET', path, 'application/json', undefined, authorization());
  return (await response.json()) as T;
}

/** GET a text/plain representation, e.g. a decision's explanation. */
export async function getText(path: string): Promise<string> {
  const response = await call('GET', path, 'text/plain', undefined, authorization());
  return response.text();
}

/** POST a JSON body (or none). */
export async function post<T>(path: string, body?: unknown): Promise<T> {
  const response = await call('POST', path, 'application/json', body, authorization());
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** POST without a body, answered as text/plain (e.g. POST /audit/checkpoint). */
export async function postText(path: string): Promise<string> {
  const response = await call('POST', path, 'text/plain', undefined, authorization());
  return response.text();
}

/** PUT a JSON body. */
export async function put<T>(path: string, body: unknown): Promise<T> {
  const response = await call('PUT', path, 'application/json', body, authorization());
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** DELETE; the answer's JSON body, if any. */
export async function del<T>(path: string): Promise<T> {
  const response = await call('DELETE', path, 'application/json', undefined, authorization());
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * POST raw bytes (a bundle zip). A refused upload throws an ApiError; a 422 (stored as DRAFT with
 * its validation problems) is an answer, not an error: {status, body}.
 */
export async function upload<T>(path: string, bytes: Blob, contentType: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Requested-With': 'fulcrum-console',
    'Content-Type': contentType,
  };
  const auth = authorization();
  if (auth) headers.Authorization = auth;
  let response: Response;
  try {
    response = await fetch(API_ROOT + path, { method: 'POST', headers, body: bytes, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: 'The decision service cannot be reached', detail: e instanceof Error ? e.message : String(e) });
  }
  if (response.ok || response.status === 422) {
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as T };
    } catch {
      if (response.ok) return { status: response.status, body: undefined as T };
    }
  }
  throw new ApiError(response.status, await problemOf(response));
}

/** A path segment or query value, encoded. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
