// Spanish words of the portal (español neutro, usted), one file a feature in ./es/, each
// section held to the English shape (en.ts) by the type checker.
import type { Messages } from './en.ts';
import { layout, home, forms, openData, accessibility, conversation } from './es/common.ts';
import { finder, pages } from './es/finder.ts';
import { places } from './es/places.ts';
import { meetings } from './es/meetings.ts';
import { flyer } from './es/flyer.ts';
import { guides } from './es/guides.ts';
import { search } from './es/search.ts';
import { tips, tipStatus } from './es/tips.ts';
import { watch } from './es/watch.ts';
import { workshops } from './es/workshops.ts';
import { staff } from './es/staff.ts';
import { priorities } from './es/priorities.ts';
import { suggestions } from './es/suggestions.ts';
import { alerts } from './es/alerts.ts';

export const es: Messages = {
  layout,
  home,
  finder,
  pages,
  guides,
  meetings,
  search,
  openData,
  accessibility,
  forms,
  places,
  tipStatus,
  conversation,
  tips,
  workshops,
  watch,
  staff,
  flyer,
  priorities,
  suggestions,
  alerts,
};

export default es;
