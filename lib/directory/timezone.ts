/**
 * Time zones as people type them in a form ("US Eastern", "CET", "UTC−05:00", "Sydney",
 * "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna") to an IANA zone, when the text
 * names one zone unambiguously (docs/directory-feed.md, "Time zones").
 */

export type ZoneReading = { zone: string } | { ambiguous: readonly string[] } | { unknown: true };

/** Abbreviations, US and Windows names, and cities that are not IANA's own names. Keys are normalised (see `key`). */
const NAMED: Record<string, string> = {
  utc: 'UTC', gmt: 'UTC', z: 'UTC', zulu: 'UTC', 'coordinated universal time': 'UTC', 'utc 00 00': 'UTC', 'utc 0': 'UTC', 'gmt 0': 'UTC',
  et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', eastern: 'America/New_York', 'eastern time': 'America/New_York',
  'us eastern': 'America/New_York', 'eastern standard time': 'America/New_York', 'eastern time us canada': 'America/New_York',
  ct: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago', 'central time': 'America/Chicago', 'us central': 'America/Chicago',
  'central standard time': 'America/Chicago', 'central time us canada': 'America/Chicago',
  mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver', 'mountain time': 'America/Denver',
  'us mountain': 'America/Denver', 'mountain standard time': 'America/Denver', 'mountain time us canada': 'America/Denver',
  pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pacific: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles',
  'us pacific': 'America/Los_Angeles', 'pacific standard time': 'America/Los_Angeles', 'pacific time us canada': 'America/Los_Angeles',
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', 'central european time': 'Europe/Berlin', 'w europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest', 'central european standard time': 'Europe/Warsaw', 'romance standard time': 'Europe/Paris',
  'amsterdam berlin bern rome stockholm vienna': 'Europe/Berlin', 'brussels copenhagen madrid paris': 'Europe/Paris',
  mez: 'Europe/Berlin', 'osaka sapporo tokyo': 'Asia/Tokyo', 'w central africa standard time': 'Africa/Lagos', 'e south america standard time': 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo', 'sao paulo': 'America/Sao_Paulo', 'são paulo': 'America/Sao_Paulo',
  wet: 'Europe/Lisbon', eet: 'Europe/Athens', eest: 'Europe/Athens', 'e europe standard time': 'Europe/Chisinau', 'gtb standard time': 'Europe/Bucharest',
  'gmt standard time': 'Europe/London', 'dublin edinburgh lisbon london': 'Europe/London', uk: 'Europe/London', 'greenwich standard time': 'Atlantic/Reykjavik',
  'india standard time': 'Asia/Kolkata', 'chennai kolkata mumbai new delhi': 'Asia/Kolkata', india: 'Asia/Kolkata', bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', chennai: 'Asia/Kolkata', hyderabad: 'Asia/Kolkata', pune: 'Asia/Kolkata',
  jst: 'Asia/Tokyo', 'tokyo standard time': 'Asia/Tokyo', kst: 'Asia/Seoul', sgt: 'Asia/Singapore', 'singapore standard time': 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong', 'china standard time': 'Asia/Shanghai', beijing: 'Asia/Shanghai',
  aest: 'Australia/Sydney', aedt: 'Australia/Sydney', 'aus eastern standard time': 'Australia/Sydney', awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland', 'new zealand standard time': 'Pacific/Auckland',
  'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles', boston: 'America/New_York', washington: 'America/New_York',
  'washington dc': 'America/New_York', atlanta: 'America/New_York', miami: 'America/New_York', austin: 'America/Chicago', dallas: 'America/Chicago',
  houston: 'America/Chicago', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', hamburg: 'Europe/Berlin', milan: 'Europe/Rome',
  barcelona: 'Europe/Madrid', geneva: 'Europe/Zurich', manchester: 'Europe/London', edinburgh: 'Europe/London', 'tel aviv': 'Asia/Jerusalem',
};

/** Abbreviations that name several zones: the form must ask for a city. */
const AMBIGUOUS: Record<string, readonly string[]> = {
  cst: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  ist: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  bst: ['Europe/London', 'Asia/Dhaka'],
  ast: ['America/Halifax', 'Asia/Riyadh'],
  'utc 09 30': ['Australia/Darwin', 'Australia/Adelaide'],
  'utc 10 30': ['Australia/Lord_Howe', 'Australia/Adelaide'],
};

/** Offsets that are not whole hours, where Etc/GMT has no zone: the one place that uses each. */
const PART_HOUR: Record<string, string> = { '+5:30': 'Asia/Kolkata', '+5:45': 'Asia/Kathmandu', '+3:30': 'Asia/Tehran', '+4:30': 'Asia/Kabul', '+6:30': 'Asia/Yangon', '-3:30': 'America/St_Johns' };

/** Lower-case words only, minus signs folded: "(UTC−05:00) Eastern Time (US & Canada)" → "utc 05 00 eastern time us canada". */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let iana: Map<string, string> | undefined;
/** IANA zones by lower-case name, and by city ("new york" → America/New_York) when that city is unique. */
function ianaNames(): Map<string, string> {
  if (iana) return iana;
  iana = new Map();
  const cities = new Map<string, string | null>();
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of [...zones, 'UTC', 'Asia/Kolkata', 'Europe/Kyiv']) {
    iana.set(zone.toLowerCase(), zone);
    const city = key(zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' '));
    if (zone.includes('/')) cities.set(city, cities.has(city) && cities.get(city) !== zone ? null : zone);
  }
  for (const [city, zone] of cities) if (zone && !iana.has(city)) iana.set(city, zone);
  return iana;
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "UTC−05:00", "GMT+1", "+0530", "UTC+5:30" → a zone; undefined when the text is not an offset. */
function offsetZone(text: string): ZoneReading | undefined {
  const match = /^(?:utc|gmt)? ?([+\-−–]) ?(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '+' ? '+' : '-';
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return { unknown: true };
  if (minutes === 0) return { zone: hours === 0 ? 'UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${hours}` };
  const zone = PART_HOUR[`${sign}${hours}:${String(minutes).padStart(2, '0')}`];
  return zone ? { zone } : { unknown: true };
}

/** Longer text is not a time zone; it is not read at all. */
const MAX_ZONE = 100;

export function readTimeZone(cell: string): ZoneReading {
  const text = cell.trim();
  if (!text || text.length > MAX_ZONE) return { unknown: true };
  const exact = ianaNames().get(text.toLowerCase());
  if (exact) return { zone: exact };
  if (text.includes('/') && !text.includes(' ') && isZone(text)) return { zone: text };
  const offset = offsetZone(text.replace(/\s+/g, ' '));
  if (offset) return offset;
  const words = key(text);
  const found = NAMED[words] ?? ianaNames().get(words);
  if (found) return { zone: found };
  if (AMBIGUOUS[words]) return { ambiguous: AMBIGUOUS[words] };
  // Windows writes "(UTC+01:00) Amsterdam, Berlin, …": the names decide, else the offset.
  const windows = /^\((?:utc|gmt) ?([+\-−–]\d{2}:\d{2})?\) ?(.*)$/i.exec(text);
  if (windows) {
    const named = NAMED[key(windows[2] ?? '')];
    if (named) return { zone: named };
    return windows[1] ? (offsetZone(windows[1]) ?? { unknown: true }) : { zone: 'UTC' };
  }
  // "Berlin, Germany", "London (UK)": the first part, when it is a city.
  const first = key(text.split(/[,(]/, 1)[0] ?? '');
  const city = first !== words ? (NAMED[first] ?? ianaNames().get(first)) : undefined;
  return city ? { zone: city } : { unknown: true };
}
