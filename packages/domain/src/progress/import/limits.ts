/**
 * How large one import may be. A quarter of one ministry's figures is a few hundred rows (its
 * actions' indicators, nationally and by province); 5,000 leaves room for every province of every
 * indicator and keeps the rows, sent as GraphQL variables, within the 1 MB request body limit
 * (`BODY_LIMIT`) that the gateway and every subgraph hold. One transaction writes them all.
 */
export const IMPORT_LIMITS = {
  maxRows: 5_000,
  /** The rows as JSON, with room under BODY_LIMIT for the query and the envelope. */
  maxPayloadBytes: 900_000,
  /** The uploaded file itself, checked before any parsing. */
  maxFileBytes: 10 * 1024 * 1024,
} as const;
