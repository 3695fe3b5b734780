import { useLocation, useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/**
 * Plain anchors that navigate in the app as Remix's <Link> does (a left
 * click without modifier keys, no other target; a link to the address shown
 * replaces it in the history, as <Link>'s does). `link(href)` gives an
 * anchor's props: the address, <Link>'s markup (`data-discover`, so Remix
 * still discovers its route) and the one click handler they share. For a
 * list or a header of links, one hook serves them all: a <Link> runs a dozen
 * hooks of its own, and a CPU profile of the search page put the header's
 * six at a tenth of the page's rendering.
 */
export function useFollowLink() {
  const navigate = useNavigate();
  const { pathname, search, hash } = useLocation();
  const shown = `${pathname}${search}${hash}`;
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const target = event.currentTarget.getAttribute("target");
      if (event.defaultPrevented || event.button !== 0 || (target && target !== "_self") || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      const href = event.currentTarget.getAttribute("href") ?? "";
      navigate(href, { replace: href === shown });
    },
    [navigate, shown],
  );
  return (href: string) => ({ href, "data-discover": "true", onClick });
}

/** What `useFollowLink` gives: an anchor's props for `href`. */
export type FollowLink = ReturnType<typeof useFollowLink>;

/**
 * What <NavLink> adds to a link to the page being shown, or to a page under
 * it unless `end`: `aria-current="page"` and the `active` class (after
 * `className`). Paths compare without regard to case, as NavLink's do.
 */
export function currentLinkProps(pathname: string, to: string, { end = false, className }: { end?: boolean; className?: string } = {}) {
  const here = pathname.toLowerCase().replace(/(.)\/+$/, "$1");
  const path = to.toLowerCase();
  const current = here === path || (!end && here.startsWith(path) && here.charAt(path.length) === "/");
  return current ? { "aria-current": "page" as const, className: className ? `${className} active` : "active" } : { className };
}
