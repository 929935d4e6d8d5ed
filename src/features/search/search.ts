// The search page's script: Pagefind's own API, results as a plain list of
// links with their excerpts. The query stays in the URL (?q=) so a search can
// be shared and the back button works; it is never sent anywhere: the index
// is static files, searched in the browser.
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

export function runSearch() {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  let pagefind: Promise<Pagefind> | undefined;
  // A runtime URL, so the bundler leaves it alone: the index is written after the build.
  const load = () => (pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>);

  const show = async (query: string) => {
    list.replaceChildren();
    if (!query.trim()) return void (status.textContent = '');
    const { results } = await (await load()).search(query);
    const found = await Promise.all(results.slice(0, 20).map((result) => result.data()));
    status.textContent = found.length === 0 ? (form.dataset.none ?? '') : (form.dataset.resultsLabel ?? '').replace('{count}', String(results.length));
    for (const result of found) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      link.className = 'text-lg font-semibold text-brand-700 underline';
      const excerpt = document.createElement('p');
      // Pagefind escapes the page text in excerpts and adds only <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    window.history.pushState(null, '', url);
    void show(input.value);
  });
  input.addEventListener('focus', () => void load(), { once: true });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    void show(initial);
  }
}
