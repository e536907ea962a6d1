import { Anchor, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { OrderChoiceFields, OrderTotals } from './order-choice-fields.tsx';
import { ADD_ON_MODULES, formatPrice, moduleLabel } from './price-labels.ts';
import { choiceFromSearch, type OrderChoiceSearch, searchFromChoice, usePriceList } from './use-orders.ts';

/** The public price list and a calculator (terms art. 11); the choice carries over to the sign-up form. */
export function PricingPage() {
  const { t, locale } = useI18n();
  const prices = usePriceList();
  const search = useSearch({ strict: false }) as OrderChoiceSearch;
  const [choice, setChoice] = useState(() => choiceFromSearch(search));
  const priceOf = (item: string) => {
    const found = prices.data?.items.find((price) => price.item === item);
    return found ? formatPrice(found.monthly, locale) : '—';
  };
  const rows = [
    {
      item: 'base',
      label: t('price.base'),
      note: t('price.base_note'),
    },
    ...ADD_ON_MODULES.map((name) => ({
      item: `module:${name}`,
      label: moduleLabel(t, name),
      note: t(`module_description.${name}`),
    })),
    { item: 'extra_user', label: t('price.extra_user'), note: t('price.extra_user_note') },
  ];

  return (
    <PublicLayout title={t('pricing.title')} width={900}>
      <Stack gap="lg">
        <Text>{t('pricing.intro')}</Text>
        {prices.isLoading ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="xs" data-testid="price-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('price.item')}</Table.Th>
                  <Table.Th ta="right">{t('price.monthly')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.item} data-testid={`price-row-${row.item.replace('module:', '')}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.note}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {priceOf(row.item)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm" c="dimmed">
          {t('price.excl_vat')}
        </Text>
        <Title order={3} size="h4">
          {t('pricing.calculator')}
        </Title>
        <OrderChoiceFields value={choice} onChange={setChoice} prices={prices.data?.monthlyCents} />
        <OrderTotals choice={choice} prices={prices.data?.monthlyCents} />
        <Button
          size="md"
          data-testid="pricing-start-demo"
          renderRoot={(props) => <Link to="/signup" search={searchFromChoice(choice)} {...props} />}
        >
          {t('pricing.start_demo')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('pricing.demo_note')}
        </Text>
        <Anchor component={Link} to="/login" size="sm">
          {t('pricing.have_account')}
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
