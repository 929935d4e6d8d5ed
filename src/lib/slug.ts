// One way to make a name safe for ids, file names and host names, wherever the
// portal needs one: "Coffee with a Cop (Café)" → "coffee-with-a-cop-cafe".
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
