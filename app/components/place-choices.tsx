import { getSelectProps } from "@conform-to/react";
import { ErrorList, SelectField } from "~/components/forms";

type FieldState = { initialValue?: unknown; errors?: string[] };

export interface PlaceOptions {
  towns: { id: string; name: string; clusters: { id: string; name: string }[] }[];
}

function chosen(field: FieldState) {
  const value = field.initialValue;
  return new Set(Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);
}

/**
 * The towns and clusters of a targeting rule as checkboxes (`townIds`,
 * `clusterIds`), ticked from what was sent or saved: one piece for the
 * notice form and the training session form, which target firms alike.
 */
export function PlaceChoices({ options, townIds, clusterIds, labels }: { options: PlaceOptions; townIds: FieldState; clusterIds: FieldState; labels: { towns: string; clusters: string } }) {
  const towns = chosen(townIds);
  const clusters = chosen(clusterIds);
  return (
    <>
      <div className="field">
        <span>{labels.towns}</span>
        {options.towns.map((town) => (
          <label key={town.id} className="checkbox">
            <input type="checkbox" name="townIds" value={town.id} defaultChecked={towns.has(town.id)} /> {town.name}
          </label>
        ))}
        <ErrorList errors={townIds.errors} />
      </div>
      <div className="field">
        <span>{labels.clusters}</span>
        {options.towns.flatMap((town) =>
          town.clusters.map((cluster) => (
            <label key={cluster.id} className="checkbox">
              <input type="checkbox" name="clusterIds" value={cluster.id} defaultChecked={clusters.has(cluster.id)} /> {cluster.name} ({town.name})
            </label>
          )),
        )}
        <ErrorList errors={clusterIds.errors} />
      </div>
    </>
  );
}

/** Whether a targeting rule asks for verified firms, unverified ones, or either. */
export function VerifiedChoice({ field, label, optionLabel }: { field: Parameters<typeof getSelectProps>[0]; label: string; optionLabel: (value: "any" | "verified" | "unverified") => string }) {
  return (
    <SelectField
      label={label}
      selectProps={getSelectProps(field)}
      options={(["any", "verified", "unverified"] as const).map((value) => ({ value, label: optionLabel(value) }))}
      errors={field.errors}
    />
  );
}
