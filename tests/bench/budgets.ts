// The budgets of ../shared/DESIGN.md ("Budgets"), as the bench prints them
// beside each figure. A figure over budget is reported, never an error: a
// slow machine must not fail anything.

export const budgets = {
  contentPageJs: { text: '0 B of JS', pages: ['officer', 'beat', 'district', 'priorities', 'guide', 'meetings'] as string[] },
  finderAnswer: { text: '≤ 150 KB transferred, no MapLibre', bytes: 150 * 1024 },
  lighthouse: { text: 'perf ≥ 98, a11y 100, best practices 100, SEO 100', performance: 98, accessibility: 100, bestPractices: 100, seo: 100 },
  buildDemo: { text: '< 20 s', seconds: 20 },
  buildChicago: { text: '< 60 s, linear as it grows', seconds: 60 },
  publishChicago: { text: 'save → live < 60 s', seconds: 60 },
  submissions: { text: '100 clients: p99 < 100 ms, 0 errors, 0 lost, 0 duplicated', connections: 100, p99Ms: 100 },
};

/** "within" or "OVER", for the table: a word, never a failure. */
export const verdict = (within: boolean) => (within ? 'within' : 'OVER');
