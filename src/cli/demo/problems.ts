// The problems the demo city's beats work on: what residents raise at beat
// meetings everywhere, each with what a SARA cycle of it might say. "{street}"
// and "{place}" take a street and a venue of the beat. Never a resident's name
// or address: priorities are published, and written as staff would write them.
import type { priorityOutcomes, saraStages } from '../../lib/content/schemas.ts';

type Stage = (typeof saraStages)[number];
type Outcome = (typeof priorityOutcomes)[number];

export interface Problem {
  title: string;
  description: string;
  source: 'meeting' | 'residents' | 'analysis';
  /** What the update written in each stage after scanning says. */
  updates: Record<Exclude<Stage, 'scanning'>, string>;
  /** How it ended, for each outcome the demo may give it. */
  outcomes: Record<Outcome, string>;
  /** What residents raised at the meeting that chose it. */
  concern: string;
}

export const problems: Problem[] = [
  {
    title: 'Speeding on {street}',
    description: 'Cars speed along {street} at school times and late at night. Residents asked for the speeds to be measured and the street made safer to cross.',
    source: 'meeting',
    concern: 'Speeding on {street}',
    updates: {
      analysis: 'A week of speed counts on {street}: 38% of drivers over the limit, most between 7 and 9 in the morning and after 10 at night.',
      response: 'Speed enforcement at the peak hours twice a week; the city has placed a speed display sign and repainted the crosswalk near {place}.',
      assessment: 'A second week of counts: drivers over the limit down from 38% to 17%. Enforcement continues until the next review.',
    },
    outcomes: {
      resolved: 'Speeds stayed down through three counts after enforcement ended, and the city added two speed humps.',
      improved: 'Fewer drivers speed than before, but the late-night speeding continues; it is now part of the district traffic plan.',
      not_resolved: 'Speeds did not change; the street needs a redesign that is in the city\u2019s plan for next year.',
    },
  },
  {
    title: 'Car break-ins near {place}',
    description: 'Cars parked near {place} have been broken into, mostly in the evening, with bags and electronics taken from seats.',
    source: 'analysis',
    concern: 'Cars broken into near {place}',
    updates: {
      analysis: 'Most break-ins happened between 6 and 10 pm on the unlit side of the lot; in nearly all, something was visible on a seat.',
      response: 'Extra patrols in the evening, "lock, take, hide" notices on windscreens, and the venue has asked the city to repair two lights.',
      assessment: 'Four break-ins in the last two months against eleven in the two before. The repaired lights came on last month.',
    },
    outcomes: {
      resolved: 'One break-in in three months. The lights are repaired and the venue keeps the notices up.',
      improved: 'Break-ins have halved; patrols continue on weekend evenings.',
      not_resolved: 'Break-ins moved to the next street rather than stopping; a new priority looks at the wider area.',
    },
  },
  {
    title: 'Poor lighting along {street}',
    description: 'Several street lights on {street} are out or blocked by trees, and residents walking home after dark feel unsafe.',
    source: 'residents',
    concern: 'Street lights out on {street}',
    updates: {
      analysis: 'An evening walk-through with residents found seven lights out and four hidden by branches between the corners of the beat.',
      response: 'All eleven lights reported to the city with their pole numbers; the parks department is trimming the trees.',
      assessment: 'Ten of the eleven lights work again; the last needs a new pole, due next month.',
    },
    outcomes: {
      resolved: 'Every light on the stretch works, and residents at the meeting said the street feels safer after dark.',
      improved: 'Most lights are fixed; two poles wait for replacement on the city\u2019s schedule.',
      not_resolved: 'The lights are fixed but go out again within weeks; the city is looking at the wiring.',
    },
  },
  {
    title: 'Package thefts on {street}',
    description: 'Parcels left on porches along {street} are being taken within an hour of delivery, most often on weekday afternoons.',
    source: 'residents',
    concern: 'Parcels stolen from porches',
    updates: {
      analysis: 'Thefts follow the delivery vans in the early afternoon; homes without a view from the street lose parcels most.',
      response: 'A parcel-safety leaflet went to every door; {place} now takes deliveries for neighbours who are out; plainclothes checks on delivery days.',
      assessment: 'Reported parcel thefts fell from nine to three a month since {place} started taking deliveries.',
    },
    outcomes: {
      resolved: 'No reported parcel thefts for two months; the pick-up point at {place} continues.',
      improved: 'Thefts are fewer and most residents use the pick-up point; a few still happen before the holidays.',
      not_resolved: 'Reports stayed at the same level; the beat is asking carriers for locked parcel boxes.',
    },
  },
  {
    title: 'Drug dealing at the {street} corner',
    description: 'Residents report hand-to-hand sales and people gathering at the corner of {street} in the late afternoon and evening.',
    source: 'meeting',
    concern: 'Drug dealing at the corner of {street}',
    updates: {
      analysis: 'Calls and observations point to two hours each evening; an empty lot beside the corner gives cover and a way out.',
      response: 'Focused patrols at those hours, the lot\u2019s owner has fenced it, and outreach workers visit twice a week with treatment referrals.',
      assessment: 'Calls about the corner dropped from twenty a month to six; residents report less gathering.',
    },
    outcomes: {
      resolved: 'The corner has stayed quiet for three months since the lot was fenced; outreach continues.',
      improved: 'Dealing at the corner is down but has moved nearby at times; patrols adjust week to week.',
      not_resolved: 'Activity returned after patrols eased; the priority is carried into a district operation.',
    },
  },
  {
    title: 'Graffiti along {street}',
    description: 'New tags appear weekly on fences, garages and utility boxes along {street}, and residents want them cleaned faster.',
    source: 'residents',
    concern: 'Graffiti on garages and fences',
    updates: {
      analysis: 'Most tags are on the same few walls, facing the alley, and appear on Friday and Saturday nights.',
      response: 'The city\u2019s graffiti crew now cleans reported tags within 48 hours; two owners have agreed to a mural on the worst wall.',
      assessment: 'New tags down by half; the mural went up last month and has not been tagged.',
    },
    outcomes: {
      resolved: 'Tags are rare now and cleaned within two days; the mural is untouched.',
      improved: 'Fewer new tags, cleaned quickly; the alley side still needs watching.',
      not_resolved: 'Tagging continued at the same rate; a youth art programme is planned with the schools.',
    },
  },
  {
    title: 'Late-night noise near {place}',
    description: 'Loud gatherings near {place} go on past midnight at weekends, with cars parked across driveways.',
    source: 'meeting',
    concern: 'Noise and parking at weekends near {place}',
    updates: {
      analysis: 'Complaints cluster on Friday and Saturday between 11 pm and 2 am, around one rented hall and the street outside.',
      response: 'The beat officers met the hall\u2019s owner: events now end at 11 pm, with parking marshals, and patrols pass at closing time.',
      assessment: 'Noise complaints fell from fourteen to four a month; residents say driveways are clear.',
    },
    outcomes: {
      resolved: 'The hall keeps its closing time and complaints have stopped.',
      improved: 'Most weekends are quiet; a few events still run late and are followed up each time.',
      not_resolved: 'The hall changed hands and the new owner has not agreed to the hours; the city is reviewing its licence.',
    },
  },
  {
    title: 'Abandoned vehicles on {street}',
    description: 'Cars without plates or left for weeks take up parking on {street} and attract dumping.',
    source: 'residents',
    concern: 'Abandoned cars on {street}',
    updates: {
      analysis: 'Six vehicles identified, four without plates; two have been there since the spring.',
      response: 'All six tagged for removal; owners of the two with plates were traced and told to move them.',
      assessment: 'Five of six vehicles removed; one owner has asked for more time.',
    },
    outcomes: {
      resolved: 'All vehicles removed, and the street is checked monthly.',
      improved: 'Most vehicles removed; new ones appear now and then and are tagged at once.',
      not_resolved: 'Removal is waiting on the city\u2019s towing contract; the beat follows up monthly.',
    },
  },
  {
    title: 'Catalytic converter thefts',
    description: 'Crime analysis shows a rise in catalytic converters cut from parked cars across the beat, mostly overnight.',
    source: 'analysis',
    concern: 'Catalytic converters stolen overnight',
    updates: {
      analysis: 'Most thefts are from hybrids and trucks parked on the street between 1 and 5 am; a few scrap buyers appear in several cases.',
      response: 'Free etching events for converters, overnight patrols on the worst streets, and checks on scrap buyers with the state.',
      assessment: 'Thefts fell from twelve to five a month; 140 converters etched at three events.',
    },
    outcomes: {
      resolved: 'Thefts are back to the level of two years ago; etching events continue twice a year.',
      improved: 'Thefts are down by half; the scrap checks continue with the state.',
      not_resolved: 'Thefts continue across the region; the district joins a regional task force.',
    },
  },
  {
    title: 'Litter and loitering at the {street} bus stop',
    description: 'The bus stop on {street} has overflowing bins and people gathering late at night, and riders feel uneasy waiting there.',
    source: 'meeting',
    concern: 'The bus stop on {street} feels unsafe at night',
    updates: {
      analysis: 'The bin is emptied once a week and the shelter light has been out for months; most calls come after 10 pm.',
      response: 'The transit agency fixed the light and empties the bin daily; patrols stop at the shelter on the late shift.',
      assessment: 'Calls about the stop are down from eight to two a month; riders at the meeting said it feels better.',
    },
    outcomes: {
      resolved: 'The stop is clean and lit, and there have been no calls for two months.',
      improved: 'The stop is cleaner and lit; late-night gathering still happens at weekends.',
      not_resolved: 'The agency could not keep up the daily service; the beat has asked the council for help.',
    },
  },
];

/** What residents raise at most beat meetings besides the beat's priorities. */
export const everydayConcerns = [
  'Parking on the sidewalk',
  'Dogs off the leash in the park',
  'Fireworks at night',
  'Scam phone calls to older residents',
  'Bicycles stolen from racks',
  'Dumping in the alley',
];
