/** The kinds of record the audit trail can be filtered by. */
export const auditEntityTypes = ["firm", "product", "request", "buyerCompany", "user", "town", "cluster", "certification", "fair", "searchVocabulary", "system"] as const;
