/**
 * Maps keyed by what the user typed (label and annotation keys, ConfigMap/Secret data keys, object
 * fields): `__proto__`, `constructor`, `toString`, `hasOwnProperty` are keys like any other, as
 * they are to Go's map[string]string. A plain `{}` would inherit them (`'toString' in {}`) or
 * turn `m['__proto__'] = v` into a prototype change, so these maps have no prototype and are
 * written with defineProperty where a plain object must receive a user key.
 */
export function userMap<T = string>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Copies a record into a prototype-less map (own enumerable properties only). */
export function userMapOf<T>(from: Readonly<Record<string, T>>): Record<string, T> {
  const m = userMap<T>();
  for (const k of Object.keys(from)) setOwn(m, k, from[k] as T);
  return m;
}

/** `o[k] = v` that is a data property even for `__proto__`. */
export function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** Whether the map holds the key itself (not through a prototype). */
export function hasKey(o: object, k: string): boolean {
  return Object.hasOwn(o, k);
}
