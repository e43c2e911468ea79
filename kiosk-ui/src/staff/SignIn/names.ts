import { call, client, type Schemas, timeout } from '../../api/client';

export type SignInName = Schemas['SignInNameResponse'];

/** The names to tap on the sign-in screen (no session needed: the PIN still is). */
export const signInNames = () => call<SignInName[]>(client.GET('/api/staff/sign-in-names', { signal: timeout() }));

/**
 * The names in the order to show them: those who signed in on this kiosk lately first (newest
 * first), then everyone else in the server's order (oldest staff first).
 */
export function orderedNames(names: readonly SignInName[], recent: readonly string[]): SignInName[] {
  const rank = (username: string) => {
    const at = recent.indexOf(username);
    return at === -1 ? recent.length : at;
  };
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name.username) - rank(b.name.username) || a.index - b.index)
    .map(({ name }) => name);
}

/** The names the kiosk gives the two accounts it makes itself (`ensureDefaultStaff` on the server). */
const SEEDED: Readonly<Record<string, string>> = { admin: '社区管理员', volunteer: '志愿者' };

/**
 * A name as the sign-in shows it: people's names as they are, but the kiosk's own two accounts,
 * still named as the kiosk named them, in the words of the screen's language.
 */
export function shownName(name: SignInName, lang: string, roleWord: (role: 'admin' | 'volunteer') => string): string {
  const seeded = SEEDED[name.username];
  if (lang === 'zh-CN' || seeded === undefined || seeded !== name.displayName) return name.displayName;
  return roleWord(name.username as 'admin' | 'volunteer');
}
