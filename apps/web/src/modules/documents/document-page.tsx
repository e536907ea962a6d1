import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { DOCUMENT_LIST_PATH, type DocumentKind } from './document-kind.ts';
import { useDocumentCustomer } from './use-document-customer.ts';

/** A page of one quote or invoice: the way back to the list above it. */
export function DocumentPageFrame({ kind, children }: { kind: DocumentKind; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={DOCUMENT_LIST_PATH[kind]} size="sm">
        ← {t(`${kind}.back`)}
      </Anchor>
      {children}
    </Stack>
  );
}

/**
 * The page of a stored quote or invoice: its failure to load, or "loading" until the document and
 * its customer (looked up in the CRM, for the editor's picker and the links) are both in.
 */
export function LoadedDocumentPage<Document extends { customer_id: string | null }>({
  kind,
  document,
  children,
}: {
  kind: DocumentKind;
  document: UseQueryResult<Document>;
  children(document: Document, customer: PickedRelation | null): ReactNode;
}) {
  const { t, locale } = useI18n();
  const customer = useDocumentCustomer(document.data?.customer_id);
  const failure = document.error ?? customer.error;
  if (failure)
    return (
      <DocumentPageFrame kind={kind}>
        <Alert color="red" data-testid={`${kind}-load-error`}>
          {serverErrors(failure, locale).general}
        </Alert>
      </DocumentPageFrame>
    );
  const current = document.data;
  const isCustomerPending = Boolean(current?.customer_id) && customer.isPending;
  if (!current || isCustomerPending) return <Text>{t('common.loading')}</Text>;
  return <DocumentPageFrame kind={kind}>{children(current, customer.data ?? null)}</DocumentPageFrame>;
}
