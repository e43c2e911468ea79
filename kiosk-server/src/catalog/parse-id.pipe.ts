import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { ID_PATTERN } from '../common/ids';

/**
 * A record's id in the path: the same pattern `@IsId()` checks in bodies. A malformed id is a
 * 400 VALIDATION_FAILED; a well-formed one that names nothing is the service's 404.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw DomainError.validation('id must be an id (UUID).');
    return value;
  }
}
