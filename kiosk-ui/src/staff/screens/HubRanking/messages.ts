import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'hubRanking.title': '{place} {month} 积分公示',
  'hubRanking.month': '月份',
  'hubRanking.store': '门店',
  'hubRanking.district': '全区',
  'hubRanking.byMember': '按个人',
  'hubRanking.byHousehold': '按家庭（户）',
  'hubRanking.rank': '名次',
  'hubRanking.name': '姓名',
  'hubRanking.points': '本月得分',
  'hubRanking.empty': '这个月还没有人得分。',
  'hubRanking.masked': '名字按公示要求隐去一个字。全区榜的每一行写明门店。',
  'hubRanking.pdf': '下载 A4 公示（PDF）',
  'hubRanking.downloading': '正在生成…',
  'hubRanking.downloaded': '已下载 {file}，可以打印张贴。',
  'hubRanking.loadFailed': '排行没有读出来，请稍后再试。',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'hubRanking.title': '{place}: points ranking, {month}',
  'hubRanking.month': 'Month',
  'hubRanking.store': 'Store',
  'hubRanking.district': 'Whole district',
  'hubRanking.byMember': 'By person',
  'hubRanking.byHousehold': 'By household',
  'hubRanking.rank': 'Rank',
  'hubRanking.name': 'Name',
  'hubRanking.points': 'Points earned',
  'hubRanking.empty': 'Nobody has earned points this month yet.',
  'hubRanking.masked': 'Names are partly hidden, as for any public notice. The district list names each row’s store.',
  'hubRanking.pdf': 'Download A4 notice (PDF)',
  'hubRanking.downloading': 'Preparing…',
  'hubRanking.downloaded': '{file} downloaded; print it and put it up.',
  'hubRanking.loadFailed': 'The ranking could not be read; try again in a moment.',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
