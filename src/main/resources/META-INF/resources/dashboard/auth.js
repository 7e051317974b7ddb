// OpenID Connect in the page: authorization code flow with PKCE (S256), tokens in sessionStorage,
// refreshed before they expire. A public client has no secret to keep, so the code verifier,
// state and nonce are what bind the returned code to this tab.

const TOKENS = 'healthcloud.dashboard.tokens';
const PENDING = 'healthcloud.dashboard.login';
const REFRESH_MARGIN_MS = 60_000;

const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n = 32) => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** The claims of a JWT, unverified: the service verifies the token, the page only reads it. */
export function decodeJwt(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export class LoginError extends Error {}

export class Auth {
  constructor(clientId, discovery) {
    this.clientId = clientId;
    this.oidc = discovery;
    this.redirectUri = location.origin + location.pathname;
    this.tokens = JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
    this.timer = null;
    this.refreshing = null;
  }

  /** Reads the client configuration the service publishes and the issuer's discovery document. */
  static async create(configUrl) {
    if (!window.isSecureContext || !crypto.subtle) throw new LoginError('needsSecureContext');
    const config = await fetchJson(configUrl);
    const issuer = config.authServerUrl.replace(/\/$/, '');
    const discovery = await fetchJson(`${issuer}/.well-known/openid-configuration`);
    return new Auth(config.clientId, discovery);
  }

  /** Returns once the tab holds tokens; otherwise finishes a login in progress or starts one. */
  async signIn() {
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) await this.#finishLogin(params);
    if (!this.tokens) await this.login();
    this.#schedule();
  }

  async login() {
    const pending = { state: random(), nonce: random(), verifier: random(48), hash: location.hash };
    sessionStorage.setItem(PENDING, JSON.stringify(pending));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier));
    const url = new URL(this.oidc.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri, scope: 'openid',
      state: pending.state, nonce: pending.nonce,
      code_challenge: b64url(new Uint8Array(digest)), code_challenge_method: 'S256',
      ui_locales: document.documentElement.lang,
    });
    location.assign(url);
    return new Promise(() => {}); // the page is leaving
  }

  logout() {
    const idToken = this.tokens?.id_token;
    this.#clear();
    const url = new URL(this.oidc.end_session_endpoint);
    url.search = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: this.redirectUri,
      ...(idToken && { id_token_hint: idToken }) });
    location.assign(url);
  }

  get claims() { return decodeJwt(this.tokens.access_token); }

  /** A current access token, refreshed first when it is about to expire. */
  async accessToken() {
    if (Date.now() > this.tokens.expiresAt - 15_000) await this.refresh();
    return this.tokens.access_token;
  }

  /** One refresh at a time. When the session is gone the user logs in again; when the network
   *  is, the caller sees the error and tries later. */
  refresh() {
    this.refreshing ??= this.#grant({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token })
      .catch((e) => {
        if (!(e instanceof LoginError)) throw e;
        this.#clear();
        return this.login();
      })
      .finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  async #finishLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', this.redirectUri + (pending?.hash || ''));
    if (params.has('error')) throw new LoginError(params.get('error_description') || params.get('error'));
    if (!pending || params.get('state') !== pending.state) throw new LoginError('state mismatch');
    if (params.has('iss') && params.get('iss') !== this.oidc.issuer) throw new LoginError('issuer mismatch');
    await this.#grant({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: this.redirectUri, code_verifier: pending.verifier });
    if (decodeJwt(this.tokens.id_token).nonce !== pending.nonce) {
      this.#clear();
      throw new LoginError('nonce mismatch');
    }
  }

  async #grant(form) {
    const response = await fetch(this.oidc.token_endpoint, {
      method: 'POST', body: new URLSearchParams({ client_id: this.clientId, ...form }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new LoginError(body.error_description || body.error || `HTTP ${response.status}`);
    this.tokens = { ...body, id_token: body.id_token ?? this.tokens?.id_token,
      expiresAt: Date.now() + body.expires_in * 1000 };
    sessionStorage.setItem(TOKENS, JSON.stringify(this.tokens));
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.timer);
    if (!this.tokens) return;
    const left = this.tokens.expiresAt - Date.now();
    this.timer = setTimeout(() => this.refresh().catch(() => {}), Math.max(left - REFRESH_MARGIN_MS, left * 0.7, 1_000));
  }

  #clear() {
    clearTimeout(this.timer);
    this.tokens = null;
    sessionStorage.removeItem(TOKENS);
  }
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
