/** Error codes of the CRM module and their HTTP status (the code is also the translation key). */
export const CRM_ERRORS: Record<string, number> = {
  organization_not_found: 404,
  person_not_found: 404,
};
