import { Alert, Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { SupportCompanyForm } from './support-company-form.tsx';
import { useMySupportGrants, useSupportAudit, useSupportCompany } from './use-operator.ts';

const isNoAccess = (error: unknown) => error instanceof ApiError && error.problem.code === 'support_access_required';

/**
 * Terms art. 16: staff act inside one tenant through its grant. Every request carries the
 * tenant in `x-support-tenant`, and the server writes each one to the tenant's audit log.
 */
export function OperatorSupportViewPage() {
  const { t, locale } = useI18n();
  const { tenantId = '' } = useParams({ strict: false }) as { tenantId?: string };
  const grants = useMySupportGrants();
  const company = useSupportCompany(tenantId);
  const grant = grants.data?.find((item) => item.tenant_id === tenantId);
  const hasNoGrant = grants.isSuccess && !grant;
  const back = (
    <Anchor component={Link} to="/operator/support" size="sm">
      {t('console.support.back')}
    </Anchor>
  );

  if (isNoAccess(company.error) || hasNoGrant)
    return (
      <Stack maw={1000}>
        {back}
        <Alert color="red" role="alert" data-testid="console-support-no-access">
          {t('console.support.no_access')}
        </Alert>
      </Stack>
    );
  if (company.error)
    return (
      <Stack maw={1000}>
        {back}
        <Alert color="red" role="alert">
          {serverErrors(company.error, locale).general}
        </Alert>
      </Stack>
    );
  if (!company.data || !grant) return <Text>{t('common.loading')}</Text>;

  return (
    <Stack maw={1100}>
      {back}
      <Alert
        color={grant.access === 'write' ? 'orange' : 'yellow'}
        variant="filled"
        data-testid="console-support-banner"
        role="status"
      >
        {t(grant.access === 'write' ? 'console.support.banner_write' : 'console.support.banner_read', {
          tenant: grant.tenant_name,
        })}
      </Alert>
      <Title order={2}>{grant.tenant_name}</Title>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('console.support.company')}
        </Title>
        <SupportCompanyForm tenantId={tenantId} company={company.data} isEditable={grant.access === 'write'} />
      </Paper>
      <SupportAuditLog tenantId={tenantId} />
    </Stack>
  );
}

function SupportAuditLog({ tenantId }: { tenantId: string }) {
  const { t, locale } = useI18n();
  const audit = useSupportAudit(tenantId);
  const isForbidden = audit.error instanceof ApiError && audit.error.problem.code === 'forbidden';
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('console.support.audit')}
      </Title>
      {isForbidden && <Text c="dimmed">{t('console.support.audit_needs_write')}</Text>}
      {audit.error && !isForbidden && (
        <Alert color="red" role="alert">
          {serverErrors(audit.error, locale).general}
        </Alert>
      )}
      {audit.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={4} fz="sm" data-testid="console-support-audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data.data.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDateTime(event.occurred_at, locale)}</Table.Td>
                  <Table.Td>{event.actor_name ?? event.actor_type}</Table.Td>
                  <Table.Td>{event.action}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
