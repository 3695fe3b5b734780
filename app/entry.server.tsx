import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRequestI18n, routeNamespaces } from "~/i18n/i18next.server";
import { NonceProvider } from "~/utils/nonce";
import { coalescingStream } from "~/utils/coalesce-stream.server";
import { log } from "~/utils/logger.server";
import { rememberUrlLocale, requestLocale } from "~/i18n/locale.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The page's language and namespaces' own i18next instance: requests in
  // different languages never share one (createRequestI18n says why one per
  // language serves every request in it).
  const locale = await requestLocale(request);
  const i18n = await createRequestI18n(locale, routeNamespaces(remixContext));
  await rememberUrlLocale(request, responseHeaders);
  const nonce = loadContext.cspNonce ?? "";
  const callback = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [callback]() {
          shellRendered = true;
          const body = coalescingStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render error", { error: String((error as Error)?.stack ?? error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Errors from loaders/actions: logged here, never shown to the user. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  log.error("request failed", { url: request.url, error: String((error as Error)?.stack ?? error) });
}
