import type { LinkDescriptor } from "@remix-run/node";
import href from "./catalog.css";

/** The catalogue's and directory's styles, linked by their routes (the HS picker's too). */
export const catalogStyles: LinkDescriptor[] = [{ rel: "stylesheet", href }];
