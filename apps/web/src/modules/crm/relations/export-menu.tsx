import { Button, Menu } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

/** "Exporteren" → CSV or XLSX of the list as filtered now (the list's query without paging). */
export function ExportMenu({ url, params, testId }: { url: string; params: URLSearchParams; testId: string }) {
  const { t } = useI18n();
  const hrefOf = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams(params);
    query.delete('limit');
    query.delete('starting_after');
    query.set('format', format);
    return `${url}?${query.toString()}`;
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid={testId}>
          {t('relations.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={hrefOf('csv')} download data-testid={`${testId}-csv`}>
          {t('relations.export_csv')}
        </Menu.Item>
        <Menu.Item component="a" href={hrefOf('xlsx')} download data-testid={`${testId}-xlsx`}>
          {t('relations.export_xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
