import type { VerifiedApiKey } from '../accounts/api-key-verifier.ts';
import type { Database } from '../db/database.ts';
import { recordAuditEvent } from './audit-log.ts';

/**
 * Key use is audited at most once a minute per key (the same moment `last_used_at` is written):
 * enough to see that and when a key is used, without one audit row per API call.
 */
export async function recordApiKeyUse(
  database: Database,
  key: VerifiedApiKey,
  ip: string | null,
  logger: { warn(obj: object, msg: string): void },
): Promise<void> {
  try {
    await database.withTenant(key.tenantId, (tx) =>
      recordAuditEvent(
        {
          tenantId: key.tenantId,
          actor: { type: 'api_key', id: key.id, name: key.name },
          meta: { requestId: null, ip, userAgent: null },
          tx,
        },
        { action: 'api_key.used', targetType: 'api_key', targetId: key.id },
      ),
    );
  } catch (error) {
    logger.warn({ err: error }, 'could not audit API key use');
  }
}
