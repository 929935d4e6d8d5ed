// The site's own static JSON files, fetched in the browser. An answer that is not
// a success (a 404 after a redeploy, a 500) fails like a lost connection does, so
// callers offer to try again rather than keep something that is not the file.
export type FetchJson = (url: string) => Promise<unknown>;

export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}
