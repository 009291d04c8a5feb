import { MenuItem, TextField, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SENSITIVITY_LEVELS, type Sensitivity } from '@shared/model/records';

type SensitivityFieldProps = {
  value: Sensitivity;
  onChange: (value: Sensitivity) => void;
  /** DOM name; `sensitivity` unless the field edits a nested one. */
  name?: string;
  /** The field's problem from a refused save. */
  error?: string;
  /** Layout within the form's row (width, flex). */
  sx?: SxProps<Theme>;
};

/** Every record has a sensitivity; one picker keeps its label and levels the same in all forms. */
export function SensitivityField({
  value,
  onChange,
  name = 'sensitivity',
  error,
  sx = { minWidth: 200 },
}: SensitivityFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      name={name}
      label={t('fields.sensitivity')}
      value={value}
      onChange={(event) => onChange(event.target.value as Sensitivity)}
      error={Boolean(error)}
      helperText={error}
      sx={sx}
    >
      {SENSITIVITY_LEVELS.map((level) => (
        <MenuItem key={level} value={level}>
          {t(`enums.sensitivity.${level}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
