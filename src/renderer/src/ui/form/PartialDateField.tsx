import { FormControl, FormHelperText, FormLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePartialDate, type PartialDate } from '@shared/model/partialDate';
import { useFormat } from '../useFormat';

type PartialDateFieldProps = {
  label: string;
  value: PartialDate | null;
  /** Receives the date as far as it is filled in: "2014", "2014-03", "2014-03-05", or null. */
  onChange: (value: PartialDate | null) => void;
  error?: string | null;
  /** DOM name prefix: `${name}.year`, `${name}.month`, `${name}.day`. */
  name: string;
};

const pad = (value: string) => value.padStart(2, '0');

/**
 * A date known to the day, the month, the year, or not at all. Year, month and day are separate
 * fields, the month chosen by name, so "03/04/2016" can never be misread; what was entered is
 * echoed back the way lists will show it. Whatever is typed goes to the model unchanged, which
 * refuses impossible dates (a day without a month, 30 February) with a message at the field.
 */
export function PartialDateField({ label, value, onChange, error, name }: PartialDateFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const groupId = useId();
  const parsed = value === null ? null : parsePartialDate(value);
  const [parts, setParts] = useState(() => ({
    year: parsed ? String(parsed.year) : (value?.slice(0, 4) ?? ''),
    month: parsed?.month ? String(parsed.month) : '',
    day: parsed?.day ? String(parsed.day) : '',
  }));

  const update = (field: keyof typeof parts, text: string) => {
    const next = { ...parts, [field]: text.trim() };
    setParts(next);
    if (next.year === '' && next.month === '' && next.day === '') return onChange(null);
    // A day without a month stays visibly malformed ("2016--05") so the model rejects it.
    const month = next.month === '' ? '' : `-${pad(next.month)}`;
    const day = next.day === '' ? '' : `${next.month === '' ? '-' : ''}-${pad(next.day)}`;
    onChange(`${next.year}${month}${day}`);
  };

  const months = Array.from({ length: 12 }, (_unused, index) => index + 1);
  const isValid = value !== null && parsePartialDate(value) !== null;
  const echo = value === null ? t('common.unknownDate') : isValid ? format.date(value) : '';

  return (
    <FormControl component="fieldset" error={Boolean(error)}>
      <FormLabel component="legend" id={groupId} sx={{ mb: 1 }}>
        {label}
      </FormLabel>
      <Stack direction="row" spacing={1}>
        <TextField
          name={`${name}.day`}
          label={t('form.day')}
          value={parts.day}
          onChange={(event) => update('day', event.target.value)}
          error={Boolean(error)}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
          sx={{ width: 80 }}
        />
        <TextField
          select
          name={`${name}.month`}
          label={t('form.month')}
          value={parts.month}
          onChange={(event) => update('month', event.target.value)}
          error={Boolean(error)}
          sx={{ width: 170 }}
        >
          <MenuItem value="">—</MenuItem>
          {months.map((month) => (
            <MenuItem key={month} value={String(month)}>
              {format.monthName(month)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          name={`${name}.year`}
          label={t('form.year')}
          value={parts.year}
          onChange={(event) => update('year', event.target.value)}
          error={Boolean(error)}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
          sx={{ width: 100 }}
        />
      </Stack>
      <FormHelperText data-testid={`${name}-echo`}>{error ?? echo}</FormHelperText>
    </FormControl>
  );
}
