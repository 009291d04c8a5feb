import { Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateDecision, RowPlan } from '@shared/import/rowPlan';
import { rowName } from '../describeProblem';
import { VirtualTable } from './VirtualTable';

const DECISIONS: readonly DuplicateDecision[] = ['skip', 'update', 'create'];

/** A thematic area's code is unique: a second area with the same code cannot be created. */
const decisionsFor = (plan: RowPlan): readonly DuplicateDecision[] =>
  plan.kind === 'areas' ? ['skip', 'update'] : DECISIONS;

type ConfirmStepProps = {
  plans: readonly RowPlan[];
  isSnapshot: boolean;
  decisions: ReadonlyMap<number, DuplicateDecision>;
  onDecide: (indexes: readonly number[], decision: DuplicateDecision) => void;
};

/** Counts of what the import will do, given the plans and the decisions on duplicates. */
export function planCounts(
  plans: readonly RowPlan[],
  decisions: ReadonlyMap<number, DuplicateDecision>,
) {
  const counts = { create: 0, update: 0, skip: 0, leftOut: 0 };
  plans.forEach((plan, index) => {
    if (!plan.content) counts.leftOut += 1;
    else if (!plan.duplicate) counts.create += 1;
    else counts[decisions.get(index) ?? 'skip'] += 1;
  });
  return counts;
}

/**
 * The last look before writing: each row that matches a record already in the registry, with a
 * choice to skip it, update the record or create a new one, and what the import will do in all.
 */
export function ConfirmStep({ plans, isSnapshot, decisions, onDecide }: ConfirmStepProps) {
  const { t } = useTranslation();
  const duplicates = useMemo(
    () => plans.flatMap((plan, index) => (plan.duplicate && plan.content ? [index] : [])),
    [plans],
  );
  const counts = planCounts(plans, decisions);

  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('importer.duplicatesTitle')}
      </Typography>
      {duplicates.length === 0 ? (
        <Typography color="text.secondary">{t('importer.noDuplicates')}</Typography>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('importer.duplicatesHelp')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
            <Typography>{t('importer.setAll')}</Typography>
            {DECISIONS.map((decision) => (
              <Button
                key={decision}
                size="small"
                variant="outlined"
                onClick={() =>
                  onDecide(
                    duplicates.filter((index) => {
                      const plan = plans[index];
                      return plan !== undefined && decisionsFor(plan).includes(decision);
                    }),
                    decision,
                  )
                }
              >
                {t(`importer.decisions.${decision}`)}
              </Button>
            ))}
          </Stack>
          <VirtualTable
            label={t('importer.duplicatesTitle')}
            testId="import-duplicates"
            headers={[
              t('importer.row'),
              t('importer.inFile'),
              t('importer.duplicatesTitle'),
              t('importer.decisionHeader'),
            ]}
            widths={['12%', '30%', '38%', '20%']}
            rowCount={duplicates.length}
            rowKey={(index) => duplicates[index] ?? index}
            cells={(index) => {
              const planIndex = duplicates[index] ?? -1;
              const plan = plans[planIndex];
              if (!plan?.duplicate) return [];
              const row = rowName(plan, isSnapshot, t);
              return [
                row,
                plan.label,
                `${t('importer.matches', { label: plan.duplicate.label })} (${t(`importer.matchedBy.${plan.duplicate.by}`)})`,
                <TextField
                  key="decision"
                  select
                  size="small"
                  value={decisions.get(planIndex) ?? 'skip'}
                  onChange={(event) =>
                    onDecide([planIndex], event.target.value as DuplicateDecision)
                  }
                  slotProps={{
                    select: { native: true },
                    htmlInput: { 'aria-label': t('importer.decisionFor', { row }) },
                  }}
                >
                  {decisionsFor(plan).map((decision) => (
                    <option key={decision} value={decision}>
                      {t(`importer.decisions.${decision}`)}
                    </option>
                  ))}
                </TextField>,
              ];
            }}
          />
        </>
      )}
      <List dense sx={{ mt: 2 }} data-testid="import-plan">
        {counts.create > 0 && (
          <ListItem>{t('importer.plan.create', { count: counts.create })}</ListItem>
        )}
        {counts.update > 0 && (
          <ListItem>{t('importer.plan.update', { count: counts.update })}</ListItem>
        )}
        {counts.skip > 0 && <ListItem>{t('importer.plan.skip', { count: counts.skip })}</ListItem>}
        {counts.leftOut > 0 && (
          <ListItem>{t('importer.plan.leftOut', { count: counts.leftOut })}</ListItem>
        )}
      </List>
    </Box>
  );
}
