import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import {
  Button,
  Divider,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Tooltip,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileName } from '@shared/formats/exportTable';
import { allowedExportFormats, type ExportFormat as PolicyFormat } from '@shared/model/policy';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { describeError } from '../../../ui/describeError';
import { useNotify } from '../../../ui/Notifications';
import { todayIso } from '../../../ui/todayIso';
import type { Column, ColumnContext, ListKind } from '../../records/columns';
import type { ListRow } from '../../records/listModel';
import type { ExportFile, ExportFormat } from '../exportFile';

type ExportMenuProps = {
  kind: ListKind;
  /** The rows the list shows, filtered and sorted; null while loading. */
  rows: readonly ListRow<ListKind>[] | null;
  /** The visible columns in their order. */
  columns: readonly Column<ListKind>[];
  context: ColumnContext | null;
};

const TABLE_FORMATS = ['csv', 'csvExcel', 'xlsx', 'json'] as const;

/** The file format each entry writes, as the machine policy allows or forbids it. */
const POLICY_FORMAT = {
  csv: 'csv',
  csvExcel: 'csv',
  xlsx: 'xlsx',
  json: 'json',
  calendar: 'ics',
  contacts: 'vcf',
} as const satisfies Record<ExportFormat, PolicyFormat>;

/** The list kinds with a calendar or contacts export, and which. */
const EXTRA_FORMAT: Partial<Record<ListKind, 'calendar' | 'contacts'>> = {
  events: 'calendar',
  followUps: 'calendar',
  people: 'contacts',
};

/**
 * Exports exactly what the list shows (its filtered, sorted rows and visible columns, headers in
 * the UI language) to CSV, XLSX or JSON, and meetings, due dates or people to a calendar or
 * address book. Restricted records stay out unless ticked in. Main writes the file, and refuses a
 * format the machine policy does not allow; the menu offers only the allowed ones.
 */
export function ExportMenu({ kind, rows, columns, context }: ExportMenuProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { policy } = useRegistry();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [isExporting, setIsExporting] = useState(false);
  const section = t(`nav.${kind}`);
  const allowed = allowedExportFormats(policy.settings);
  const isAllowed = (format: ExportFormat) => allowed.includes(POLICY_FORMAT[format]);
  const tableFormats = TABLE_FORMATS.filter(isAllowed);
  const candidate = EXTRA_FORMAT[kind];
  const extra = candidate && isAllowed(candidate) ? candidate : undefined;
  const hasFormats = tableFormats.length > 0 || extra !== undefined;
  const restrictedCount =
    rows?.reduce((count, row) => count + (row.record.sensitivity === 'restricted' ? 1 : 0), 0) ?? 0;
  const canExport =
    hasFormats && rows !== null && rows.length > 0 && context !== null && !isExporting;

  const label = (format: ExportFormat) =>
    format === 'calendar' || format === 'contacts'
      ? t(`exports.extra.${kind as 'events' | 'followUps' | 'people'}`)
      : t(`exports.${format}`);

  const report = (file: ExportFile, name: string) => {
    const sentences: string[] = [t('exports.saved', { name, count: file.written })];
    if (file.restrictedLeftOut > 0) {
      sentences.push(t('exports.restrictedLeftOut', { count: file.restrictedLeftOut }));
    }
    if (file.undatedLeftOut > 0) {
      sentences.push(t('exports.undatedLeftOut', { count: file.undatedLeftOut }));
    }
    notify({ severity: 'success', message: sentences.join(' ') });
  };

  const run = async (format: ExportFormat) => {
    setAnchor(null);
    if (!rows || !context) return;
    setIsExporting(true);
    try {
      // The format code (and write-excel-file, ical-generator) loads only when someone exports.
      const { buildExportFile } = await import('../exportFile');
      const file = await buildExportFile({
        kind,
        format,
        rows,
        columns,
        context,
        includeRestricted,
        section,
        now: new Date(),
      });
      if (format === 'calendar' && file.written === 0) {
        notify({ severity: 'warning', message: t('exports.nothingDated') });
        return;
      }
      const saved = await registryClient.file.save({
        title: t('exports.dialogTitle', { section }),
        defaultName: exportFileName(section, todayIso(), file.extension),
        format: file.extension,
        filterName: t(`exports.filter.${file.extension}`),
        bytes: file.bytes,
      });
      // Cancelled: nothing was written, and there is nothing to say.
      if (saved) report(file, saved.name);
    } catch (error) {
      notify({
        severity: 'error',
        message: t('exports.failed', { reason: describeError(error, t) }),
      });
    } finally {
      setIsExporting(false);
    }
  };

  const item = (format: ExportFormat) => (
    <MenuItem key={format} onClick={() => void run(format)}>
      {label(format)}
    </MenuItem>
  );

  const button = (
    <Button
      startIcon={<FileDownloadIcon />}
      onClick={(event) => setAnchor(event.currentTarget)}
      disabled={!canExport}
      aria-haspopup="menu"
      aria-expanded={anchor !== null}
    >
      {t('exports.button')}
    </Button>
  );

  return (
    <>
      {hasFormats ? (
        button
      ) : (
        <Tooltip title={t('exports.noneAllowed')}>
          <span>{button}</span>
        </Tooltip>
      )}
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)}>
        {tableFormats.map(item)}
        {extra && tableFormats.length > 0 && <Divider />}
        {extra && item(extra)}
        <Divider />
        <MenuItem
          role="menuitemcheckbox"
          aria-checked={includeRestricted}
          onClick={() => setIncludeRestricted((value) => !value)}
        >
          <ListItemIcon>
            {includeRestricted ? <CheckBoxIcon color="primary" /> : <CheckBoxOutlineBlankIcon />}
          </ListItemIcon>
          <ListItemText
            primary={t('exports.includeRestricted')}
            secondary={
              restrictedCount === 0
                ? t('exports.noRestricted')
                : includeRestricted
                  ? null
                  : t('exports.restrictedInList', { count: restrictedCount })
            }
          />
        </MenuItem>
      </Menu>
    </>
  );
}
