import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Checkbox, FormControlLabel, IconButton, List, ListItem, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SectionChoice } from '@shared/briefing/briefingModel';

type SectionChooserProps = {
  sections: SectionChoice[];
  onChange: (sections: SectionChoice[]) => void;
};

/**
 * The pack's sections with a checkbox each and up/down buttons, so the order can be changed from
 * the keyboard as well as with a mouse. The cover always opens the pack, so it only has a checkbox.
 */
export function SectionChooser({ sections, onChange }: SectionChooserProps) {
  const { t } = useTranslation();
  const move = (index: number, by: -1 | 1) => {
    const next = [...sections];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    onChange(next);
  };
  const firstMovable = sections[0]?.id === 'cover' ? 1 : 0;
  return (
    <List dense disablePadding aria-label={t('briefing.sections')}>
      {sections.map((choice, index) => {
        const label = t(`briefing.pack.section.${choice.id}`);
        const isMovable = choice.id !== 'cover';
        return (
          <ListItem
            key={choice.id}
            disableGutters
            data-testid="briefing-section"
            secondaryAction={
              isMovable && (
                <Stack direction="row">
                  <IconButton
                    size="small"
                    aria-label={t('briefing.moveUp', { section: label })}
                    disabled={index <= firstMovable}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={t('briefing.moveDown', { section: label })}
                    disabled={index === sections.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                </Stack>
              )
            }
          >
            <FormControlLabel
              control={
                <Checkbox
                  checked={choice.isIncluded}
                  onChange={(event) =>
                    onChange(
                      sections.map((other) =>
                        other.id === choice.id
                          ? { ...other, isIncluded: event.target.checked }
                          : other,
                      ),
                    )
                  }
                />
              }
              label={label}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
