-- Under row-level security PostgreSQL applies a query's own conditions only after the policy,
-- unless their functions are LEAKPROOF; so LIKE and the trigram operators could not use the
-- (tenant_id, search_text) GIN index and a search read every row of the tenant. These functions
-- raise no error that depends on a row's value (only on the pattern the caller gives), so they
-- leak nothing. Marking them needs a superuser: where the migration role is not one, the search
-- still works, only slower, and a notice says why.
DO $$
BEGIN
  ALTER FUNCTION textlike(text, text) LEAKPROOF;
  ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
  ALTER FUNCTION word_similarity_op(text, text) LEAKPROOF;
  ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'search operators not marked LEAKPROOF (needs a superuser): trigram search scans per tenant';
END
$$;
