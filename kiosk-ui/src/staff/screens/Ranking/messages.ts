import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'ranking.title': '{month} 积分光荣榜',
  'ranking.month': '月份',
  'ranking.byMember': '按个人',
  'ranking.byHousehold': '按家庭（户）',
  'ranking.rank': '名次',
  'ranking.name': '姓名',
  'ranking.points': '本月得分',
  'ranking.empty': '这个月还没有人得分。',
  'ranking.masked': '名字按公示要求隐去一个字。首页光荣榜显示按个人的前 5 名。',
  'ranking.pdf': '下载 A4 公示（PDF）',
  'ranking.downloading': '正在生成…',
  'ranking.downloaded': '已下载 {file}，可以用办公室的打印机打印。',
  'ranking.titleAt': '{place} {month} 积分公示',
  'ranking.store': '门店',
  'ranking.district': '全区',
  'ranking.maskedDistrict': '名字按公示要求隐去一个字。全区榜的每一行写明门店。',
  'ranking.loadFailed': '门店名单没有读出来，请稍后再试。',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'ranking.title': 'Points ranking, {month}',
  'ranking.month': 'Month',
  'ranking.byMember': 'By person',
  'ranking.byHousehold': 'By household',
  'ranking.rank': 'Rank',
  'ranking.name': 'Name',
  'ranking.points': 'Points earned',
  'ranking.empty': 'Nobody has earned points this month yet.',
  'ranking.masked': 'Names are partly hidden, as for any public notice. The Start screen shows the top 5 people.',
  'ranking.pdf': 'Download A4 notice (PDF)',
  'ranking.downloading': 'Preparing…',
  'ranking.downloaded': '{file} downloaded; print it on the office printer.',
  'ranking.titleAt': '{place}: points ranking, {month}',
  'ranking.store': 'Store',
  'ranking.district': 'Whole district',
  'ranking.maskedDistrict':
    'Names are partly hidden, as for any public notice. The district list names each row’s store.',
  'ranking.loadFailed': 'The list of stores could not be read; try again in a moment.',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
