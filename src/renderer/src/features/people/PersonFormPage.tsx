import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Paper,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import type { PartialDate } from '@shared/model/partialDate';
import { CONTACT_KINDS, type Person, type RecordContentInput } from '@shared/model/records';
import {
  CommonFields,
  commonContent,
  commonDraft,
  type CommonDraft,
} from '../../ui/form/CommonFields';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { PartialDateField } from '../../ui/form/PartialDateField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { EnumSelectField } from '../../ui/form/EnumSelectField';
import { RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';
import { LanguagesField } from './components/LanguagesField';

type ContactKind = (typeof CONTACT_KINDS)[number];
type PositionDraft = {
  id: string;
  organizationId: string | null;
  title: LocalizedText;
  from: PartialDate | null;
  to: PartialDate | null;
};
type ContactDraft = { kind: ContactKind; value: string; label: string };

/** What the form edits: everything a person holds. */
type Draft = {
  name: LocalizedText;
  honorific: string;
  positions: PositionDraft[];
  contacts: ContactDraft[];
  languages: string[];
} & CommonDraft;

function toDraft(person: Person | null): Draft {
  return {
    name: person?.name ?? {},
    honorific: person?.honorific ?? '',
    positions: person?.positions.map((position) => ({ ...position })) ?? [],
    contacts: person?.contacts.map((contact) => ({ ...contact, label: contact.label ?? '' })) ?? [],
    languages: person ? [...person.languages] : [],
    ...commonDraft(person),
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'people'>> {
  return {
    name: draft.name,
    honorific: draft.honorific.trim() === '' ? null : draft.honorific.trim(),
    positions: draft.positions,
    // A contact row left empty is dropped rather than refused.
    contacts: draft.contacts
      .filter((contact) => contact.value.trim() !== '')
      .map((contact) => ({
        kind: contact.kind,
        value: contact.value,
        label: contact.label.trim() === '' ? null : contact.label,
      })),
    languages: draft.languages,
    ...commonContent(draft),
  };
}

function PersonForm({ initial }: { initial: Person | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useRecordForm({ kind: 'people', initial, toDraft, toContent });
  const { draft, change, errors } = form;
  const setPosition = (index: number, position: PositionDraft) =>
    change(
      'positions',
      draft.positions.map((current, place) => (place === index ? position : current)),
    );
  const setContact = (index: number, contact: ContactDraft) =>
    change(
      'contacts',
      draft.contacts.map((current, place) => (place === index ? contact : current)),
    );

  return (
    <RecordFormLayout
      title={
        initial
          ? t('personForm.editPerson', { name: format.text(initial.name) })
          : t('form.newPerson')
      }
      form={form}
    >
      <LocalizedTextField
        name="name"
        label={t('fields.name')}
        value={draft.name}
        onChange={(value) => change('name', value)}
        error={errors.name}
        helperText={t('personForm.nameHelp')}
        isRequired
        autoFocus
      />
      <Stack direction="row" spacing={2}>
        <TextField
          name="honorific"
          label={t('fields.honorific')}
          value={draft.honorific}
          onChange={(event) => change('honorific', event.target.value)}
          error={Boolean(errors.honorific)}
          helperText={errors.honorific ?? t('personForm.honorificHelp')}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
        />
      </Stack>

      <FormControl component="fieldset" error={Boolean(errors.positions)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.positions')}
        </FormLabel>
        <Stack spacing={2}>
          {draft.positions.map((position, index) => (
            <Paper key={position.id} variant="outlined" sx={{ p: 2 }}>
              <Stack spacing={2}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Stack sx={{ flexGrow: 1 }}>
                    <RecordPicker
                      kind="partners"
                      canCreate
                      name={`positions.${index}.organizationId`}
                      label={t('personForm.organization')}
                      value={position.organizationId}
                      onChange={(organizationId) =>
                        setPosition(index, { ...position, organizationId })
                      }
                    />
                  </Stack>
                  <IconButton
                    aria-label={t('personForm.removePosition', { number: index + 1 })}
                    onClick={() =>
                      change(
                        'positions',
                        draft.positions.filter((_entry, place) => place !== index),
                      )
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </Stack>
                <LocalizedTextField
                  name={`positions.${index}.title`}
                  label={t('personForm.positionTitle')}
                  value={position.title}
                  onChange={(title) => setPosition(index, { ...position, title })}
                  isRequired
                />
                <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
                  <PartialDateField
                    name={`positions.${index}.from`}
                    label={t('personForm.from')}
                    value={position.from}
                    onChange={(from) => setPosition(index, { ...position, from })}
                  />
                  <PartialDateField
                    name={`positions.${index}.to`}
                    label={t('personForm.to')}
                    value={position.to}
                    onChange={(to) => setPosition(index, { ...position, to })}
                  />
                </Stack>
              </Stack>
            </Paper>
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            onClick={() =>
              change('positions', [
                ...draft.positions,
                { id: crypto.randomUUID(), organizationId: null, title: {}, from: null, to: null },
              ])
            }
          >
            {t('personForm.addPosition')}
          </Button>
        </Stack>
        {errors.positions && <FormHelperText>{errors.positions}</FormHelperText>}
      </FormControl>

      <FormControl component="fieldset" error={Boolean(errors.contacts)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.contacts')}
        </FormLabel>
        <Stack spacing={1}>
          {draft.contacts.map((contact, index) => (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <EnumSelectField
                name={`contacts.${index}.kind`}
                label={t('fields.kind')}
                value={contact.kind}
                options={CONTACT_KINDS}
                optionLabel={(kind) => t(`enums.contactKind.${kind}`)}
                onChange={(kind) => setContact(index, { ...contact, kind })}
                sx={{ minWidth: 140 }}
              />
              <TextField
                name={`contacts.${index}.value`}
                label={t('personForm.contactValue')}
                value={contact.value}
                onChange={(event) => setContact(index, { ...contact, value: event.target.value })}
                sx={{ flexGrow: 1 }}
              />
              <TextField
                name={`contacts.${index}.label`}
                label={t('fields.label')}
                value={contact.label}
                onChange={(event) => setContact(index, { ...contact, label: event.target.value })}
              />
              <IconButton
                aria-label={t('personForm.removeContact', { number: index + 1 })}
                onClick={() =>
                  change(
                    'contacts',
                    draft.contacts.filter((_entry, place) => place !== index),
                  )
                }
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            onClick={() =>
              change('contacts', [...draft.contacts, { kind: 'email', value: '', label: '' }])
            }
          >
            {t('personForm.addContact')}
          </Button>
        </Stack>
        {errors.contacts && <FormHelperText>{errors.contacts}</FormHelperText>}
      </FormControl>

      <LanguagesField
        value={draft.languages}
        onChange={(codes) => change('languages', codes)}
        error={errors.languages}
      />

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a person (/people/new) or edit one (/people/:id/edit). */
export function PersonFormPage() {
  return (
    <RecordFormRoute
      kind="people"
      param="personId"
      render={(initial) => <PersonForm initial={initial} />}
    />
  );
}
