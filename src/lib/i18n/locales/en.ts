// English words of the portal, one file a feature in ./en/ so that a feature's author and its
// translator find its words together. Other languages mirror this shape (see index.ts).
// Plain strings only, with {placeholders}: islands receive them as JSON props.
import { layout, home, forms, openData, accessibility, conversation } from './en/common.ts';
import { finder, pages } from './en/finder.ts';
import { places } from './en/places.ts';
import { meetings } from './en/meetings.ts';
import { flyer } from './en/flyer.ts';
import { guides } from './en/guides.ts';
import { search } from './en/search.ts';
import { tips, tipStatus } from './en/tips.ts';
import { watch } from './en/watch.ts';
import { workshops } from './en/workshops.ts';
import { staff } from './en/staff.ts';
import { priorities } from './en/priorities.ts';
import { suggestions } from './en/suggestions.ts';
import { alerts } from './en/alerts.ts';

export const en = {
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

export type Messages = typeof en;

export default en;
