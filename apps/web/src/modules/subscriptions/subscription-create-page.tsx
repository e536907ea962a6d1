import { createSubscription } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { type PickedRelation, RelationPicker } from '../crm/activities/relation-picker.tsx';
import { isUuid } from '../documents/document-list-search.ts';
import { useDocumentCustomer } from '../documents/use-document-customer.ts';
import { createBodyOf, emptySubscriptionValues, type SubscriptionFormValues } from './subscription-form-values.ts';
import { today } from './subscription-labels.ts';
import { SubscriptionLinesField } from './subscription-lines-field.tsx';
import { SubscriptionScheduleFields } from './subscription-schedule-fields.tsx';
import { SubscriptionTermsFields } from './subscription-terms-fields.tsx';
import { useCreateSubscription } from './use-subscriptions.ts';

/** `/subscriptions/new?customer_id=…`: the customer's page links here with the customer filled in. */
export function parseSubscriptionCreateSearch(search: Record<string, unknown>): { customer_id?: string } {
  return isUuid(search.customer_id) ? { customer_id: search.customer_id } : {};
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The form of a new subscription; what the check or the server (400 `validation_failed`) refuses stands at its field. */
function SubscriptionCreateForm({ customer }: { customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateSubscription();
  const [values, setValues] = useState<SubscriptionFormValues>(() => emptySubscriptionValues(customer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (changes: Partial<SubscriptionFormValues>) => setValues((current) => ({ ...current, ...changes }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const checked = validate(createSubscription, createBodyOf(values), locale, { keepIndexes: true });
    setErrors(checked.errors);
    if (!checked.data) {
      setGeneral(t('subscriptions.check_fields'));
      return;
    }
    try {
      const subscription = await create.mutateAsync(checked.data);
      notifications.show({ color: 'green', message: t('subscriptions.created') });
      await navigate({ to: '/subscriptions/$id', params: { id: subscription.id } });
    } catch (error) {
      const problem = serverErrors(error, locale, { keepIndexes: true });
      setErrors(problem.fields);
      setGeneral(problem.general ?? t('subscriptions.check_fields'));
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="subscription-form">
      <Stack>
        <Section title={t('subscriptions.section.customer')}>
          <RelationPicker
            value={values.customer}
            onChange={(picked) => set({ customer: picked, mandate_id: null })}
            error={errors.customer_id}
            label={t('subscriptions.field.customer')}
            placeholder={t('subscriptions.field.customer_placeholder')}
            testId="subscription-customer"
          />
          <TextInput
            label={t('subscriptions.field.name')}
            description={t('subscriptions.field.name_hint')}
            value={values.name}
            error={errors.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            data-testid="subscription-name"
          />
        </Section>
        <SubscriptionLinesField
          title={t('subscriptions.section.lines')}
          lines={values.lines}
          errors={errors}
          rateDate={values.start_date || today()}
          onChange={(lines) => set({ lines })}
        />
        <Section title={t('subscriptions.section.schedule')}>
          <SubscriptionScheduleFields values={values} errors={errors} onChange={set} />
        </Section>
        <Section title={t('subscriptions.section.terms')}>
          <SubscriptionTermsFields
            billing={values.billing}
            customerId={values.customer?.id ?? null}
            values={values}
            errors={errors}
            onChange={set}
          />
        </Section>
        {general && (
          <Alert color="red" role="alert" data-testid="subscription-form-error">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="subscription-save">
            {t('subscriptions.create')}
          </Button>
          <Button variant="default" component={Link} to="/subscriptions">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/subscriptions/new`. */
export function SubscriptionCreatePage() {
  const { t } = useI18n();
  const search = useSearch({ strict: false }) as { customer_id?: string };
  const customer = useDocumentCustomer(search.customer_id);
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/subscriptions" size="sm">
        ← {t('subscriptions.back')}
      </Anchor>
      <Title order={2}>{t('subscriptions.new')}</Title>
      {search.customer_id && customer.isPending ? (
        <Loader size="sm" />
      ) : (
        <SubscriptionCreateForm customer={customer.data ?? null} />
      )}
    </Stack>
  );
}
