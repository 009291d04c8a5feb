import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';
import type { ReactNode } from 'react';

type ChoiceStepProps<T extends string> = {
  title: string;
  options: readonly { value: T; label: ReactNode }[];
  value: T | null;
  onChange: (value: T) => void;
};

/** One choice among a few (the sheet, the kind of record), as radio buttons under a heading. */
export function ChoiceStep<T extends string>({
  title,
  options,
  value,
  onChange,
}: ChoiceStepProps<T>) {
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" sx={{ mb: 1, typography: 'h6', color: 'text.primary' }}>
        {title}
      </FormLabel>
      <RadioGroup value={value ?? ''} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <FormControlLabel
            key={option.value}
            value={option.value}
            control={<Radio />}
            label={option.label}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
