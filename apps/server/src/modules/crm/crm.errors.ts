/** Error codes of the CRM module and their HTTP status (the code is also the translation key). */
export const CRM_ERRORS: Record<string, number> = {
  organization_not_found: 404,
  person_not_found: 404,
  /** Only a lead can be converted into a customer. */
  organization_not_a_lead: 409,
  saved_view_not_found: 404,
  timeline_item_not_found: 404,
  /** Items other modules add (a sent quote, a paid invoice) are history, not notes to edit. */
  timeline_item_read_only: 409,
  task_not_found: 404,
  deal_not_found: 404,
  deal_stage_not_found: 404,
  deal_stage_has_deals: 409,
  /** New deals need an open stage to start in. */
  deal_stage_last_open: 409,
  /** all_or_nothing import with bad rows: nothing written, every row's errors listed. */
  organization_import_failed: 422,
  /** An erased person (GDPR art. 17) is not changed any more. */
  person_erased: 409,
};
