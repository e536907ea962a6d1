import { BASE_MODULES, type Order, type OrderOverview, placeOrder } from '@clientbox/contracts';
import { Alert, Anchor, Button, Checkbox, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../accounts/use-me.ts';
import { CancelContractSection, DeactivationNotice } from './order-cancel.tsx';
import { OrderChoiceFields, OrderTotals } from './order-choice-fields.tsx';
import { OrderSummary, PriceChanges } from './order-summary.tsx';
import { DEFAULT_CHOICE, type OrderChoiceValue, useOrderOverview, usePlaceOrder, usePriceList } from './use-orders.ts';

/** The form starts from the latest intent: a pending order, the contract, or what sign-up asked for. */
function initialChoice(overview: OrderOverview): OrderChoiceValue {
  const from = overview.pending ?? overview.contract ?? overview.requested;
  if (!from) return DEFAULT_CHOICE;
  return {
    modules: from.modules.filter((name) => !BASE_MODULES.includes(name)),
    users: from.users,
    period: from.period,
  };
}

/** The subscription (terms art. 6, 10, 11): the contract, orders in review or refused, and the order form. */
export function OrderPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const isOwner = me?.tenant?.role === 'owner';
  const isDeactivated = me?.access?.state === 'deactivated';
  const overview = useOrderOverview(canManage(me) && !isDeactivated);
  const prices = usePriceList();
  const place = usePlaceOrder();
  const [choice, setChoice] = useState<OrderChoiceValue | null>(null);
  const [isTermsAccepted, setTermsAccepted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [result, setResult] = useState<Order | null>(null);

  useEffect(() => {
    if (overview.data && !choice) setChoice(initialChoice(overview.data));
  }, [overview.data, choice]);

  const header = (
    <Title order={2} data-testid="order-title">
      {t('order.title')}
    </Title>
  );
  if (!canManage(me))
    return (
      <Stack maw={760}>
        {header}
        <Alert color="gray">{t('order.admins_only')}</Alert>
      </Stack>
    );
  if (isDeactivated)
    return (
      <Stack maw={760}>
        {header}
        <Alert color="red" role="alert">
          {t('error.tenant_deactivated')}
        </Alert>
      </Stack>
    );
  if (overview.error)
    return (
      <Stack maw={760}>
        {header}
        <Alert color="red" role="alert">
          {serverErrors(overview.error, locale).general ?? t('error.generic')}
        </Alert>
      </Stack>
    );
  if (!overview.data || !choice) return <Loader aria-label={t('common.loading')} />;
  const { contract, pending, refused, price_changes: priceChanges, deactivation_due_at: dueAt } = overview.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(placeOrder, { ...choice, accept_terms: isTermsAccepted }, locale);
    setErrors(checked.errors);
    setGeneral(null);
    setResult(null);
    if (!checked.data) return;
    try {
      setResult(await place.mutateAsync(checked.data));
      setTermsAccepted(false);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <Stack maw={760}>
      {header}
      {dueAt && <DeactivationNotice dueAt={dueAt} />}
      {contract ? (
        <OrderSummary order={contract} title={t('order.contract')} testId="order-contract" />
      ) : (
        <Text data-testid="order-no-contract">
          {me?.access?.state === 'demo'
            ? t('order.no_contract_demo', { date: formatDate(me.access.demo_ends_at, locale) })
            : t('order.no_contract')}
        </Text>
      )}
      {pending && (
        <Alert color="yellow" title={t('order.pending_title')} data-testid="order-pending">
          <Text size="sm">{t('order.pending_text', { date: formatDate(pending.placed_at, locale) })}</Text>
        </Alert>
      )}
      {pending && <OrderSummary order={pending} title={t('order.pending_order')} testId="order-pending-summary" />}
      {refused && (
        <Alert color="red" title={t('order.refused_title')} data-testid="order-refused">
          <Text size="sm">
            {t('order.refused_text', {
              date: formatDate(refused.decided_at ?? refused.placed_at, locale),
              reason: refused.refusal_reason ?? '—',
            })}
          </Text>
        </Alert>
      )}
      <PriceChanges changes={priceChanges} />
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="sm">
          {contract ? t('order.change_title') : t('order.form_title')}
        </Title>
        {!isOwner ? (
          <Alert color="gray" data-testid="order-owner-only">
            {t('order.owner_only')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate data-testid="order-form">
            <Stack>
              {general && (
                <Alert color="red" role="alert" data-testid="order-error">
                  {general}
                </Alert>
              )}
              <OrderChoiceFields
                value={choice}
                onChange={setChoice}
                prices={prices.data?.monthlyCents}
                errors={errors}
              />
              <OrderTotals choice={choice} prices={prices.data?.monthlyCents} />
              <Checkbox
                checked={isTermsAccepted}
                onChange={(event) => setTermsAccepted(event.currentTarget.checked)}
                error={errors.accept_terms}
                data-testid="order-accept-terms"
                label={
                  <>
                    {t('order.accept_terms')}{' '}
                    <Anchor component={Link} to="/terms" target="_blank" inherit>
                      {t('order.terms_link')}
                    </Anchor>
                  </>
                }
              />
              <Button type="submit" loading={place.isPending} data-testid="order-submit">
                {t('order.submit')}
              </Button>
              {result && (
                <Alert
                  color={result.status === 'accepted' ? 'green' : 'yellow'}
                  role="status"
                  data-testid="order-result"
                >
                  {result.status === 'accepted' ? t('order.result_accepted') : t('order.result_pending')}
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Paper>
      {isOwner && contract && !dueAt && <CancelContractSection />}
    </Stack>
  );
}
