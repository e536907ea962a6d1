import { Box, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatShortMonth } from '../i18n/format-date.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface MonthBar {
  /** The month as `YYYY-MM`. */
  month: string;
  /** What the bar's height follows; below zero the bar hangs under the line. */
  value: number;
  /** The amount as the API gives it, kept on the bar as `data-amount`. */
  amount: string;
  /** What the bar says of itself, to a screen reader as to the eye (its title). */
  label: string;
}

export interface MonthBarChartProps {
  title: ReactNode;
  caption: ReactNode;
  bars: MonthBar[];
  /** The height in pixels of the whole bar area, above and below the line. */
  barArea: number;
  /** Colour of bars above the line, and of those below it. */
  colors: { above: string; below?: string };
  testIds: { chart: string; bar: string; caption?: string };
}

/**
 * Amounts per month as bars: plain boxes, no chart library. The line sits where zero is; a month
 * below it always gets room to show. At phone width the bars scroll sideways in their box.
 */
export function MonthBarChart({ title, caption, bars, barArea, colors, testIds }: MonthBarChartProps) {
  const { locale } = useI18n();
  const highest = Math.max(0, ...bars.map((bar) => bar.value));
  const lowest = Math.max(0, ...bars.map((bar) => -bar.value));
  const scale = highest + lowest === 0 ? 0 : barArea / (highest + lowest);
  const above =
    highest + lowest === 0 ? barArea : Math.min(Math.round(highest * scale), lowest > 0 ? barArea - 2 : barArea);
  const below = barArea - above;
  const heightOf = (value: number) => (value === 0 ? 0 : Math.max(2, Math.round(Math.abs(value) * scale)));
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} data-testid={testIds.chart}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <Box style={{ overflowX: 'auto' }}>
        <Box
          component="ul"
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${bars.length}, minmax(18px, 1fr))`,
            gap: 4,
            listStyle: 'none',
            margin: 0,
            padding: 0,
            minWidth: bars.length * 22,
          }}
        >
          {bars.map(({ month, value, amount, label }) => {
            const bar = (
              <Box
                role="img"
                aria-label={label}
                title={label}
                data-testid={testIds.bar}
                data-month={month}
                data-amount={amount}
                style={{
                  width: '60%',
                  maxWidth: 22,
                  height: heightOf(value),
                  background: value < 0 ? (colors.below ?? colors.above) : colors.above,
                  borderRadius: value < 0 ? '0 0 2px 2px' : '2px 2px 0 0',
                }}
              />
            );
            return (
              <li key={month}>
                <Box
                  style={{
                    height: above,
                    display: 'flex',
                    alignItems: 'flex-end',
                    justifyContent: 'center',
                    borderBottom: '1px solid var(--mantine-color-gray-4)',
                  }}
                >
                  {value >= 0 && bar}
                </Box>
                {below > 0 && (
                  <Box style={{ height: below, display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }}>
                    {value < 0 && bar}
                  </Box>
                )}
                <Text size="xs" c="dimmed" ta="center" mt={2}>
                  {formatShortMonth(month, locale)}
                </Text>
              </li>
            );
          })}
        </Box>
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt="xs" data-testid={testIds.caption}>
        {caption}
      </Text>
    </Paper>
  );
}
