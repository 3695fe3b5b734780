import type { Locale, Namespace } from "./config";
import enCommon from "./resources/en/common.json";
import enAuth from "./resources/en/auth.json";
import enHome from "./resources/en/home.json";
import enBureau from "./resources/en/bureau.json";
import enValidation from "./resources/en/validation.json";
import enInquiry from "./resources/en/inquiry.json";
import enNotification from "./resources/en/notification.json";
import ptCommon from "./resources/pt/common.json";
import ptAuth from "./resources/pt/auth.json";
import ptHome from "./resources/pt/home.json";
import ptBureau from "./resources/pt/bureau.json";
import ptValidation from "./resources/pt/validation.json";
import ptInquiry from "./resources/pt/inquiry.json";
import ptNotification from "./resources/pt/notification.json";
import zhCommon from "./resources/zh-CN/common.json";
import zhAuth from "./resources/zh-CN/auth.json";
import zhHome from "./resources/zh-CN/home.json";
import zhBureau from "./resources/zh-CN/bureau.json";
import zhValidation from "./resources/zh-CN/validation.json";
import zhInquiry from "./resources/zh-CN/inquiry.json";
import zhNotification from "./resources/zh-CN/notification.json";

type Tree = { [key: string]: string | Tree };

/** Every translation, per locale and namespace. English is the reference. */
export const resources: Record<Locale, Record<Namespace, Tree>> = {
  en: { common: enCommon, auth: enAuth, home: enHome, bureau: enBureau, validation: enValidation, inquiry: enInquiry, notification: enNotification },
  pt: { common: ptCommon, auth: ptAuth, home: ptHome, bureau: ptBureau, validation: ptValidation, inquiry: ptInquiry, notification: ptNotification },
  "zh-CN": { common: zhCommon, auth: zhAuth, home: zhHome, bureau: zhBureau, validation: zhValidation, inquiry: zhInquiry, notification: zhNotification },
};
