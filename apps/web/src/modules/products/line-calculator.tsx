import { formatMoney, lineNet, percentOf, type Product } from '@clientbox/contracts';
import { Box, Flex, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { decimalFromInput, formatPercent } from './product-labels.ts';
import { ProductPicker } from './product-picker.tsx';

/** What one line of a product costs, rounded as an invoice rounds it (domain rules §2.3). */
function lineAmounts(product: Product, quantity: string) {
  try {
    const net = lineNet(decimalFromInput(quantity), product.unit_price);
    const vat = product.vat_rate === null ? 0n : percentOf(net, product.vat_rate);
    return { net, vat, total: net + vat };
  } catch {
    return null;
  }
}

/**
 * A quick price check with the product picker, the way the quote and invoice editors will use
 * it: choose a product (archived ones are not offered), enter a quantity, see net, VAT and total.
 */
export function LineCalculator() {
  const { t, locale } = useI18n();
  const [product, setProduct] = useState<Product | null>(null);
  const [quantity, setQuantity] = useState('1');
  const amounts = product ? lineAmounts(product, quantity) : null;
  return (
    <Paper withBorder p="md" data-testid="line-calculator">
      <Title order={3} size="h5" mb="sm">
        {t('calculator.title')}
      </Title>
      <Stack gap="sm">
        <Flex direction={{ base: 'column', sm: 'row' }} gap="sm">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <ProductPicker value={product} onChange={setProduct} />
          </Box>
          <TextInput
            label={t('calculator.quantity')}
            inputMode="decimal"
            value={quantity}
            onChange={(event) => setQuantity(event.currentTarget.value)}
            w={{ base: '100%', sm: 140 }}
            data-testid="calculator-quantity"
          />
        </Flex>
        {amounts && product ? (
          <Group gap="lg" data-testid="calculator-result">
            <Text size="sm">
              {t('calculator.net')}: {formatMoney(amounts.net, locale)}
            </Text>
            <Text size="sm">
              {t('calculator.vat', { percent: formatPercent(product.vat_rate, locale) })}:{' '}
              {formatMoney(amounts.vat, locale)}
            </Text>
            <Text size="sm" fw={600}>
              {t('calculator.total')}: {formatMoney(amounts.total, locale)}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('calculator.hint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
