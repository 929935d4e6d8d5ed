// English words for beat priorities, their pages and feeds, and meeting reports.

export const priorities = {
  sara: { scanning: 'Scanning', analysis: 'Analysis', response: 'Response', assessment: 'Assessment' },
};
