import { describe, expect, it } from "vitest";
import { currentLinkProps } from "./follow-link";

describe("currentLinkProps (NavLink's marks)", () => {
  it("marks the page shown and, unless `end`, the pages under it", () => {
    expect(currentLinkProps("/en/search", "/en/search")).toEqual({ "aria-current": "page", className: "active" });
    expect(currentLinkProps("/en/firms/dingju", "/en/firms")).toEqual({ "aria-current": "page", className: "active" });
    expect(currentLinkProps("/en/firms/dingju", "/en", { end: true })).toEqual({ className: undefined });
    expect(currentLinkProps("/en", "/en", { end: true })).toEqual({ "aria-current": "page", className: "active" });
  });

  it("compares whole path segments, without regard to case or a trailing slash", () => {
    expect(currentLinkProps("/en/searching", "/en/search")).toEqual({ className: undefined });
    expect(currentLinkProps("/en/Search/", "/en/search")).toEqual({ "aria-current": "page", className: "active" });
    expect(currentLinkProps("/", "/en")).toEqual({ className: undefined });
  });

  it("keeps the link's own class, the active one after it", () => {
    expect(currentLinkProps("/en/account", "/en/account", { className: "account-menu__name" })).toEqual({ "aria-current": "page", className: "account-menu__name active" });
    expect(currentLinkProps("/en/search", "/en/account", { className: "account-menu__name" })).toEqual({ className: "account-menu__name" });
  });
});
