// English words for the search page.

export const search = {
  title: 'Search',
  lead: 'Search officers, beats, meetings and guides.',
  label: 'Search the portal',
  loading: 'Loading search…',
  needsScript: 'Search needs JavaScript. You can browse the guides, meetings and beats from the menu instead.',
  results: '{count} results',
  noResults: 'Nothing found. Try fewer or different words.',
};
