// English words for suggesting a priority for a beat, and following the suggestion with its receipt code.

export const suggestions = {
  heading: 'Suggest a priority for your beat',
};
