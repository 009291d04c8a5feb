import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  InputLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BundleError, type BundleScope } from '@shared/exchange/bundleFormat';
import { generatePassphrase, isPassphraseStrongEnough } from '@shared/exchange/passphrase';
import { SENSITIVITY_LEVELS, type Sensitivity } from '@shared/model/records';
import { allowsUnencryptedBundles } from '@shared/model/policy';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { describeError } from '../../../ui/describeError';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { useLiveRecords } from '../../records/queries';
import { recordLabel } from '../../records/recordLabel';
import {
  describeBundleProblem,
  prepareBundle,
  readAttachmentOverIpc,
  type ExportTarget,
} from '../exchangeFlows';
import { recordExport } from '../exchangeRegistry';
import { writeBundleInWorker } from '../exchangeWorkerClient';
import { passphraseStrength } from '../passphraseStrength';
import { usePeers } from '../queries';

export type ExportBundleDialogProps = { isOpen: boolean; onClose: () => void };

type Option = { id: string; label: string };

const ANYONE = '';

/**
 * Export a bundle: for whom, what, limited how, and under which passphrase. The passphrase must
 * meet the minimum (writeBundle refuses it otherwise); a generated one is shown until the dialog
 * closes or the passphrase is changed, and never again. Unencrypted bundles are offered only where
 * the machine policy allows them.
 */
