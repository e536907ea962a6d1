import type { DocumentLineKind, Product } from '@clientbox/contracts';
import { Box, Button, Flex, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { ProductPicker } from '../products/product-picker.tsx';
import { type DraftPreview, emptyLine, type LineValues, productLine } from './document-draft-lines.ts';
import type { LinesKind } from './document-kind.ts';
import { DocumentLineEditor } from './document-line-editor.tsx';
import type { RateOption } from './vat-rate-options.ts';

/**
 * The lines of a draft quote or invoice, in order (moved with up and down), with the bar that adds
 * a product (through the catalogue's picker), a free line, a text line or a heading.
 */
export function DocumentLines({
  kind,
  title,
  lines,
  preview,
  errors,
  rateOptions,
  defaultRate,
  hasProducts,
  canBeOptional = false,
  onChange,
}: {
  kind: LinesKind;
  title: string;
  lines: LineValues[];
  preview: DraftPreview;
  errors: FieldErrors;
  rateOptions: RateOption[];
  defaultRate: string;
  /** The product picker needs the Products module. */
  hasProducts: boolean;
  /** A quote's items can be optional. */
  canBeOptional?: boolean;
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
  const testId = (part: string) => `${kind}-${part}`;

  return (
    <Stack gap="sm" data-testid={testId('lines')}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {lines.length === 0 && (
        <Text c="dimmed" size="sm" data-testid={testId('lines-empty')}>
          {t('invoice.lines_empty')}
        </Text>
      )}
      {lines.map((line, index) => (
        <DocumentLineEditor
          key={line.key}
          kind={kind}
          line={line}
          index={index}
          count={lines.length}
          errors={errors}
          amount={preview.lineTotals[index] ?? 0n}
          isUnreadable={preview.unreadableLines.has(index)}
          rateOptions={rateOptions}
          defaultRate={defaultRate}
          canBeOptional={canBeOptional}
          onChange={(changes) => update(index, changes)}
          onMove={(offset) => move(index, offset)}
          onRemove={() => remove(index)}
        />
      ))}
      {errors.lines && (
        <Text c="red" size="sm" role="alert" data-testid={testId('lines-error')}>
          {errors.lines}
        </Text>
      )}
      <Paper withBorder p="sm" bg="gray.0" data-testid={testId('add-line')}>
        <Flex direction={{ base: 'column', md: 'row' }} gap="sm" align={{ base: 'stretch', md: 'flex-end' }}>
          {hasProducts && (
            <Box style={{ flex: 1, minWidth: 0 }}>
              <ProductPicker
                key={pickerRound}
                value={null}
                onChange={addProduct}
                label={t('invoice.add_product')}
                testId={testId('product-picker')}
              />
            </Box>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={() => addEmpty('item')} data-testid={testId('add-free')}>
              + {t('invoice.add_free')}
            </Button>
            <Button variant="default" onClick={() => addEmpty('text')} data-testid={testId('add-text')}>
              + {t('invoice.add_text')}
            </Button>
            <Button variant="default" onClick={() => addEmpty('heading')} data-testid={testId('add-heading')}>
              + {t('invoice.add_heading')}
            </Button>
          </Group>
        </Flex>
      </Paper>
    </Stack>
  );
}
