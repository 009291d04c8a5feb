import { MenuItem, TextField, type SxProps, type Theme } from '@mui/material';
import type { ReactElement } from 'react';

type EnumSelectFieldBaseProps<T extends string> = {
  /** DOM name of the input; tests and the field-error mapping find the field by it. */
  name: string;
  /** Visible label, which is also the select's accessible name. */
  label: string;
  value: T | '';
  options: readonly T[];
  /** Display text of one option, usually `t(\`enums.….${option}\`)`. */
  optionLabel: (option: T) => string;
  /** The field's problem from a refused save. */
  error?: string | null;
  isRequired?: boolean;
  /** Layout within the form's row (width, flex). */
  sx?: SxProps<Theme>;
};

type RequiredChoiceProps<T extends string> = EnumSelectFieldBaseProps<T> & {
  emptyOption?: undefined;
  onChange: (value: T) => void;
};

type OptionalChoiceProps<T extends string> = EnumSelectFieldBaseProps<T> & {
  /** Label of an extra "not set" entry; choosing it reports ''. */
  emptyOption: string;
  onChange: (value: T | '') => void;
};

/**
 * One value out of a fixed enum. Forms pick kinds, statuses and roles in many places; one
 * `TextField select` keeps label, required mark, error text and accessible name consistent,
 * and narrows the chosen value back to `T` without casts.
 */
export function EnumSelectField<T extends string>(props: OptionalChoiceProps<T>): ReactElement;
// Two overloads, not one union: with a union TypeScript cannot type the `onChange` callback's
// parameter at the call site, so `emptyOption` decides whether '' can be reported.
// eslint-disable-next-line @typescript-eslint/unified-signatures
export function EnumSelectField<T extends string>(props: RequiredChoiceProps<T>): ReactElement;
export function EnumSelectField<T extends string>(
  props: RequiredChoiceProps<T> | OptionalChoiceProps<T>,
): ReactElement {
  const { name, label, value, options, optionLabel, error, isRequired = false, sx } = props;
  const handleChange = (raw: string) => {
    const selected = options.find((option) => option === raw);
    if (props.emptyOption !== undefined) {
      props.onChange(selected ?? '');
    } else if (selected !== undefined) {
      props.onChange(selected);
    }
  };
  return (
    <TextField
      select
      required={isRequired}
      name={name}
      label={label}
      value={value}
      onChange={(event) => handleChange(event.target.value)}
      error={Boolean(error)}
      helperText={error}
      sx={sx}
    >
      {props.emptyOption !== undefined && <MenuItem value="">{props.emptyOption}</MenuItem>}
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {optionLabel(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