export function ExportBundleDialog({ isOpen, onClose }: ExportBundleDialogProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const format = useFormat();
  const { db, device, policy } = useRegistry();
  const peers = usePeers() ?? [];
  const partners = useLiveRecords('partners');
  const areas = useLiveRecords('areas');
  const [targetId, setTargetId] = useState(ANYONE);
  const [mode, setMode] = useState<BundleScope['mode']>('since-last');
  const [partnerFilter, setPartnerFilter] = useState<Option[]>([]);
  const [areaFilter, setAreaFilter] = useState<Option[]>([]);
  const [maxSensitivity, setMaxSensitivity] = useState<Sensitivity | ''>('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [isUnencrypted, setIsUnencrypted] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const canWriteUnencrypted = allowsUnencryptedBundles(policy.settings);
  const partnerOptions = useMemo(
    () =>
      (partners ?? []).map((record) => ({
        id: record.id,
        label: (() => {
          const label = recordLabel(record);
          return typeof label === 'string' ? label : format.text(label);
        })(),
      })),
    [partners, format],
  );
  const areaOptions = useMemo(
    () => (areas ?? []).map((record) => ({ id: record.id, label: format.text(record.name) })),
    [areas, format],
  );

  const target: ExportTarget = peers.find((peer) => peer.deviceId === targetId) ?? null;
  const effectiveMode = target ? mode : 'everything';
  const isFiltered = partnerFilter.length > 0 || areaFilter.length > 0 || maxSensitivity !== '';
  const isEncrypted = !(canWriteUnencrypted && isUnencrypted);
  const strength = passphraseStrength(passphrase);
  const mismatch = repeat !== '' && passphrase !== repeat;
  const isPassphraseReady = isPassphraseStrongEnough(passphrase) && passphrase === repeat;
  const canExport = !isBusy && (!isEncrypted || isPassphraseReady);

  const forgetPassphrase = () => {
    setPassphrase('');
    setRepeat('');
    setGenerated(null);
  };
  const close = () => {
    forgetPassphrase();
    onClose();
  };
  const generate = () => {
    const phrase = generatePassphrase();
    setPassphrase(phrase);
    setRepeat(phrase);
    setGenerated(phrase);
  };
  // A generated passphrase stays on screen only while it is the one in the fields.
  const changePassphrase = (value: string) => {
    setPassphrase(value);
    setGenerated(null);
  };
  const changeRepeat = (value: string) => {
    setRepeat(value);
    setGenerated(null);
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!canExport) return;
    setIsBusy(true);
    setError(null);
    try {
      const now = new Date();
      const scope: BundleScope = {
        mode: effectiveMode,
        partnerIds: partnerFilter.map((option) => option.id),
        areaIds: areaFilter.map((option) => option.id),
        maxSensitivity: maxSensitivity === '' ? null : maxSensitivity,
      };
      const { contents, fileName } = await prepareBundle(db, {
        device: { deviceId: device.deviceId, deviceName: device.deviceName },
        target: target ? { deviceId: target.deviceId, deviceName: target.deviceName } : null,
        scope,
        now,
        readAttachment: readAttachmentOverIpc,
      });
      const bytes = await writeBundleInWorker(contents, isEncrypted ? passphrase : null);
      const saved = await registryClient.file.save({
        title: t('exchange.saveTitle'),
        defaultName: fileName,
        format: 'coopx',
        filterName: t('exchange.filterName'),
        bytes,
      });
      if (!saved) return;
      await recordExport(db, {
        manifest: contents.manifest,
        records: contents.records,
        attachments: contents.attachments.length,
        fileName: saved.name,
        at: now.toISOString(),
      });
      notify({
        severity: 'success',
        message: t('exchange.exported', { name: saved.name, count: contents.records.length }),
      });
      close();
    } catch (caught) {
      setError(
        caught instanceof BundleError ? describeBundleProblem(caught, t) : describeError(caught, t),
      );
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog open={isOpen} onClose={isBusy ? undefined : close} fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle>{t('exchange.exportTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <FormControl fullWidth>
              <InputLabel id="exchange-target-label">{t('exchange.target')}</InputLabel>
              <Select
                labelId="exchange-target-label"
                label={t('exchange.target')}
                value={targetId}
                onChange={(event) => setTargetId(event.target.value)}
              >
                <MenuItem value={ANYONE}>{t('exchange.targetAnyone')}</MenuItem>
                {peers.map((peer) => (
                  <MenuItem key={peer.deviceId} value={peer.deviceId}>
                    {peer.deviceName}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            {target && (
              <FormControl>
                <FormLabel id="exchange-mode-label">{t('exchange.mode')}</FormLabel>
                <RadioGroup
                  aria-labelledby="exchange-mode-label"
                  value={mode}
                  onChange={(event) => setMode(event.target.value as BundleScope['mode'])}
                >
                  <FormControlLabel
                    value="since-last"
                    control={<Radio />}
                    label={t('exchange.modeSinceLast')}
                  />
                  <FormControlLabel
                    value="everything"
                    control={<Radio />}
                    label={t('exchange.modeEverything')}
                  />
                </RadioGroup>
              </FormControl>
            )}
            <Typography variant="subtitle2">{t('exchange.filters')}</Typography>
            <Autocomplete
              multiple
              options={partnerOptions}
              value={partnerFilter}
              onChange={(_event, value) => setPartnerFilter(value)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderInput={(params) => (
                <TextField {...params} label={t('exchange.filterPartners')} />
              )}
            />
            <Autocomplete
              multiple
              options={areaOptions}
              value={areaFilter}
              onChange={(_event, value) => setAreaFilter(value)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderInput={(params) => <TextField {...params} label={t('exchange.filterAreas')} />}
            />
            <FormControl fullWidth>
              <InputLabel id="exchange-sensitivity-label">
                {t('exchange.filterSensitivity')}
              </InputLabel>
              <Select
                labelId="exchange-sensitivity-label"
                label={t('exchange.filterSensitivity')}
                value={maxSensitivity}
                onChange={(event) => setMaxSensitivity(event.target.value)}
              >
                <MenuItem value="">{t('exchange.allMarkings')}</MenuItem>
                {SENSITIVITY_LEVELS.map((level) => (
                  <MenuItem key={level} value={level}>
                    {t(`enums.sensitivity.${level}`)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            {isFiltered && target && <Alert severity="info">{t('exchange.filteredNote')}</Alert>}
            {canWriteUnencrypted && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={isUnencrypted}
                    onChange={(event) => setIsUnencrypted(event.target.checked)}
                  />
                }
                label={t('exchange.unencrypted')}
              />
            )}
            {isEncrypted && (
              <>
                <Typography variant="body2">{t('exchange.passphraseHelp')}</Typography>
                <TextField
                  type="password"
                  label={t('exchange.passphrase')}
                  value={passphrase}
                  onChange={(event) => changePassphrase(event.target.value)}
                  error={passphrase !== '' && strength === 'weak'}
                  helperText={passphrase === '' ? ' ' : t(`exchange.strength.${strength}`)}
                  autoComplete="new-password"
                  required
                />
                <TextField
                  type="password"
                  label={t('exchange.passphraseRepeat')}
                  value={repeat}
                  onChange={(event) => changeRepeat(event.target.value)}
                  error={mismatch}
                  helperText={mismatch ? t('exchange.passphraseMismatch') : ' '}
                  autoComplete="new-password"
                  required
                />
                <Button onClick={generate} disabled={isBusy} sx={{ alignSelf: 'flex-start' }}>
                  {t('exchange.generate')}
                </Button>
                {generated && (
                  <TextField
                    label={t('exchange.generated')}
                    value={generated}
                    helperText={t('exchange.generatedHelp')}
                    onFocus={(event) => event.target.select()}
                    slotProps={{
                      htmlInput: { readOnly: true, spellCheck: false },
                      input: { sx: { fontFamily: 'monospace', fontSize: '1.1rem' } },
                    }}
                  />
                )}
              </>
            )}
            {isBusy && (
              <>
                <Typography variant="body2">{t('exchange.exporting')}</Typography>
                <LinearProgress />
              </>
            )}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={isBusy}>
            {t('exchange.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={!canExport}>
            {t('exchange.export')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
