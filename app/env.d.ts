/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
/// <reference path="./utils/load-context.ts" />
