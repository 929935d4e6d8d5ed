// English words for suggesting a priority for a beat, and following the suggestion with its receipt code.

export const suggestions = {
  heading: 'Suggest a priority for your beat',
  intro:
    'Is there a problem in your neighbourhood you would like the police and your neighbours to work on together? Suggest it here: it goes to the officers of your beat for the next beat meeting, where residents and officers choose the beat’s priorities. It is anonymous: nothing here asks who you are.',
  formHeading: 'Your suggestion',
  notAReport: 'To report a crime, or anything that needs an answer about a particular incident, do not use this form:',
  sendATip: 'send a tip instead.',
  where: 'Which beat is it in?',
  whereHint: 'Choose your beat from the list, or find it from an address.',
  problem: 'What problem should the beat work on?',
  problemHint: 'What happens, where and how often, and how it affects the neighbourhood.',
  noNames: 'Do not write anyone’s name, or the address of a person’s home: officers may quote what you write at a public meeting.',
  charactersLeft: '{count} characters left',
  charactersNeeded: '{count} more characters needed',
  stored: {
    heading: 'What we keep',
    kept: 'We keep the beat and the problem you describe, and what the officers answer. Nothing asks for your name.',
    notKept: 'We do not keep your IP address, your browser or anything else about this device. If you are offline, your suggestion waits in this browser until it can be sent, and is then removed from it.',
  },
  submit: 'Send suggestion',
  waiting: {
    heading: 'Your suggestion is saved on this device',
    text: 'You seem to be offline, so your suggestion could not be sent yet. It is saved in this browser and will be sent by itself as soon as the connection returns, even if you close or reload this page. Your receipt code will appear here then.',
  },
  errors: {
    'beat.missing': 'Choose your beat from the list, or find it from an address.',
    'problem.tooShort': 'Describe the problem in at least 20 characters.',
    'problem.tooLong': 'Keep the description under 2,000 characters.',
  },
  received: {
    heading: 'Thank you: your suggestion was received',
    receiptLabel: 'Your receipt code',
    keepIt:
      'Save or print this code now: it is shown only once. With it you can later see what the officers answered, and the priority your suggestion became, without giving your name.',
    checkLater: 'Check your suggestion’s status with this code',
    print: 'Print this code',
    another: 'Suggest another priority',
  },
  followUp: 'Follow up a suggestion you sent',
  status: {
    title: 'Follow up a suggestion',
    lead: 'Type the receipt code you were given when you suggested a priority. You will see what the officers of the beat did with it, and any reply, without saying who you are.',
    label: 'Receipt code',
    hint: '16 letters and digits, for example ABCD-EFGH-JKMN-PQ01. Dashes and spaces do not matter.',
    check: 'Check status',
    received: 'Received',
    updated: 'last updated',
    reply: 'Reply from the police',
    becamePriority: 'See the priority it became',
    statuses: { received: 'Received', answered: 'Answered', adopted: 'Adopted as a priority', closed: 'Closed' },
    explanations: {
      received: 'Your suggestion has arrived and waits for the officers of the beat to read it before the next beat meeting.',
      answered: 'The officers of the beat have answered your suggestion.',
      adopted: 'Your suggestion became one of the beat’s priorities. Its page shows what is being done about it.',
      closed: 'This suggestion is closed. Thank you for telling us.',
    },
    problems: {
      malformed: 'That is not a receipt code: a code has 16 letters and digits. Check what you typed.',
      not_found: 'No suggestion matches this code. Check each character; the code is shown only once, when a suggestion is sent.',
      rate_limited: 'Too many lookups from this connection. Try again in {minutes} minutes.',
      unreachable: 'We could not reach the server. Check your connection and try again.',
      failed: 'Something went wrong on our side. Please try again in a moment.',
    },
    suggestAnother: 'Suggest a priority',
  },
};
