/**
 * The one place where a code gets its HTTP status. Kernel codes are listed here; a module adds
 * its own through its manifest (`errors`), checked for clashes at start-up.
 */
export const KERNEL_ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_api_key: 401,
  email_not_verified: 403,
  forbidden: 403,
  not_tenant_member: 403,
  module_not_enabled: 403,
  tenant_expired: 403,
  tenant_suspended: 403,
  tenant_deactivated: 403,
  not_found: 404,
  invitation_not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  email_taken: 409,
  conflict: 409,
  cannot_remove_last_owner: 409,
  invitation_email_mismatch: 409,
  invitation_not_pending: 409,
  seat_limit_reached: 409,
  order_users_below_members: 409,
  order_not_pending: 409,
  /** Art. 8: a cancellation or deactivation is already under way. */
  contract_already_ending: 409,
  support_access_required: 403,
  price_change_too_soon: 422,
  import_tenant_not_empty: 409,
  import_archive_invalid: 422,
  /** The same Idempotency-Key with another request within 24 hours. */
  idempotency_key_reused: 409,
  version_conflict: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type KernelErrorCode = keyof typeof KERNEL_ERROR_STATUS;

const moduleErrorStatus = new Map<string, { owner: string; status: number }>();

/**
 * A second app built in the same process (tests build one per file, some two) registers the
 * same module again: the same code, owner and status is no clash. Anything else is.
 */
export function registerErrorCodes(owner: string, codes: Record<string, number>): void {
  for (const [code, status] of Object.entries(codes)) {
    const known = moduleErrorStatus.get(code);
    if (known && known.owner === owner && known.status === status) continue;
    if (code in KERNEL_ERROR_STATUS || known) {
      throw new Error(`error code "${code}" of ${owner} is already registered`);
    }
    moduleErrorStatus.set(code, { owner, status });
  }
}

export function statusOf(code: string): number {
  return (KERNEL_ERROR_STATUS as Record<string, number>)[code] ?? moduleErrorStatus.get(code)?.status ?? 500;
}
