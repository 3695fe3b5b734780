/**
 * One value per process, even when a module is loaded twice (the server
 * entry runs under tsx while the Remix build bundles its own copy of app/).
 * Tests pre-fill the registry to inject a per-file database.
 */
type Registry = Record<string, unknown>;

const globalForSingletons = globalThis as unknown as { __ponteSingletons?: Registry };

export function singletons(): Registry {
  return (globalForSingletons.__ponteSingletons ??= {});
}

export function singleton<Value>(name: string, create: () => Value): Value {
  const registry = singletons();
  if (!(name in registry)) registry[name] = create();
  return registry[name] as Value;
}
