// Content collections: the jurisdiction's data, validated at build.
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';

// What differs between deployments, one setting each, with why it is there.
const site = defineCollection({
  loader: file('src/content/site.json'),
  schema: z.object({
    jurisdiction: z.string().min(1).describe('the place residents recognise, in titles and headings'),
    department: z.string().min(1).describe('who runs the portal and answers what residents send'),
    emergencyNumber: z.string().min(2).describe('every form says the portal is not an emergency line, and what to call instead'),
    nonEmergencyNumber: z.string().min(2).describe('where to call for urgent matters that are not emergencies'),
    sampleData: z.boolean().default(false).describe('marks every page as sample data, so a demo is never taken for a real department'),
  }),
});

export const collections = { site };
