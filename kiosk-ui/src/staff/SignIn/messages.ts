import type { Catalogue } from '../../i18n/i18n.svelte';
import type { Message } from '../../i18n/types';

const zhCN = {
  'signIn.pinWrongLeft': '密码不对。还可以试 {n} 次，再错要等一会儿才能登录。',
  'signIn.typeName': '名字不在这里？输入用户名',
  'signIn.backToNames': '回到名字列表',
  'signIn.namesFailed': '暂时看不到名字列表。请输入用户名，或刷工作人员卡。',
  'signIn.noNames': '还没有可以登录的工作人员。',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'signIn.pinWrongLeft': (p) =>
    `Wrong PIN. ${p.n} more ${Number(p.n) === 1 ? 'try' : 'tries'} before you have to wait a while.`,
  'signIn.typeName': 'Name not here? Type a username',
  'signIn.backToNames': 'Back to the names',
  'signIn.namesFailed': 'The list of names cannot be shown right now. Type your username, or scan your staff card.',
  'signIn.noNames': 'Nobody can sign in yet.',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
