import { BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';
import { fieldsFromIssues } from '@commons/domain';

/**
 * Nest 12's own Standard Schema pipe validates every `@Body/@Query/@Param({ schema })` with its zod schema
 * (nestjs-zod is not used: its peer range stops at Nest 11). Bad input is the contract's 400 naming each field.
 */
export const validationPipe = new StandardSchemaValidationPipe({
  exceptionFactory: (issues) => {
    const fields = fieldsFromIssues(issues.map((i) => ({ message: i.message, path: (i.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)) })));
    return new BadRequestException({ message: `Check ${Object.keys(fields).join(', ')}`, fields });
  },
});
