// Filling in messages: its own module so islands can use it without pulling
// every language's words into the browser.

/** Fills a message's {placeholders}. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
