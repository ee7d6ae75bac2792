/**
 * The names of the fields a response carries, for the disclosure log — never their values:
 * `{ tenantName, handling: { status }, facts: [{ body }] }` gives `tenantName`, `handling.status`,
 * `facts[].body`.
 */
export function fieldNamesOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const names = new Set<string>();
    // A list at the top is named `items[]`, so that every name starts with a word.
    for (const item of value) for (const name of fieldNamesOf(item, `${prefix || 'items'}[]`)) names.add(name);
    return [...names];
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, child]) => {
      const name = prefix ? `${prefix.endsWith('[]') ? prefix : `${prefix}`}.${key}` : key;
      const nested = fieldNamesOf(child, name);
      return nested.length ? nested : [name];
    });
  }
  return [];
}
