import { ValidationPipe } from '@nestjs/common';
import { DomainError } from '@woonbrug/kernel';
import { IsOptional, IsString } from 'class-validator';
import { exceptionFactory, MAX_INPUT_DEPTH, nestsDeeperThan, validateInput, VALIDATOR_OPTIONS } from './validate-input';

class NoteDto {
  @IsOptional()
  @IsString()
  text?: string;
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('over-deep input', () => {
  it('measures nesting without recursion, objects and arrays alike', () => {
    expect(nestsDeeperThan({ text: 'x', list: [1, 2] }, 2)).toBe(false);
    expect(nestsDeeperThan({ a: { b: { c: 1 } } }, 2)).toBe(true);
    expect(nestsDeeperThan('plain', 0)).toBe(false);
    expect(nestsDeeperThan(nested(100_000), MAX_INPUT_DEPTH)).toBe(true);
  });

  it('is refused by the API validation pipe with 400 field details instead of overflowing the stack', async () => {
    const pipe = new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory });
    const refusal = await pipe.transform({ text: nested(5_000) }, { type: 'body', metatype: NoteDto }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid', details: [{ field: 'body', code: 'INVALID_BODY' }] });
    await expect(pipe.transform({ text: 'fine' }, { type: 'body', metatype: NoteDto })).resolves.toBeInstanceOf(NoteDto);
  });

  it('is refused by form validation too', () => {
    expect(validateInput(NoteDto, { text: nested(5_000) })).toMatchObject({ ok: false, problems: [{ code: 'INVALID_BODY' }] });
    expect(validateInput(NoteDto, { text: 'fine' })).toMatchObject({ ok: true });
  });
});
