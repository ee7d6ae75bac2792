import type { PageContext } from './page-context';

/** Errors per field name, as produced by {@link validateInput} or a domain error's details. */
export type FieldErrors = Readonly<Record<string, string>>;

export const NO_FIELD_ERRORS: FieldErrors = {};

/** Errors of one form on a page with several, shown in that form's section with what was typed. */
export interface SectionErrors<S extends string = string> {
  readonly section: S;
  readonly fields: FieldErrors;
  readonly message?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A form value to show again in a text field (anything that is not text is dropped). */
export function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface FieldProps {
  readonly ctx: PageContext;
  readonly name: string;
  readonly label: string;
  readonly errors: FieldErrors;
  readonly hint?: string;
  readonly required?: boolean;
  /** Element id when one page has several forms with the same field name; defaults to the name. */
  readonly id?: string;
}

function describedBy(id: string, name: string, errors: FieldErrors, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors[name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldMessages({ name, id, errors, hint }: { name: string; id: string; errors: FieldErrors; hint?: string }): JSX.Element {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {errors[name] ? (
        <p class="field-error" id={`${id}-error`} safe>
          {errors[name]}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** A labelled input with its hint and error, wired for assistive technology. */
export function TextField(props: FieldProps & { value?: string | null; type?: string; maxlength?: number; autocomplete?: string }): JSX.Element {
  const { name, label, errors, hint, required } = props;
  const id = props.id ?? name;
  return (
    <div class={`field${errors[name] ? ' has-error' : ''}`}>
      <label for={id} safe>
        {label + (required ? ' *' : '')}
      </label>
      <FieldMessages name={name} id={id} errors={errors} hint={hint} />
      <input
        id={id}
        name={name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={required}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(id, name, errors, hint)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value?: string | null; maxlength?: number }): JSX.Element {
  const { name, label, errors, hint, required } = props;
  const id = props.id ?? name;
  return (
    <div class={`field${errors[name] ? ' has-error' : ''}`}>
      <label for={id} safe>
        {label + (required ? ' *' : '')}
      </label>
      <FieldMessages name={name} id={id} errors={errors} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows="5"
        required={required}
        maxlength={props.maxlength}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(id, name, errors, hint)}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(
  props: FieldProps & { value?: string | null; options: ReadonlyArray<{ value: string; label: string }> },
): JSX.Element {
  const { name, label, errors, hint, required, ctx } = props;
  const id = props.id ?? name;
  return (
    <div class={`field${errors[name] ? ' has-error' : ''}`}>
      <label for={id} safe>
        {label + (required ? ' *' : '')}
      </label>
      <FieldMessages name={name} id={id} errors={errors} hint={hint} />
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(id, name, errors, hint)}
      >
        <option value="" safe>
          {ctx.t('form.choose')}
        </option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Summary of all errors at the top of a form, so that a screen reader hears them first. */
export function ErrorSummary({
  ctx,
  errors,
  message,
  labelOf,
  anchorOf,
}: {
  ctx: PageContext;
  errors: FieldErrors;
  message?: string;
  /** The field's label, so that each summary link says which field is wrong. */
  labelOf?: (field: string) => string;
  /** The id of the field's element when it is not the field name. */
  anchorOf?: (field: string) => string;
}): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0 && !message) return '';
  return (
    <div class="notice error" role="alert" tabindex="-1" id="error-summary">
      <p safe>{message ?? ctx.t('form.fixErrors')}</p>
      {entries.length ? (
        <ul>
          {entries.map(([field, text]) => (
            <li>
              <a href={`#${anchorOf ? anchorOf(field) : field}`} safe>
                {labelOf ? `${labelOf(field)}: ${text}` : text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}
