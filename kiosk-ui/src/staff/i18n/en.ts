import type { Message, Params } from '../../i18n/types';
import type { StaffMessageKey } from './zh-CN';

const units = (p: Params) => `${p.n} ${Number(p.n) === 1 ? 'unit' : 'units'}`;

/** English texts of the staff console shell. */
export const staffEn: Record<StaffMessageKey, Message> = {
  'staff.title': 'Staff',
  'staff.loading': 'Opening…',
  'staff.loadFailed': 'This page cannot be opened right now. Please try again later.',

  'role.volunteer': 'Volunteer',
  'role.admin': 'Admin',

  'signIn.title': 'Staff sign-in',
  'signIn.nameTitle': 'Choose or type your username',
  'signIn.remembered': 'Signed in on this kiosk before',
  'signIn.nameLabel': 'Username',
  'signIn.next': 'Next',
  'signIn.otherName': 'Another username',
  'signIn.pinTitle': '{name}, enter your PIN',
  'signIn.pinLabel': 'PIN (digits)',
  'signIn.pinEntered': '{n} digits entered',
  'signIn.submit': 'Sign in',
  'signIn.working': 'Signing in…',
  'signIn.leave': 'Back to the start',
  'signIn.pinInvalid': 'Wrong username or PIN. Please try again.',
  'signIn.lockedOut': (p) =>
    `Too many wrong PINs: this username is locked. Try again in ${p.n} ${Number(p.n) === 1 ? 'minute' : 'minutes'}.`,
  'signIn.pinTooShort': 'The PIN has at least {n} digits.',
  'signIn.sessionExpired': 'You were signed out. Please sign in again.',

  'bar.home': 'Menu',
  'bar.signOut': 'Sign out',
  'bar.user': '{name} · {role}',

  'menu.greeting': 'Hello, {name}. What would you like to do?',
  'menu.daily': 'Daily work',
  'menu.admin': 'Administration',
  'menu.receive': 'Receive goods',
  'menu.receiveHint': 'Add a delivery to the stock',
  'menu.stocktake': 'Stocktake',
  'menu.stocktakeHint': 'Count the shelves, correct the stock',
  'menu.lowStock': 'Low stock',
  'menu.lowStockHint': 'Goods running out',
  'menu.reprint': 'Reprint receipt',
  'menu.reprintHint': 'Type the receipt number or scan its QR code',
  'menu.help': 'Help a resident',
  'menu.helpHint': 'Scan their card, see the passbook',

  'idle.staffBody': 'Signing out in {n} s',
  'scan.ignored': 'Scanned, but this page takes no scans. Choose a task from the menu first.',

  'keys.backspace': 'Back',
  'keys.backspaceLabel': 'Delete the last digit',
  'keys.clear': 'Clear',
  'keys.clearLabel': 'Clear all',
  'keys.max': 'At most {n}',
  'keys.empty': 'Enter a number',

  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.save': 'Save',
  'common.done': 'Done',
  'common.retry': 'Try again',
  'common.note': 'Note (optional)',
  'common.notePlaceholder': 'e.g. district delivery no. 12',
  'common.units': units,
  'common.stock': (p) => `${units(p)} in stock`,
  'common.points': (p) => `${p.n} ${Number(p.n) === 1 ? 'point' : 'points'}`,
  'common.working': 'Working, please wait…',
  'common.search': 'Search',
  'common.scanHint': 'Or scan it with the handheld scanner',

  'staffError.sessionExpired': 'You were signed out. Please sign in again.',
  'staffError.forbidden': 'Your account cannot do this. Please ask an admin.',
  'staffError.invalid': 'Something entered is not right. Please check it.',
  'staffError.productNotFound': 'This product was not found; it may have been removed.',
  'staffError.network': 'Cannot reach the server right now. Please try again later.',
  'staffError.generic': 'Something went wrong. Please try again.',
};
