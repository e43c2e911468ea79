import type { Message } from '../../i18n/types';

/**
 * Simplified Chinese texts of the staff console shell and of what several staff screens share.
 * A screen's own texts live beside it in `screens/<Name>/messages.ts`.
 */
export const staffZhCN = {
  'staff.title': '工作人员',
  'staff.loading': '正在打开…',
  'staff.loadFailed': '这个页面暂时打不开，请稍后再试。',

  'role.volunteer': '志愿者',
  'role.admin': '管理员',

  'signIn.title': '工作人员登录',
  'signIn.nameTitle': '请选择或输入您的用户名',
  'signIn.remembered': '在这台机器上登录过的',
  'signIn.nameLabel': '用户名',
  'signIn.next': '下一步',
  'signIn.otherName': '换个用户名',
  'signIn.pinTitle': '{name}，请输入密码',
  'signIn.pinLabel': '密码（数字）',
  'signIn.pinEntered': '已输入 {n} 位',
  'signIn.submit': '登录',
  'signIn.working': '正在登录…',
  'signIn.leave': '回到首页',
  'signIn.pinInvalid': '用户名或密码不对，请再试一次。',
  'signIn.lockedOut': '密码输错次数太多，这个用户名已锁定。请 {n} 分钟后再试。',
  'signIn.pinTooShort': '密码至少 {n} 位数字。',
  'signIn.sessionExpired': '登录已过期，请重新登录。',

  'bar.home': '主菜单',
  'bar.signOut': '退出登录',
  'bar.user': '{name} · {role}',

  'menu.greeting': '{name}，您好。要做什么？',
  'menu.daily': '日常工作',
  'menu.admin': '管理',
  'menu.receive': '收货入库',
  'menu.receiveHint': '新到的货加进库存',
  'menu.stocktake': '盘点',
  'menu.stocktakeHint': '清点货架，改正库存',
  'menu.lowStock': '库存不足',
  'menu.lowStockHint': '快兑完的商品',
  'menu.reprint': '补打小票',
  'menu.reprintHint': '输入小票号或扫小票上的二维码',
  'menu.help': '帮助居民',
  'menu.helpHint': '扫居民的卡，看积分存折',
  'menu.checkIn': '活动签到',
  'menu.checkInHint': '选好项目，逐个扫卡加分',
  'menu.points': '加分 / 扣分',
  'menu.pointsHint': '给一位居民加分或扣分',
  'menu.redemptions': '兑换记录',
  'menu.redemptionsHint': '查找兑换，撤销错误的兑换',
  'menu.ranking': '光荣榜公示',
  'menu.rankingHint': '本月积分排名，打印 A4',

  'idle.staffBody': '{n} 秒后自动退出登录',
  'scan.ignored': '扫到了，但这个页面不用扫码。请先在主菜单选择要做的事。',

  'keys.backspace': '退格',
  'keys.backspaceLabel': '删掉最后一位',
  'keys.clear': '清除',
  'keys.clearLabel': '全部清除',
  'keys.max': '最多 {n}',
  'keys.empty': '请输入',

  'common.cancel': '取消',
  'common.back': '返回',
  'common.save': '保存',
  'common.done': '完成',
  'common.retry': '再试一次',
  'common.note': '备注（可不填）',
  'common.notePlaceholder': '例如：街道配送第 12 批',
  'common.units': '{n} 件',
  'common.stock': '库存 {n} 件',
  'common.points': '{n} 分',
  'common.working': '正在处理，请稍候…',
  'common.search': '搜索',
  'common.scanHint': '可以用扫码枪扫一下',

  'finder.label': '姓名、楼栋或卡号',
  'finder.placeholder': '例如：王小明 或 3栋',
  'finder.noMatch': '没有找到“{q}”。',
  'finder.notCard': '这不是积分卡，请扫居民积分卡上的二维码。',

  'staffError.sessionExpired': '登录已过期，请重新登录。',
  'staffError.forbidden': '您的账号不能做这件事，请找管理员。',
  'staffError.invalid': '填写的内容不对，请检查一下。',
  'staffError.productNotFound': '找不到这个商品，可能已被删除。',
  'staffError.network': '暂时连不上服务器，请稍后再试。',
  'staffError.generic': '出了点问题，请再试一次。',
  'staffError.alreadyVoided': '这笔兑换已经撤销过了。',
  'staffError.eventClosed': '这个活动已经结束，不能再签到。',
  'staffError.notFound': '找不到了，可能已被别人修改。请返回重新查找。',
} satisfies Record<string, Message>;

export type StaffMessageKey = keyof typeof staffZhCN;
