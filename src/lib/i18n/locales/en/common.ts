// English words for the frame of every page, the home page, what every form says, and the open-data and accessibility pages.

export const layout = {
  skipToContent: 'Skip to main content',
  primaryNav: 'Main',
  home: 'Home',
  findOfficer: 'Find your officer',
  menu: 'Menu',
  language: 'Other languages',
  sendTip: 'Send a tip',
  watch: 'Neighbourhood watch',
  workshops: 'Business safety',
  meetings: 'Meetings',
  guides: 'Guides',
  search: 'Search',
  openData: 'Open data',
  accessibility: 'Accessibility',
  staffSignIn: 'Staff sign-in',
  footerNav: 'More',
  sampleData: 'Sample data: this portal shows a fictional city for demonstration.',
  notAnEmergencyLine: 'This portal is not an emergency line.',
  emergency: 'In an emergency, call {number}.',
  nonEmergency: 'For anything urgent that is not an emergency, call {number}.',
  poweredBy: 'Runs on OpenBeat, open-source software for community policing.',
};

export const home = {
  title: '{jurisdiction} community policing',
  lead: 'Know your community officers, take part in beat meetings, and tell the {department} what you see in your neighbourhood.',
  thisWeek: 'Meetings this week',
  allMeetings: 'All meetings and the calendar',
  guides: 'Prevent crime: guides',
  allGuides: 'All guides',
};

export const forms = {
  optional: 'optional',
  summary: 'Please correct the following:',
  rejected: 'This was not accepted: {reason}.',
  rateLimited: 'Too many have been sent in a short time, from this connection or from everyone at once, so this one was not sent. It is still here: try again in {minutes} minutes.',
  tooFast: 'Please read it over once more, then send it.',
  failed: 'Something went wrong on our side, so this has not been sent yet. It is still here: please try again in a moment.',
  sending: 'Sending…',
  honeypot: 'Leave this empty',
};

export const openData = {
  title: 'Open data',
  lead: 'Everything this portal publishes is also available as data, free to reuse, updated at every build.',
  beats: 'Beat boundaries (GeoJSON), with each beat’s district and neighbourhoods.',
  districts: 'District boundaries and stations (GeoJSON).',
  officers: 'Officers: name, rank, role, beats or district served, languages and public contact details (JSON).',
  meetings: 'Meetings in the next 90 days, one entry per occurrence, with cancelled and moved ones marked (JSON).',
  priorities: 'Beat and district priorities, open and closed: stage, dated updates, next review, outcome, and how many residents said each matters to them (JSON).',
  prioritiesMap: 'The same priorities as a map: each over the beats or the district it covers, without the long texts (GeoJSON).',
  calendar: 'All meetings as an iCalendar feed, to subscribe to in any calendar app.',
  notPersonal: 'Nothing residents send through this portal (tips, watch-group members, workshop requests) is ever published here.',
};

export const accessibility = {
  title: 'Accessibility',
  lead: 'This portal is meant for everyone, whatever device, browser, assistive technology or connection you use.',
  standard: 'We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page type is checked automatically with axe-core in both languages before each release.',
  features: 'Every page has a skip link, works with a keyboard alone, and has no content that needs a mouse. Maps are an aid: every answer the map gives is also given as text. Pages work on small screens and at 200% zoom, and respect a preference for reduced motion.',
  limits: 'Map canvases cannot be read by screen readers; the text answer beside them says everything the map shows.',
  contact: 'If something does not work for you, tell us: {contact}. We will reply and fix what we can.',
};

// The conversation with staff on every status page (tip, watch group, workshop
// request), read and answered with the receipt code.
export const conversation = {
  headings: { tip: 'Messages about your tip', watch_group: 'Messages about your registration', workshop_request: 'Messages about your request' },
  intro: 'Staff may ask you a question here. Only someone with your receipt code can read it and answer.',
  staff: 'Community officer',
  you: 'You',
  answerLabel: 'Your answer',
  answerHint: 'Up to 5000 characters. You need not give your name or anything that identifies you.',
  send: 'Send answer',
  sending: 'Sending… (your browser does a short calculation first, against automated abuse)',
  sent: 'Your answer was sent. The officer will see it in the workspace.',
  waitForQuestion: 'You have answered. If the officer asks something more, it will appear here.',
  errors: {
    'body.missing': 'Write your answer before sending it.',
    'body.tooLong': 'Your answer is longer than 5000 characters: shorten it.',
  },
  refused: 'Not sent: {reason}',
  rateLimited: 'Too many attempts from this connection. Try again in {minutes} minutes.',
  unreachable: 'We could not reach the server, and your answer was not sent. Check your connection and try again.',
  failed: 'Something went wrong on our side, and your answer was not sent. Please try again in a moment.',
  loadFailed: 'The messages could not be loaded. Check your connection and look the code up again.',
};
