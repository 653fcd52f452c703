/**
 * Case, accents and spacing do not make two ERGs, departments, languages or names different. The
 * index builds one per name, so plain ASCII with single spaces skips the costlier steps.
 */
export function tagKey(text: string): string {
  const unaccented = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const lower = unaccented.toLowerCase();
  return /\s\s|^\s|\s$|[^\S ]/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/**
 * Interns strings into a table: each distinct tag (by tagKey) gets a number, and the table keeps the
 * first spelling seen for display. Raw strings are cached because directories repeat them a lot.
 */
export class StringTable {
  readonly values: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byRaw = new Map<string, number>();

  id(raw: string): number {
    const cached = this.byRaw.get(raw);
    if (cached !== undefined) return cached;
    const key = tagKey(raw);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(raw.trim());
      this.byKey.set(key, id);
    }
    this.byRaw.set(raw, id);
    return id;
  }
}

/** Table index of a tag, or -1; built once per table. */
export function lookupOf(values: readonly string[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  values.forEach((value, i) => {
    const key = tagKey(value);
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}
