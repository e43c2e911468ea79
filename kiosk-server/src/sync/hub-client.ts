import { DomainError } from '../common/domain-error';
import type { DeviceKey } from './request-signature';

const HUB_TIMEOUT_MS = 30_000;

/** What a store admin reads when the hub refuses, by the hub's code. */
const REFUSALS: Record<string, string> = {
  KIOSK_REVOKED: 'The district hub has revoked this kiosk; ask the district office.',
  ENROLMENT_CODE_USED:
    'This enrolment code was used already; ask the district office for a new one and set HUB_KEY to it.',
  ENROLMENT_CODE_EXPIRED:
    'This enrolment code has expired; ask the district office for a new one and set HUB_KEY to it.',
  ENROLMENT_CODE_INVALID: 'The district hub does not know this enrolment code; check HUB_KEY.',
  SIGNATURE_INVALID: "The district hub refused this kiosk's signature (is the kiosk's clock right?).",
  CHAIN_BROKEN:
    "The district hub stopped taking this kiosk's records: they do not match what it received before. Ask the district office.",
};

/** Signed JSON requests to the hub; every failure becomes a DomainError a store admin can act on. */
export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: DeviceKey,
  ) {}

  async post<T>(path: string, body: unknown): Promise<T> {
    const text = JSON.stringify(body);
    const url = new URL(path, this.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.key.headers('POST', url.pathname, text) },
        body: text,
        signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DomainError(
        503,
        'HUB_UNREACHABLE',
        `The district hub at ${this.baseUrl} cannot be reached (${describe(error)}). Check the network; redemptions keep working and sync tries again by itself.`,
      );
    }
    const answer = (await response.json().catch(() => undefined)) as
      (T & { code?: string; message?: string }) | undefined;
    if (response.ok && answer !== undefined) return answer;
    if (response.status >= 500 || !answer?.code) {
      throw new DomainError(502, 'HUB_ERROR', `The district hub answered ${response.status}; sync tries again later.`);
    }
    throw new DomainError(409, answer.code, REFUSALS[answer.code] ?? answer.message ?? answer.code);
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.name : 'no answer';
}
