/** What the Express server hands every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy. */
    cspNonce: string;
    /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY says so. */
    clientAddress: string;
  }
}

export {};
