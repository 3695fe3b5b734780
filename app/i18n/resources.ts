import { treeToTraditional } from "~/modules/i18n-text/chinese-script.server";
import type { Locale, Namespace } from "./config";
import enCommon from "./resources/en/common.json";
import enAuth from "./resources/en/auth.json";
import enHome from "./resources/en/home.json";
import enBureau from "./resources/en/bureau.json";
import enValidation from "./resources/en/validation.json";
import ptCommon from "./resources/pt/common.json";
import ptAuth from "./resources/pt/auth.json";
import ptHome from "./resources/pt/home.json";
import ptBureau from "./resources/pt/bureau.json";
import ptValidation from "./resources/pt/validation.json";
import zhCommon from "./resources/zh-CN/common.json";
import zhAuth from "./resources/zh-CN/auth.json";
import zhHome from "./resources/zh-CN/home.json";
import zhBureau from "./resources/zh-CN/bureau.json";
import zhValidation from "./resources/zh-CN/validation.json";

type Tree = { [key: string]: string | Tree };

type Resources = Record<Exclude<Locale, "zh-Hant">, Record<Namespace, Tree>>;

/** Translations written by people, per locale and namespace. English is the reference. */
const written: Resources = {
  en: { common: enCommon, auth: enAuth, home: enHome, bureau: enBureau, validation: enValidation },
  pt: { common: ptCommon, auth: ptAuth, home: ptHome, bureau: ptBureau, validation: ptValidation },
  "zh-CN": { common: zhCommon, auth: zhAuth, home: zhHome, bureau: zhBureau, validation: zhValidation },
};

/**
 * Every translation. Traditional Chinese (Macao) is generated from the
 * Simplified resources when the server starts, never maintained by hand.
 */
export const resources: Record<Locale, Record<Namespace, Tree>> = {
  ...written,
  "zh-Hant": treeToTraditional(written["zh-CN"]),
};
