import {
  Alert,
  AlertTitle,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { pickText } from '@shared/model/localizedText';
import {
  POLICY_SETTING_KEYS,
  type PolicySettingKey,
  type PolicySettings,
} from '@shared/model/policy';
import { useRegistry } from '../../app/RegistryContext';
import { useFormat, type Format } from '../../ui/useFormat';

function describeSetting(
  key: PolicySettingKey,
  settings: PolicySettings,
  t: TFunction,
  format: Format,
): string {
  switch (key) {
    case 'backupSchedule':
      return settings.backupSchedule ? t(`policy.schedule.${settings.backupSchedule.value}`) : '';
    case 'defaultUiLanguage':
      return settings.defaultUiLanguage ? t(`language.${settings.defaultUiLanguage.value}`) : '';
    case 'allowedExportFormats': {
      const formats = settings.allowedExportFormats?.value ?? [];
      return formats.length === 0
        ? t('policy.noFormats')
        : formats.map((f) => f.toUpperCase()).join(', ');
    }
    case 'sensitivityMarkings':
      return (settings.sensitivityMarkings?.value ?? [])
        .map((marking) => pickText(marking.label, format.language) || marking.id)
        .join(' < ');
    case 'allowUnencryptedBundles':
    case 'readOnly':
      return settings[key]?.value ? t('policy.yes') : t('policy.no');
    case 'dataFolder':
    case 'backupFolder':
      return settings[key]?.value ?? '';
    case 'backupKeep':
      return String(settings.backupKeep?.value ?? '');
  }
}

/**
 * What the machine policy sets, whether each value is enforced, from which file, and its problems.
 * An unreadable file shows its security settings at their most restrictive, as main enforces them.
 */
export function PolicySection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { policy } = useRegistry();
  const keys = POLICY_SETTING_KEYS.filter((key) => policy.settings[key] !== undefined);

  return (
    <>
      <Typography sx={{ mb: 1 }}>
        {t('policy.file')}: <code data-testid="policy-file">{policy.source.path}</code> —{' '}
        <span data-testid="policy-status">{t(`policy.status.${policy.source.status}`)}</span>
      </Typography>
      {policy.problems.length > 0 && (
        <Alert
          severity={policy.source.status === 'unreadable' ? 'error' : 'warning'}
          sx={{ my: 2 }}
          data-testid="policy-problems"
        >
          <AlertTitle>{t('policy.problemsTitle')}</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {policy.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      {keys.length === 0 ? (
        policy.source.status === 'absent' && (
          <Typography color="text.secondary">{t('policy.none')}</Typography>
        )
      ) : (
        <Table size="small" aria-label={t('policy.section')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('policy.setting')}</TableCell>
              <TableCell>{t('policy.value')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={key} data-testid={`policy-${key}`}>
                <TableCell>{t(`policy.settings.${key}`)}</TableCell>
                <TableCell>{describeSetting(key, policy.settings, t, format)}</TableCell>
                <TableCell>
                  {policy.settings[key]?.isEnforced ? (
                    <Chip size="small" color="primary" label={t('policy.enforced')} />
                  ) : (
                    <Chip size="small" variant="outlined" label={t('policy.default')} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
