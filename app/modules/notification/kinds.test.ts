import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { notificationKinds } from "./kinds";

/** Every notice kind can be chosen on the preferences page, by its name, in every language. */
describe("notification kinds", () => {
  for (const locale of supportedLocales.filter((l) => l !== "zh-Hant")) {
    it(`have a preference label in ${locale}`, () => {
      const kinds = (resources[locale as keyof typeof resources].notification as { preferences: { kinds: Record<string, Record<string, string>> } }).preferences.kinds;
      for (const kind of notificationKinds) {
        const [group, name] = kind.split(".");
        expect(kinds[group]?.[name], `${locale}: preferences.kinds.${kind}`).toBeTruthy();
      }
    });
  }
});
