// English words of the portal. Other languages mirror this shape (see index.ts).
// Plain strings only, with {placeholders}: islands receive them as JSON props.
export const en = {
  layout: {
    skipToContent: 'Skip to main content',
    primaryNav: 'Main',
    home: 'Home',
    sendTip: 'Send a tip',
    sampleData: 'Sample data: this portal shows a fictional city for demonstration.',
    notAnEmergencyLine: 'This portal is not an emergency line.',
    emergency: 'In an emergency, call {number}.',
    nonEmergency: 'For anything urgent that is not an emergency, call {number}.',
    poweredBy: 'Runs on OpenBeat, open-source software for community policing.',
  },
  home: {
    title: '{jurisdiction} community policing',
    lead: 'Know your community officers, take part in beat meetings, and tell the {department} what you see in your neighbourhood.',
  },
  tips: {
    heading: 'Send a tip or a concern',
    intro:
      'Tell us about a problem in your neighbourhood. You do not have to give your name: we do not ask for it, and we do not record your IP address or your browser.',
    category: 'What is it about?',
    chooseCategory: 'Choose a category',
    categories: {
      suspicious_activity: 'Suspicious activity',
      drug_activity: 'Drug activity',
      vandalism_graffiti: 'Vandalism or graffiti',
      traffic_speeding: 'Traffic or speeding',
      noise: 'Noise',
      abandoned_vehicle: 'Abandoned vehicle',
      problem_property: 'Problem property',
      quality_of_life: 'Quality of life',
      other: 'Something else',
    },
    description: 'What happened?',
    descriptionHint: 'Where and when, what you saw, and whether it keeps happening. Describe behaviour, clothing and vehicles, not appearance.',
    charactersLeft: '{count} characters left',
    charactersNeeded: '{count} more characters needed',
    submit: 'Send tip',
    sending: 'Sending…',
    attachmentsLater: 'Photos and files cannot be attached yet.',
    errors: {
      'category.missing': 'Choose what your tip is about.',
      'description.tooShort': 'Describe what happened in at least 20 characters.',
      'description.tooLong': 'Keep the description under 5,000 characters.',
      summary: 'Please correct the following:',
      rejected: 'This was not accepted: {reason}.',
      unreachable: 'We could not reach the server, so your tip has not been sent yet. It is still here: check your connection and send it again.',
      failed: 'Something went wrong on our side, so your tip has not been sent yet. It is still here: please try again in a moment.',
    },
    received: {
      heading: 'Thank you: your tip was received',
      receiptLabel: 'Your receipt code',
      keepIt:
        'Save or print this code now: it is shown only once. With it you can later see the status of your tip and any reply, without giving your name.',
      print: 'Print this code',
      another: 'Send another tip',
    },
  },
};

export type Messages = typeof en;
