import { limits } from '../../../api/limits';
import type { KeypadRules } from '../../components/keypad';

/** A new PIN: as many digits as the server takes (6 to 12), leading zeros kept. */
export const NEW_PIN_MIN = limits.ResetPinDto.pin.minLength;
export const NEW_PIN_RULES: KeypadRules = { maxLength: limits.ResetPinDto.pin.maxLength, keepLeadingZeros: true };
