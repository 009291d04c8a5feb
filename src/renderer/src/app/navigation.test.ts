import { describe, expect, it } from 'vitest';
import { newRecordPathFor, sectionOf } from './navigation';

describe('sectionOf', () => {
  it('finds the section of a list, a record page, an edit form and a new-record form', () => {
    expect(sectionOf('/partners')?.id).toBe('partners');
    expect(sectionOf('/partners/p-1')?.id).toBe('partners');
    expect(sectionOf('/follow-ups/f-1/edit')?.id).toBe('followUps');
    expect(sectionOf('/agreements/new')?.id).toBe('agreements');
    expect(sectionOf('/')?.id).toBe('dashboard');
    expect(sectionOf('/timeline')?.id).toBe('timeline');
  });

  it('does not take a path that only starts with the same letters', () => {
    expect(sectionOf('/partnerships')).toBeNull();
    expect(sectionOf('/unknown')).toBeNull();
  });
});

describe('newRecordPathFor', () => {
  it('leads from anywhere in a section to its new-record form', () => {
    expect(newRecordPathFor('/partners')).toBe('/partners/new');
    expect(newRecordPathFor('/partners/p-1')).toBe('/partners/new');
    expect(newRecordPathFor('/partners/p-1/edit')).toBe('/partners/new');
    expect(newRecordPathFor('/follow-ups')).toBe('/follow-ups/new');
    expect(newRecordPathFor('/events/e-1')).toBe('/events/new');
    expect(newRecordPathFor('/documents')).toBe('/documents/new');
  });

  it('leads nowhere from screens without a form for new records', () => {
    expect(newRecordPathFor('/')).toBeNull();
    expect(newRecordPathFor('/trash')).toBeNull();
    expect(newRecordPathFor('/timeline')).toBeNull();
    expect(newRecordPathFor('/settings')).toBeNull();
    expect(newRecordPathFor('/unknown')).toBeNull();
  });
});
