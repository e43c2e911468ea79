/**
 * Usernames that signed in on this device, newest first, so a volunteer taps their name instead
 * of typing it. Only names are kept (never a PIN or token); forget them by signing in as others.
 */
export const REMEMBERED_MAX = 4;
const STORAGE_KEY = 'kiosk.staffNames';

export function withRemembered(names: readonly string[], name: string, max = REMEMBERED_MAX): string[] {
  return [name, ...names.filter((other) => other !== name)].slice(0, max);
}

export function recallNames(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((name): name is string => typeof name === 'string').slice(0, REMEMBERED_MAX)
      : [];
  } catch {
    return [];
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(withRemembered(recallNames(), name)));
  } catch {
    // Storage full or disabled: the name is typed next time.
  }
}
