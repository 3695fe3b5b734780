import { DomainError } from "~/utils/domain-error";

/**
 * The refusals a firm meets when it applies, edits or withdraws, as
 * DomainErrors: a status, the message (namespace `participation`, worded
 * for the firm) and the field it belongs to. Pure: the services throw
 * these, the routes show them with what was typed kept.
 */
export type FirmRefusal =
  | "callNotFound"
  | "notFound"
  | "callNotOpen"
  | "deadlinePassed"
  | "decided"
  | "withdrawn"
  | "ineligible"
  | "alreadyApplied"
  | "unknownBoothType"
  | "productsNotOwned"
  | "documentMissing";

const refusals: Record<FirmRefusal, { status: number; field?: string }> = {
  callNotFound: { status: 404 },
  notFound: { status: 404 },
  callNotOpen: { status: 409 },
  deadlinePassed: { status: 409 },
  decided: { status: 409 },
  withdrawn: { status: 409 },
  ineligible: { status: 403 },
  alreadyApplied: { status: 409 },
  unknownBoothType: { status: 400, field: "boothTypeCode" },
  productsNotOwned: { status: 400, field: "productIds" },
  documentMissing: { status: 400 },
};

export function firmRefusal(reason: FirmRefusal, params?: Record<string, string | number>, field?: string): DomainError<FirmRefusal> {
  const known = refusals[reason];
  return new DomainError(reason, { status: known.status, messageKey: `participation:errors.${reason}`, field: field ?? known.field, params });
}

/**
 * The bureau's refusals in the delegation workflow, each a DomainError with
 * its status and the message the page shows (namespace `delegation`,
 * `refusal.<code>`). Pure: services throw them, routes map them.
 */
export const delegationRefusalStatus = {
  editionNotFound: 404,
  callNotFound: 404,
  applicationNotFound: 404,
  callExists: 409,
  notEditable: 409,
  badTransition: 409,
  quotaFull: 409,
  applicationWithdrawn: 409,
  callNotInSelection: 409,
  reasonRequired: 400,
  boothTaken: 409,
  unknownBooth: 400,
  notApproved: 409,
  noFloorPlan: 409,
  subsidyTooLarge: 400,
  subsidyTooEarly: 409,
  waitlistEmpty: 409,
  noFreePlace: 409,
  weightsLocked: 409,
} as const;
export type DelegationRefusal = keyof typeof delegationRefusalStatus;

const fields: Partial<Record<DelegationRefusal, string>> = {
  reasonRequired: "reason",
  boothTaken: "booth",
  unknownBooth: "booth",
  subsidyTooLarge: "subsidyPaidCny",
};

export function delegationRefusal(code: DelegationRefusal, params?: Record<string, string | number>): DomainError<DelegationRefusal> {
  return new DomainError(code, { status: delegationRefusalStatus[code], messageKey: `delegation:refusal.${code}`, field: fields[code], params });
}
