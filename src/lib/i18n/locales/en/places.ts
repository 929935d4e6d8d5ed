// English words for saying where: an address, a point on the map, or only the beat (tips, watch groups, workshops).

export const places = {
  modes: { address: 'An address', map: 'A point on the map', beat: 'Only the beat' },
  modesLegend: 'How do you want to say where?',
  found: 'In {beat}: {place}',
  foundBeat: 'In {beat}',
  notFound: 'We could not find “{query}”. Check the spelling, choose one of the suggestions, or choose another way to say where.',
  outside: 'That place is outside the area this portal covers.',
  mapHint: 'Click or tap the place, or use the arrow keys and Enter.',
  beatLabel: 'Beat',
  noBeat: 'I do not know the beat',
  chosenPoint: 'The point you chose',
};
