import crypto from "node:crypto";
import { resources } from "./resources";

/** Changes whenever any translation changes; part of the resource URLs. */
export const i18nVersion = crypto.createHash("sha256").update(JSON.stringify(resources)).digest("hex").slice(0, 12);
