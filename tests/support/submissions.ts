// Fields each kind of submission takes, as a resident's form would send them,
// for tests that send every kind. `marker` goes into the text, so a test
// finds what it stored among what other files store meanwhile.
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const square = { type: 'Polygon', coordinates: [[[-88.26, 41.11], [-88.25, 41.11], [-88.25, 41.12], [-88.26, 41.12], [-88.26, 41.11]]] };

export const tipFields = (marker: string) => ({ category: 'noise', description: `${marker}: loud music every night after midnight.` });

export const watchRegistrationFields = (marker: string) => ({
  name: `${marker} Gannet Lane`,
  area: square,
  beat: '107',
  captain_name: 'Ana Ruiz',
  captain_email: 'ana@example.org',
  captain_phone: '555-0100 42',
  meeting_preference: 'weekday_evenings',
  expected_members: 14,
});

export const workshopRequestFields = (marker: string) => ({
  workshop: 'robbery-prevention',
  business_name: `${marker} Grocery`,
  address: '1200 W Birch St',
  contact_name: 'Ana Ruiz',
  contact_email: 'ana@example.com',
  preferred_times: [inDays(7), inDays(14)],
});
