import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../app/RegistryContext';
import { registryClient } from '../../ipc/registryClient';
import { PageSection } from '../../ui/PageSection';
import { describeError } from '../../ui/describeError';
import { DeviceNameForm } from '../settings/DeviceNameForm';
import { ExportBundleDialog } from './components/ExportBundleDialog';
import { ImportBundleDialog, type BundleFile } from './components/ImportBundleDialog';
import {
  bundleFilters,
  describeLoggedProblem,
  MAX_BUNDLE_BYTES,
  refusedBundleFile,
} from './exchangeFlows';
import { logFailedExchange } from './exchangeRegistry';
import { useExchangeLog, usePeers, useRegistryId } from './queries';

/**
 * Exchange with other installations of the registry: this one's name and ids, the peers and how
 * far exchanges with each have gone, export and import of bundles, and the exchange log.
 */
export function ExchangePage() {
  const { t, i18n } = useTranslation();
  const { db, isReadOnly } = useRegistry();
  const registryId = useRegistryId();
  const peers = usePeers();
  const log = useExchangeLog();
  const [isExporting, setIsExporting] = useState(false);
  const [file, setFile] = useState<BundleFile | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const dateTime = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        )
      : t('exchange.never');

  const chooseFile = async () => {
    setOpenError(null);
    try {
      const opened = await registryClient.file.open({
        title: t('exchange.openTitle'),
        filters: bundleFilters(t),
        maxBytes: MAX_BUNDLE_BYTES,
        purpose: 'bundle',
      });
      if (opened) setFile({ name: opened.name, bytes: new Uint8Array(opened.bytes) });
    } catch (caught) {
      setOpenError(describeError(caught, t));
      const refused = refusedBundleFile(caught);
      if (refused) {
        await logFailedExchange(
          db,
          { direction: 'import', ...refused, result: 'refused' },
          new Date().toISOString(),
        );
      }
    }
  };

  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('exchange.title')}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t('exchange.intro')}</Typography>

      <PageSection title={t('exchange.thisInstallation')}>
        <DeviceNameForm />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('exchange.registryId')}: <code>{registryId ?? '…'}</code>
        </Typography>
      </PageSection>

      <Stack direction="row" spacing={2} sx={{ mb: 3 }}>
        <Button variant="contained" onClick={() => setIsExporting(true)}>
          {t('exchange.exportButton')}
        </Button>
        <Button variant="outlined" onClick={() => void chooseFile()} disabled={isReadOnly}>
          {t('exchange.importButton')}
        </Button>
      </Stack>
      {openError && (
        <Alert severity="error" sx={{ mb: 3 }}>
          {openError}
        </Alert>
      )}

      <PageSection title={t('exchange.peers')}>
        {peers && peers.length === 0 ? (
          <Typography color="text.secondary">{t('exchange.noPeers')}</Typography>
        ) : (
          <Table size="small" aria-label={t('exchange.peers')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('exchange.peer')}</TableCell>
                <TableCell>{t('exchange.lastSent')}</TableCell>
                <TableCell>{t('exchange.lastReceived')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(peers ?? []).map((peer) => (
                <TableRow key={peer.deviceId}>
                  <TableCell component="th" scope="row">
                    {peer.deviceName}
                    <Typography variant="caption" component="div" color="text.secondary">
                      {peer.deviceId}
                    </Typography>
                  </TableCell>
                  <TableCell>{dateTime(peer.lastSentAt)}</TableCell>
                  <TableCell>{dateTime(peer.lastReceivedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </PageSection>

      <PageSection title={t('exchange.log')}>
        {log && log.length === 0 ? (
          <Typography color="text.secondary">{t('exchange.noLog')}</Typography>
        ) : (
          <Table size="small" aria-label={t('exchange.log')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('exchange.logAt')}</TableCell>
                <TableCell>{t('exchange.logDirection')}</TableCell>
                <TableCell>{t('exchange.logPeer')}</TableCell>
                <TableCell>{t('exchange.logRecords')}</TableCell>
                <TableCell>{t('exchange.logResult')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(log ?? []).map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{dateTime(entry.at)}</TableCell>
                  <TableCell>{t(`exchange.direction.${entry.direction}`)}</TableCell>
                  <TableCell>{entry.peerName ?? entry.fileName ?? '—'}</TableCell>
                  <TableCell>{t('exchange.logCounts', entry.counts)}</TableCell>
                  <TableCell>
                    {t(
                      entry.result === 'nothing-new'
                        ? 'exchange.result.nothingNew'
                        : `exchange.result.${entry.result}`,
                    )}
                    {describeLoggedProblem(entry.problem, t) && (
                      <Typography variant="body2" color="text.secondary">
                        {describeLoggedProblem(entry.problem, t)}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </PageSection>

      <ExportBundleDialog isOpen={isExporting} onClose={() => setIsExporting(false)} />
      {file && (
        <ImportBundleDialog
          key={`${file.name}:${file.bytes.length}`}
          file={file}
          onClose={() => setFile(null)}
        />
      )}
    </Box>
  );
}
