import type { CreateProduct, Product, UpdateProduct } from '@clientbox/contracts';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors } from '../../shared/ui/form-errors.ts';
import { ProductForm, productValues } from './product-form.tsx';
import { useArchiveProduct, useCreateProduct, useDeleteProduct, useProduct, useUpdateProduct } from './use-products.ts';

function BackLink() {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to="/products" size="sm">
      ← {t('product.back')}
    </Anchor>
  );
}

/** `/products/new` */
export function ProductCreatePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateProduct();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (body: CreateProduct | UpdateProduct) => {
    setErrors({});
    setGeneral(null);
    try {
      const product = await create.mutateAsync(body as CreateProduct);
      notifications.show({ color: 'green', message: t('product.created') });
      await navigate({ to: '/products/$id', params: { id: product.id } });
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <Stack maw={900}>
      <BackLink />
      <Title order={2}>{t('product.new_title')}</Title>
      <ProductForm
        serverErrors={errors}
        general={general}
        isBusy={create.isPending}
        submitLabel={t('product.create')}
        onSubmit={submit}
      />
    </Stack>
  );
}

/** `/products/$id`: edit, archive or delete. */
export function ProductEditPage() {
  const { t, locale } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const product = useProduct(id);
  const update = useUpdateProduct();
  const archive = useArchiveProduct();
  const remove = useDeleteProduct();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);

  if (product.error)
    return (
      <Stack maw={900}>
        <BackLink />
        <Alert color="red">{serverErrors(product.error, locale).general}</Alert>
      </Stack>
    );
  if (!product.data) return <Text>{t('common.loading')}</Text>;
  const current = product.data;

  const fail = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setGeneral(t('product.conflict'));
      await product.refetch();
      return;
    }
    const problem = serverErrors(error, locale);
    setErrors(problem.fields);
    setGeneral(problem.general);
  };

  const submit = async (changes: CreateProduct | UpdateProduct) => {
    setErrors({});
    setGeneral(null);
    try {
      await update.mutateAsync({ id, changes: changes as UpdateProduct, version: current.version });
      notifications.show({ color: 'green', message: t('product.saved') });
    } catch (error) {
      await fail(error);
    }
  };

  const toggleArchived = async (item: Product) => {
    try {
      await archive.mutateAsync({ id, isArchived: !item.archived, version: item.version });
      notifications.show({ color: 'green', message: t(item.archived ? 'product.unarchived' : 'product.archived') });
    } catch (error) {
      await fail(error);
    }
  };

  const confirmDelete = async () => {
    try {
      await remove.mutateAsync({ id, version: current.version });
      notifications.show({ color: 'green', message: t('product.deleted') });
      await navigate({ to: '/products' });
    } catch (error) {
      setIsDeleting(false);
      await fail(error);
    }
  };

  return (
    <Stack maw={900}>
      <BackLink />
      <Group gap="sm">
        <Title order={2}>{t('product.edit_title', { code: current.code })}</Title>
        {current.archived && <Badge color="gray">{t('products.archived_badge')}</Badge>}
      </Group>
      {current.archived && (
        <Alert color="gray" data-testid="product-archived-notice">
          {t('product.archived_notice')}
        </Alert>
      )}
      <ProductForm
        key={current.version}
        original={productValues(current, locale)}
        serverErrors={errors}
        general={general}
        isBusy={update.isPending}
        submitLabel={t('common.save')}
        onSubmit={submit}
      >
        <Button
          variant="default"
          loading={archive.isPending}
          onClick={() => toggleArchived(current)}
          data-testid={current.archived ? 'product-unarchive' : 'product-archive'}
        >
          {t(current.archived ? 'product.unarchive' : 'product.archive')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => setIsDeleting(true)} data-testid="product-delete">
          {t('product.delete')}
        </Button>
      </ProductForm>
      <ConfirmDialog
        opened={isDeleting}
        title={t('product.delete_title')}
        confirmLabel={t('product.delete')}
        color="red"
        isBusy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setIsDeleting(false)}
        testId="product-delete-dialog"
      >
        <Text size="sm">{t('product.delete_text')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
