import type { DocumentLineKind, Product } from '@clientbox/contracts';
import { Box, Button, Flex, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { ProductPicker } from '../products/product-picker.tsx';
import { type DraftPreview, emptyLine, type LineValues, productLine } from './invoice-draft.ts';
import { InvoiceLineEditor, type RateOption } from './invoice-line-editor.tsx';

/**
 * The lines of a draft, in order (moved with up and down), with the bar that adds a product
 * (through the catalogue's picker), a free line, a text line or a heading.
 */
export function InvoiceLines({
  lines,
  preview,
  errors,
  rateOptions,
  defaultRate,
  hasProducts,
  onChange,
}: {
  lines: LineValues[];
  preview: DraftPreview;
  errors: FieldErrors;
  rateOptions: RateOption[];
  defaultRate: string;
  /** The product picker needs the Products module. */
  hasProducts: boolean;
  onChange(lines: LineValues[]): void;
}) {
  const { t, locale } = useI18n();
  // A new picker after each pick, so it is empty again for the next product.
  const [pickerRound, setPickerRound] = useState(0);

  const add = (line: LineValues) => onChange([...lines, line]);
  const addProduct = (product: Product | null) => {
    if (!product) return;
    add(productLine(product, locale));
    setPickerRound((round) => round + 1);
  };
  const addEmpty = (kind: DocumentLineKind) => add(emptyLine(kind, defaultRate));
  const update = (index: number, changes: Partial<LineValues>) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, ...changes } : line)));
  const move = (index: number, offset: -1 | 1) => {
    const next = [...lines];
    const [line] = next.splice(index, 1);
    next.splice(index + offset, 0, line!);
    onChange(next);
  };
  const remove = (index: number) => onChange(lines.filter((_line, at) => at !== index));

  return (
    <Stack gap="sm" data-testid="invoice-lines">
      <Title order={3} size="h4">
        {t('invoice.lines')}
      </Title>
      {lines.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="invoice-lines-empty">
          {t('invoice.lines_empty')}
        </Text>
      )}
      {lines.map((line, index) => (
        <InvoiceLineEditor
          key={line.key}
          line={line}
          index={index}
          count={lines.length}
          errors={errors}
          amount={preview.totals.lines[index]?.net ?? 0n}
          isUnreadable={preview.unreadableLines.has(index)}
          rateOptions={rateOptions}
          defaultRate={defaultRate}
          onChange={(changes) => update(index, changes)}
          onMove={(offset) => move(index, offset)}
          onRemove={() => remove(index)}
        />
      ))}
      {errors.lines && (
        <Text c="red" size="sm" role="alert" data-testid="invoice-lines-error">
          {errors.lines}
        </Text>
      )}
      <Paper withBorder p="sm" bg="gray.0" data-testid="invoice-add-line">
        <Flex direction={{ base: 'column', md: 'row' }} gap="sm" align={{ base: 'stretch', md: 'flex-end' }}>
          {hasProducts && (
            <Box style={{ flex: 1, minWidth: 0 }}>
              <ProductPicker
                key={pickerRound}
                value={null}
                onChange={addProduct}
                label={t('invoice.add_product')}
                testId="invoice-product-picker"
              />
            </Box>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={() => addEmpty('item')} data-testid="invoice-add-free">
              + {t('invoice.add_free')}
            </Button>
            <Button variant="default" onClick={() => addEmpty('text')} data-testid="invoice-add-text">
              + {t('invoice.add_text')}
            </Button>
            <Button variant="default" onClick={() => addEmpty('heading')} data-testid="invoice-add-heading">
              + {t('invoice.add_heading')}
            </Button>
          </Group>
        </Flex>
      </Paper>
    </Stack>
  );
}
