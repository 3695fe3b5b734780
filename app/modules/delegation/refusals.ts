import { DomainError } from "~/utils/domain-error";

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
