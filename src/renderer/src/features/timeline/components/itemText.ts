import type { TFunction } from 'i18next';
import type { Format } from '../../../ui/useFormat';
import type { TimelineItem, TimelineItemType } from '../timelineModel';

/** One colour per kind of moment, each dark enough for white text and told apart by hue. */
export const TYPE_COLORS: Record<TimelineItemType, string> = {
  event: '#1565C0',
  agreementStep: '#6A1B9A',
  projectStart: '#2E7D32',
  projectEnd: '#2E7D32',
};

/** What happened at the moment: "Signed", "Meeting or visit", "Project started". */
export function itemWhat(item: TimelineItem, t: TFunction): string {
  switch (item.type) {
    case 'agreementStep':
      return item.stepKind ? t(`enums.stepKind.${item.stepKind}`) : t('timeline.agreementStep');
    case 'event':
      return t('chronology.event');
    case 'projectStart':
      return t('chronology.projectStart');
    case 'projectEnd':
      return t('chronology.projectEnd');
  }
}

/** The moment's date as written: a range for a meeting, "2014" for a year-only date. */
export function itemDate(item: TimelineItem, format: Format): string {
  return item.endDate ? format.dateRange(item.date, item.endDate) : format.date(item.date);
}
