import type { ImportKind } from "./columns";

export interface ImportActor {
  /** The user importing; null for the CLI. */
  id: string | null;
  /** "cli" when no user acts. */
  label?: string;
}

export type ImportScope = { kind: "bureau" } | { kind: "firm"; firmId: string };

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  /** Shown in the audit trail (the uploaded file's name). */
  fileName?: string;
  actor: ImportActor;
  scope: ImportScope;
  dryRun: boolean;
}

/** What an import wrote, so far. */
export type Counts = { created: number; updated: number; unchanged: number };

/** The firm a firm's own import is scoped to. */
export interface ScopeFirm {
  id: string;
  externalId: string | null;
}
