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
