import { Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useRegistry } from '../../../app/RegistryContext';
import { recordEditPath } from '../../../app/recordPaths';
import { DetailSection } from '../../../ui/DetailSection';
import { useFormat } from '../../../ui/useFormat';
import { useRecordsById } from '../queries';

type AreasTagsSectionProps = { areaIds: readonly string[]; tagIds: readonly string[] };

type ChipEntry = { id: string; label: string; path: string | null };

/**
 * A record's thematic areas and tags, alphabetically in the UI language; hidden when it has none.
 * An area opens its form (areas have no page of their own); one in Trash is named as missing.
 */
export function AreasTagsSection({ areaIds, tagIds }: AreasTagsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { isReadOnly } = useRegistry();
  const areas = useRecordsById('areas');
  const tags = useRecordsById('tags');
  if (areaIds.length === 0 && tagIds.length === 0) return null;
  if (!areas || !tags) return null;

  const sorted = (entries: ChipEntry[]) => entries.sort((a, b) => format.compare(a.label, b.label));
  const areaChips = sorted(
    areaIds.map((id) => {
      const area = areas.get(id);
      return area
        ? {
            id,
            label: format.text(area.name),
            path: isReadOnly ? null : recordEditPath('areas', id),
          }
        : { id, label: t('detail.missingRecord'), path: null };
    }),
  );
  const tagChips = sorted(
    tagIds.map((id) => ({
      id,
      label: tags.get(id)?.label ?? t('detail.missingRecord'),
      path: null,
    })),
  );

  const row = (label: string, chips: ChipEntry[], testId: string, isArea: boolean) =>
    chips.length > 0 && (
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        data-testid={testId}
      >
        <Typography color="text.secondary">{label}:</Typography>
        {chips.map((chip) =>
          chip.path ? (
            <Chip
              key={chip.id}
              label={chip.label}
              color="secondary"
              variant="outlined"
              clickable
              component={RouterLink}
              to={chip.path}
            />
          ) : (
            <Chip
              key={chip.id}
              label={chip.label}
              color={isArea ? 'secondary' : 'default'}
              variant="outlined"
            />
          ),
        )}
      </Stack>
    );

  return (
    <DetailSection title={t('detail.areasAndTags')}>
      <Stack spacing={1}>
        {row(t('fields.areaIds'), areaChips, 'record-areas', true)}
        {row(t('fields.tagIds'), tagChips, 'record-tags', false)}
      </Stack>
    </DetailSection>
  );
}
