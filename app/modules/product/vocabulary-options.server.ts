import type { Locale } from "~/i18n/config";
import { displayLabel } from "~/modules/i18n-text/display.server";
import { attributeDefinitions, productTypes, vocabularyName, type AttributeDefinition, type ClusterKey } from "./vocabulary";

/** Which attributes matter for the products of a cluster (shown first in the form). */
export const clusterAttributes: Record<ClusterKey, string[]> = {
  lighting: ["powerW", "colourTempK", "material", "finish", "ipRating", "voltage"],
  hardware: ["material", "finish", "lengthCm"],
  appliances: ["powerW", "capacityL", "voltage", "finish"],
  "office-furniture": ["material", "finish", "lengthCm"],
  "casual-wear": ["fabric", "sizeRange", "finish"],
  "redwood-furniture": ["material", "finish", "lengthCm"],
};

export interface AttributeOption {
  key: string;
  label: string;
  kind: "enum" | "number";
  unit?: string;
  min?: number;
  max?: number;
  values?: { value: string; label: string }[];
}

/** The product form's vocabularies, named in the reader's language and script. */
export function productVocabularyOptions(locale: Locale) {
  const clusters = [...new Set(productTypes.map((type) => type.cluster))];
  return {
    typeGroups: clusters.map((cluster) => ({
      cluster,
      types: productTypes
        .filter((type) => type.cluster === cluster)
        .map((type) => ({ value: type.key, label: displayLabel(vocabularyName(type.names, locale), locale), hs: type.hs })),
    })),
    attributes: Object.entries(attributeDefinitions).map(([key, raw]): AttributeOption => {
      const definition = raw as AttributeDefinition;
      const label = displayLabel(vocabularyName(definition.names, locale), locale);
      if (definition.kind === "number") return { key, label, kind: "number", unit: definition.unit, min: definition.min, max: definition.max };
      return {
        key,
        label,
        kind: "enum",
        values: Object.entries(definition.values).map(([value, names]) => ({ value, label: displayLabel(vocabularyName(names, locale), locale) })),
      };
    }),
    clusterAttributes,
  };
}
