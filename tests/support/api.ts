import { ADMIN_PIN, VOLUNTEER_PIN } from './kiosk';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
}

/** A small client over real HTTP: JSON in, JSON (or text) out, never throws on a status. */
export class Api {
  constructor(
    readonly url: string,
    private token?: string,
  ) {}

  as(token: string | undefined): Api {
    return new Api(this.url, token);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async staff(role: 'admin' | 'volunteer'): Promise<Api> {
    const pin = role === 'admin' ? ADMIN_PIN : VOLUNTEER_PIN;
    const response = await this.post<{ token: string }>('/api/staff/sessions', { username: role, pin });
    if (response.status !== 201) throw new Error(`staff sign-in failed: ${response.text}`);
    return this.as(response.body.token);
  }

  async resident(qr: string): Promise<{ api: Api; accountId: string; balance: number }> {
    const response = await this.post<{ token: string; account: { id: string; balance: number } }>('/api/sessions', {
      qr,
    });
    if (response.status !== 201) throw new Error(`card scan failed: ${response.text}`);
    return {
      api: this.as(response.body.token),
      accountId: response.body.account.id,
      balance: response.body.account.balance,
    };
  }
}
