import { createPerson, type Person, updatePerson } from '@clientbox/contracts';
import { ActionIcon, Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ContactFields, contactPayload, type ContactValues } from './contact-fields.tsx';
import { OrganizationPicker, type PickedOrganization } from './organization-picker.tsx';
import { type PathErrors, serverPathErrors, validateWithPaths } from './relation-form-errors.ts';
import { useCreatePerson, useOrganization, usePerson, useUpdatePerson } from './use-relations.ts';

interface LinkRow {
  organization: PickedOrganization | null;
  role: string;
  email: string;
  phone: string;
}
type Values = ContactValues & { first_name: string; last_name: string; links: LinkRow[] };

const emptyLink = (): LinkRow => ({ organization: null, role: '', email: '', phone: '' });

function toValues(person?: Person): Values {
  return {
    first_name: person?.first_name ?? '',
    last_name: person?.last_name ?? '',
    emails: person?.emails.map((row) => ({ address: row.address, label: row.label ?? '' })) ?? [],
    phones: person?.phones.map((row) => ({ number: row.number, label: row.label ?? '' })) ?? [
      { number: '', label: '' },
    ],
    addresses:
      person?.addresses.map((row) => ({
        type: row.type,
        street: row.street ?? '',
        postal_code: row.postal_code ?? '',
        city: row.city ?? '',
        country: row.country,
      })) ?? [],
    links: person?.organizations.map((link) => ({
      organization: { id: link.organization_id, name: link.organization_name },
      role: link.role ?? '',
      email: link.email ?? '',
      phone: link.phone ?? '',
    })) ?? [emptyLink()],
  };
}

function toPayload(values: Values) {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    ...contactPayload(values),
    organizations: values.links
      .filter((link) => link.organization)
      .map((link) => ({
        organization_id: link.organization!.id,
        role: text(link.role),
        email: text(link.email),
        phone: text(link.phone),
      })),
  };
}

export function PersonCreatePage() {
  const search = useSearch({ strict: false }) as { organization_id?: string };
  const preset = useOrganization(search.organization_id ?? '');
  if (search.organization_id && !preset.data && !preset.error) return null;
  return <PersonForm preset={preset.data ? { id: preset.data.id, name: preset.data.name } : null} />;
}

export function PersonEditPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useI18n();
  const person = usePerson(id);
  if (!person.data) return <Text>{t('common.loading')}</Text>;
  return <PersonForm person={person.data} />;
}

/** A person with contact details and links to organizations, each with its own role, e-mail and phone. */
function PersonForm({ person, preset }: { person?: Person; preset?: PickedOrganization | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [values, setValues] = useState<Values>(() => toValues(person));
  const [errors, setErrors] = useState<PathErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  useEffect(() => {
    if (preset) setValues((current) => ({ ...current, links: [{ ...emptyLink(), organization: preset }] }));
  }, [preset?.id]);

  const setLink = (index: number, link: LinkRow) =>
    setValues({ ...values, links: values.links.map((current, i) => (i === index ? link : current)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = toPayload(values);
    const checked = validateWithPaths(person ? updatePerson : createPerson, payload, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      const saved = person
        ? await update.mutateAsync({ id: person.id, changes: payload, version: person.version })
        : await create.mutateAsync(payload);
      notifications.show({ color: 'green', message: t('common.saved') });
      await navigate({ to: '/crm/persons/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return setGeneral(t('relations.conflict'));
      const problem = serverPathErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  // The links sent are only those with an organization: server errors count in that list.
  const linkIndex = (index: number) => values.links.slice(0, index).filter((link) => link.organization).length;

  return (
    <Stack maw={980}>
      <Title order={2}>{person ? t('relations.edit_person') : t('relations.new_person')}</Title>
      <form onSubmit={submit} noValidate data-testid="person-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Paper withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('relations.field.first_name')}
                value={values.first_name}
                error={errors.first_name}
                onChange={(event) => setValues({ ...values, first_name: event.currentTarget.value })}
                data-testid="person-first-name"
              />
              <TextInput
                label={t('relations.field.last_name')}
                required
                value={values.last_name}
                error={errors.last_name}
                onChange={(event) => setValues({ ...values, last_name: event.currentTarget.value })}
                data-testid="person-last-name"
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">
              {t('relations.organizations')}
            </Text>
            <Stack gap="sm">
              {values.links.map((link, index) => {
                const sent = linkIndex(index);
                return (
                  <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" style={{ flex: 1 }}>
                      <OrganizationPicker
                        label={t('relations.organization')}
                        value={link.organization}
                        onChange={(organization) => setLink(index, { ...link, organization })}
                        error={errors[`organizations.${sent}.organization_id`]}
                        testId={`person-link-organization-${index}`}
                      />
                      <TextInput
                        label={t('relations.role')}
                        value={link.role}
                        error={errors[`organizations.${sent}.role`]}
                        onChange={(event) => setLink(index, { ...link, role: event.currentTarget.value })}
                        data-testid={`person-link-role-${index}`}
                      />
                      <TextInput
                        label={t('relations.email_address')}
                        type="email"
                        value={link.email}
                        error={errors[`organizations.${sent}.email`]}
                        onChange={(event) => setLink(index, { ...link, email: event.currentTarget.value })}
                        data-testid={`person-link-email-${index}`}
                      />
                      <TextInput
                        label={t('relations.phone_number')}
                        type="tel"
                        value={link.phone}
                        error={errors[`organizations.${sent}.phone`]}
                        onChange={(event) => setLink(index, { ...link, phone: event.currentTarget.value })}
                        data-testid={`person-link-phone-${index}`}
                      />
                    </SimpleGrid>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={{ base: 0, sm: 26 }}
                      aria-label={t('relations.remove_row')}
                      onClick={() => setValues({ ...values, links: values.links.filter((_, i) => i !== index) })}
                      data-testid={`person-link-remove-${index}`}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                );
              })}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => setValues({ ...values, links: [...values.links, emptyLink()] })}
                  data-testid="person-link-add"
                >
                  {t('relations.add_link')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <ContactFields values={values} errors={errors} onChange={(contact) => setValues({ ...values, ...contact })} />
          <Group>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="person-form-submit">
              {t('common.save')}
            </Button>
            <Button variant="default" component={Link} to={person ? `/crm/persons/${person.id}` : '/crm/persons'}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
