import type { FieldError } from '@clientbox/contracts';
import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../shared/api/api-client.ts';
import { type Locale, useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import type { DocumentDraftValues } from './document-draft-values.ts';
import type { DocumentKind } from './document-kind.ts';
import { changedFields } from './draft-changes.ts';
import { documentCustomerKeys } from './use-document-customer.ts';

const INDEXED = { keepIndexes: true };

/** A stored quote or invoice as its draft form needs it. */
interface StoredDocument {
  id: string;
  version: number;
}

/** The part of a TanStack mutation the form uses. */
interface Mutation<Variables, Result> {
  mutateAsync(variables: Variables): Promise<Result>;
  isPending: boolean;
}

/** What a kind of document brings to the shared draft form: its schemas, mutations and pages. */
export interface DocumentDraftSpec<
  Document extends StoredDocument,
  Values extends DocumentDraftValues,
  Create,
  Changes,
> {
  kind: DocumentKind;
  /** The form of a new draft. */
  empty: Values;
  valuesOf(document: Document, customer: PickedRelation | null, locale: Locale): Values;
  /** Every field as the API takes it; the PATCH sends those that differ from what was read. */
  bodyOf(values: Values): Record<string, unknown>;
  createSchema: z.ZodType<Create>;
  updateSchema: z.ZodType<Changes>;
  create: Mutation<Create, Document>;
  update: Mutation<{ id: string; changes: Changes; version: number }, Document>;
  remove: Mutation<{ id: string; version: number }, void>;
  detailQuery(id: string): { queryKey: QueryKey; queryFn(): Promise<Document> };
  /** Opens the new draft's page. */
  onCreated(created: Document): Promise<void>;
  /** Leaves the page of the draft just deleted. */
  onDeleted(deleted: Document): Promise<void>;
}

/** The state of a draft form as the shared parts of the editor show it. */
export interface DocumentDraftForm<Values extends DocumentDraftValues = DocumentDraftValues> {
  kind: DocumentKind;
  isNew: boolean;
  values: Values;
  set(changes: Partial<Values>): void;
  errors: FieldErrors;
  general: string | null;
  /** The fields a 422 `<kind>_incomplete` named, listed above the form. */
  missing: FieldError[] | null;
  setMissing(missing: FieldError[] | null): void;
  isDirty: boolean;
  isSaving: boolean;
  isRemoving: boolean;
  submit(event: FormEvent): void;
  /** Shows a refused request on the form: at its fields, else above them. */
  fail(error: unknown): Promise<void>;
  /** Deletes the draft and leaves its page; false when it was refused (shown on the form). */
  remove(): Promise<boolean>;
}

/**
 * The state of a new or a draft quote or invoice: the values as typed, checked with the same zod
 * schemas as the server, saved with the version they were read at. A 412 (someone else saved in
 * between) says so and loads their version; the texts are the kind's own (`quote.saved`, …).
 */
export function useDocumentDraftForm<
  Document extends StoredDocument,
  Values extends DocumentDraftValues,
  Create,
  Changes,
>(
  spec: DocumentDraftSpec<Document, Values, Create, Changes>,
  document: Document | undefined,
  customer: PickedRelation | null,
): DocumentDraftForm<Values> & { save(): Promise<Document | null> } {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { kind } = spec;
  const [original, setOriginal] = useState<Values>(() =>
    document ? spec.valuesOf(document, customer, locale) : spec.empty,
  );
  const [values, setValues] = useState<Values>(original);
  // The version these values were read at: a refetch in the background must not move it, or a
  // save would overwrite someone else's change unseen.
  const [version, setVersion] = useState(document?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [missing, setMissing] = useState<FieldError[] | null>(null);

  const changes = document ? changedFields(spec.bodyOf(values), spec.bodyOf(original)) : null;
  const isDirty = changes ? Object.keys(changes).length > 0 : true;
  const set = (next: Partial<Values>) => setValues((current) => ({ ...current, ...next }));

  const reset = (fresh: Document) => {
    const next = spec.valuesOf(fresh, values.customer, locale);
    setOriginal(next);
    setValues(next);
    setVersion(fresh.version);
  };

  const fail = async (error: unknown) => {
    if (error instanceof ApiError && error.status === 412 && document) {
      setGeneral(t(`${kind}.conflict`));
      reset(await queryClient.fetchQuery({ ...spec.detailQuery(document.id), staleTime: 0 }));
      return;
    }
    const problem = serverErrors(error, locale, INDEXED);
    setErrors(problem.fields);
    setGeneral(problem.general);
  };

  const create = async (): Promise<Document | null> => {
    const checked = validate(spec.createSchema, spec.bodyOf(values), locale, INDEXED);
    setErrors(checked.errors);
    if (!checked.data) return null;
    const created = await spec.create.mutateAsync(checked.data);
    // The new draft's page need not look its customer up again.
    if (values.customer) queryClient.setQueryData(documentCustomerKeys.customer(values.customer.id), values.customer);
    notifications.show({ color: 'green', message: t(`${kind}.created`) });
    await spec.onCreated(created);
    return created;
  };

  const update = async (stored: Document): Promise<Document | null> => {
    const checked = validate(spec.updateSchema, changes, locale, INDEXED);
    setErrors(checked.errors);
    if (!checked.data) return null;
    if (!isDirty) return stored;
    const saved = await spec.update.mutateAsync({ id: stored.id, changes: checked.data, version });
    reset(saved);
    notifications.show({ color: 'green', message: t(`${kind}.saved`) });
    return saved;
  };

  /** Creates or saves the draft; the saved document, or null when it was refused. */
  const save = async (): Promise<Document | null> => {
    setErrors({});
    setGeneral(null);
    setMissing(null);
    try {
      return await (document ? update(document) : create());
    } catch (error) {
      await fail(error);
      return null;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const remove = async (): Promise<boolean> => {
    if (!document) return false;
    try {
      await spec.remove.mutateAsync({ id: document.id, version });
      notifications.show({ color: 'green', message: t(`${kind}.deleted`) });
      await spec.onDeleted(document);
      return true;
    } catch (error) {
      await fail(error);
      return false;
    }
  };

  return {
    kind,
    isNew: !document,
    values,
    set,
    errors,
    general,
    missing,
    setMissing,
    isDirty,
    isSaving: spec.create.isPending || spec.update.isPending,
    isRemoving: spec.remove.isPending,
    save,
    submit,
    fail,
    remove,
  };
}
