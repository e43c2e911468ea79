import { randomInt } from 'node:crypto';

function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Ten digits, the last a Luhn check digit so a mistyped number is caught at the counter. */
export function cardNumberFrom(nineDigits: string): string {
  if (!/^[1-9][0-9]{8}$/.test(nineDigits)) throw new Error('a card number starts from nine digits');
  return `${nineDigits}${luhnDigit(nineDigits)}`;
}

export function randomCardNumber(): string {
  return cardNumberFrom(String(randomInt(100_000_000, 1_000_000_000)));
}

export function isValidCardNumber(cardNo: string): boolean {
  return /^[0-9]{10}$/.test(cardNo) && luhnDigit(cardNo.slice(0, 9)) === Number(cardNo[9]);
}
