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
  'menu.members': '居民和积分卡',
  'menu.membersHint': '登记、迁户、发卡补卡、积分存折',

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

  'staffError.sessionExpired': '登录已过期，请重新登录。',
  'staffError.forbidden': '您的账号不能做这件事，请找管理员。',
  'staffError.invalid': '填写的内容不对，请检查一下。',
  'staffError.productNotFound': '找不到这个商品，可能已被删除。',
  'staffError.memberNotFound': '找不到这位居民，可能已被改动，请重新查找。',
  'staffError.accountNotFound': '找不到这个积分账户。',
  'staffError.cardNotFound': '这位居民没有能用的卡，请先发卡。',
  'staffError.alreadyRevoked': '这张卡已经作废了。',
  'staffError.accountNotEmpty': '原账户还有积分，又没有别的家人，积分要一起转走。',
  'staffError.sameAccount': '已经在这一户了。',
  'staffError.notAHousehold': '这是个人账户，不能迁入。请填一个户号。',
  'staffError.network': '暂时连不上服务器，请稍后再试。',
  'staffError.generic': '出了点问题，请再试一次。',
} satisfies Record<string, Message>;

export type StaffMessageKey = keyof typeof staffZhCN;
