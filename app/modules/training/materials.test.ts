import { describe, expect, it } from "vitest";
import { deletionProblem, MAX_TRAINING_MATERIALS, materialsProblem, mayGetMaterials } from "./materials";

describe("who may get a session's materials", () => {
  const firm = (registration: Parameters<typeof mayGetMaterials>[0]["registration"], targeted = true) => mayGetMaterials({ bureau: false, registration, targeted });

  it("lets the bureau in, registered or not, targeted or not", () => {
    expect(mayGetMaterials({ bureau: true, registration: null, targeted: false })).toBe(true);
  });

  it("lets in a firm holding a seat, or one recorded as present", () => {
    expect(firm({ status: "REGISTERED", attended: null })).toBe(true);
    expect(firm({ status: "REGISTERED", attended: false })).toBe(true);
    expect(firm({ status: "CANCELLED", attended: true })).toBe(true);
  });

  it("keeps out firms without a seat: none, waiting, or given back", () => {
    expect(firm(null)).toBe(false);
    expect(firm({ status: "WAITLISTED", attended: null })).toBe(false);
    expect(firm({ status: "CANCELLED", attended: null })).toBe(false);
    expect(firm({ status: "CANCELLED", attended: false })).toBe(false);
  });

  it("keeps out a registered firm the session's rules no longer reach", () => {
    expect(firm({ status: "REGISTERED", attended: null }, false)).toBe(false);
    expect(firm({ status: "REGISTERED", attended: true }, false)).toBe(false);
  });
});

describe("the materials' limit", () => {
  it("takes up to five files in all", () => {
    expect(materialsProblem({ attached: 0, adding: MAX_TRAINING_MATERIALS })).toBeNull();
    expect(materialsProblem({ attached: 4, adding: 1 })).toBeNull();
    expect(materialsProblem({ attached: 5, adding: 1 })).toBe("tooManyMaterials");
    expect(materialsProblem({ attached: 0, adding: 6 })).toBe("tooManyMaterials");
  });
});

describe("deleting a session", () => {
  it("is refused while firms hold or wait for a seat of a session not cancelled", () => {
    expect(deletionProblem({ cancelled: false, concerned: 1 })).toBe("stillRegistered");
    expect(deletionProblem({ cancelled: false, concerned: 0 })).toBeNull();
    expect(deletionProblem({ cancelled: true, concerned: 3 })).toBeNull();
  });
});
