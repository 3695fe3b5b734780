/** How the bureau's inquiry figures can be grouped (shared by the page and the query). */
export const figureDimensions = ["town", "cluster", "country"] as const;
export type FigureDimension = (typeof figureDimensions)[number];
