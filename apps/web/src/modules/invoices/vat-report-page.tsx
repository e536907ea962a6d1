import { formatMoney, parseAmount, type VatReport, vatReportQuery } from '@clientbox/contracts';
import {
  Alert,
  Anchor,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { todayInAmsterdam } from '../crm/activities/activity-format.ts';
import { type Period, previousQuarters, quarterPeriod, useVatReport } from './use-invoice-reports.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/invoices/vat?from=…&to=…`: the period in the URL, so a report can be linked; left out, the last quarter. */
export function parseVatReportSearch(search: Record<string, unknown>): Partial<Period> {
  const period: Partial<Period> = {};
  if (typeof search.from === 'string' && ISO_DATE.test(search.from)) period.from = search.from;
  if (typeof search.to === 'string' && ISO_DATE.test(search.to)) period.to = search.to;
  return period;
}

function useMoney() {
  const { locale } = useI18n();
  return (amount: string) => formatMoney(parseAmount(amount), locale);
}

function GroupsTable({ report }: { report: VatReport }) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={330}>
      <Table striped verticalSpacing="xs" horizontalSpacing="xs" data-testid="vat-report-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('vat_report.column.category_rate')}</Table.Th>
            <Table.Th>{t('vat_report.column.box')}</Table.Th>
            <Table.Th ta="right">{t('vat_report.column.taxable')}</Table.Th>
            <Table.Th ta="right">{t('vat_report.column.vat')}</Table.Th>
            <Table.Th ta="right" visibleFrom="sm">
              {t('vat_report.column.documents')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((group) => (
            <Table.Tr
              key={`${group.vat_category}|${group.vat_rate}|${group.return_box}`}
              data-testid="vat-report-row"
              data-category={group.vat_category}
              data-rate={group.vat_rate ?? ''}
              data-box={group.return_box ?? ''}
            >
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {group.vat_category} {group.vat_rate === null ? '' : `${group.vat_rate}%`}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`invoice.vat_short.${group.vat_category}`)}
                </Text>
              </Table.Td>
              <Table.Td>{group.return_box ?? t('vat_report.no_box')}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-row-taxable">
                {money(group.taxable_amount)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-row-vat">
                {money(group.vat_amount)}
              </Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                {group.invoices} / {group.credit_notes}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('vat_report.total')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-total-taxable">
              {money(report.total_taxable_amount)}
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-total-vat">
              {money(report.total_vat_amount)}
            </Table.Th>
            <Table.Th ta="right" visibleFrom="sm">
              {report.invoices} / {report.credit_notes}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The amounts per box of the return, as the form asks for them. */
function BoxesTable({ report }: { report: VatReport }) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {t('vat_report.boxes_title')}
      </Title>
      <Table.ScrollContainer minWidth={280}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" data-testid="vat-report-boxes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('vat_report.column.box')}</Table.Th>
              <Table.Th ta="right">{t('vat_report.column.taxable')}</Table.Th>
              <Table.Th ta="right">{t('vat_report.column.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.return_boxes.map((box) => (
              <Table.Tr key={box.box} data-testid="vat-report-box" data-box={box.box}>
                <Table.Td>
                  <Text size="xs">{t(`vat_report.box.${box.box}`)}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-box-taxable">
                  {money(box.taxable_amount)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="vat-report-box-vat">
                  {money(box.vat_amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('vat_report.verify')}
      </Text>
    </Paper>
  );
}

/** `/invoices/vat`: "Btw-overzicht", what the VAT return of a period needs (the last quarter unless chosen). */
export function VatReportPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Partial<Period>;
  const quarters = previousQuarters(todayInAmsterdam(), 8);
  const lastQuarter = quarterPeriod(quarters[0]!.year, quarters[0]!.quarter);
  const period: Period = { from: search.from ?? lastQuarter.from, to: search.to ?? lastQuarter.to };
  // The same schema as the server's: a period ending before it starts is shown, not sent.
  const checked = validate(vatReportQuery, period, locale);
  const report = useVatReport(period, Boolean(checked.data));
  const failure = report.error ? serverErrors(report.error, locale) : null;
  const fieldError = (field: 'from' | 'to') => checked.errors[field] ?? failure?.fields[`query.${field}`];
  const setPeriod = (next: Period) => void navigate({ to: '/invoices/vat', search: next, replace: true });
  const quarterOptions = quarters.map(({ year, quarter }) => ({
    value: `${year}-${quarter}`,
    label: t('vat_report.quarter_option', { quarter, year }),
    period: quarterPeriod(year, quarter),
  }));
  const chosenQuarter = quarterOptions.find(
    (option) => option.period.from === period.from && option.period.to === period.to,
  );

  return (
    <Stack maw={1000} data-testid="vat-report-page">
      <Anchor component={Link} to="/invoices" size="sm">
        ← {t('vat_report.back')}
      </Anchor>
      <Title order={2}>{t('vat_report.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('vat_report.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('vat_report.quarter')}
          data={quarterOptions.map(({ value, label }) => ({ value, label }))}
          value={chosenQuarter?.value ?? null}
          onChange={(value) => {
            const option = quarterOptions.find((candidate) => candidate.value === value);
            if (option) setPeriod(option.period);
          }}
          data-testid="vat-report-quarter"
        />
        <TextInput
          type="date"
          label={t('vat_report.from')}
          value={period.from}
          error={fieldError('from')}
          onChange={(event) => {
            const from = event.currentTarget.value;
            if (ISO_DATE.test(from)) setPeriod({ ...period, from });
          }}
          data-testid="vat-report-from"
        />
        <TextInput
          type="date"
          label={t('vat_report.to')}
          value={period.to}
          error={fieldError('to')}
          onChange={(event) => {
            const to = event.currentTarget.value;
            if (ISO_DATE.test(to)) setPeriod({ ...period, to });
          }}
          data-testid="vat-report-to"
        />
      </SimpleGrid>

      {failure?.general && (
        <Alert color="red" data-testid="vat-report-error">
          {failure.general}
        </Alert>
      )}
      {checked.data && report.isPending && <Loader size="sm" />}
      {checked.data && report.data && !report.error && (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" data-testid="vat-report-documents">
              {t('vat_report.documents', { invoices: report.data.invoices, credit_notes: report.data.credit_notes })}
            </Text>
            {report.isFetching && <Loader size="xs" />}
          </Group>
          {report.data.groups.length === 0 ? (
            <Text c="dimmed" data-testid="vat-report-empty">
              {t('vat_report.empty')}
            </Text>
          ) : (
            <>
              <GroupsTable report={report.data} />
              <BoxesTable report={report.data} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
