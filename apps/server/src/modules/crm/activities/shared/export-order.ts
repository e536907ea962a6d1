/**
 * The relations' export entities: activity rows point at organizations and persons by id, so an
 * import writes those first (`importAfter`).
 */
export const RELATION_ENTITIES: readonly string[] = ['crm.organizations', 'crm.persons'];
