/** How the projects list words a date. */

const MIN = 60_000;

/** 'just now', '5 min ago', 'today 14:03', 'yesterday 09:12', else the date ('3 Mar 2026'). */
export function whenText(t: number, now: number, locale?: string): string {
  const ago = now - t;
  if (ago < MIN) return 'just now';
  if (ago < 60 * MIN) return `${Math.floor(ago / MIN)} min ago`;
  const d = new Date(t),
    today = new Date(now);
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const sameDay = (a: Date, b: Date) =>
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  if (sameDay(d, today)) return `today ${time}`;
  const yesterday = new Date(today);
  yesterday.setDate(today.getDate() - 1);
  if (sameDay(d, yesterday)) return `yesterday ${time}`;
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
