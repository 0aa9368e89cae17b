/**
 * A null-prototype record keyed by column name, merged left to right. Any column name works as a key (`__proto__`,
 * `constructor`, empty or zero-width names), and looking up an absent name gives undefined, never an Object.prototype
 * member. Plain `{}` objects would turn `roles["__proto__"] = …` into a prototype change and drop the column.
 */
export function byColumn<T>(...parts: ReadonlyArray<Readonly<Record<string, T>> | undefined>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const part of parts) {
    if (!part) continue;
    for (const key of Object.keys(part)) Object.defineProperty(out, key, { value: part[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}
