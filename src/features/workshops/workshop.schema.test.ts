import { describe, expect, it } from 'vitest';
import { apiField, formField, workshopRequestErrors, workshopRequestSchema } from './workshop.schema.ts';

const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
const valid = {
  workshop: 'robbery-prevention',
  businessName: 'Corner Grocery',
  address: '1200 W Birch St',
  contactName: 'Ana Ruiz',
  contactEmail: 'ana@example.com',
  contactLanguage: 'es',
  attendees: 6,
  preferredTimes: [inDays(7), inDays(14)],
};

describe('workshopRequestSchema', () => {
  it('accepts a request with a workshop, a business, a way to reach someone and two times', () => {
    expect(workshopRequestErrors(valid)).toEqual({});
    expect(workshopRequestErrors({ ...valid, contactEmail: undefined, contactPhone: '+1 555 010 0123', preferredTimes: [inDays(1), inDays(2), inDays(300)] })).toEqual({});
  });

  it('keeps the beat and the point the address was found at', () => {
    const parsed = workshopRequestSchema.parse({ ...valid, beat: '101', latitude: 41.1, longitude: -88.2 });
    expect(parsed).toMatchObject({ beat: '101', latitude: 41.1, longitude: -88.2 });
  });

  it('asks for an email address or a phone number, and takes blank for not given', () => {
    expect(workshopRequestErrors({ ...valid, contactEmail: undefined })).toEqual({ contactEmail: 'contact.missing' });
    expect(workshopRequestErrors({ ...valid, contactEmail: '  ', contactPhone: '' })).toEqual({ contactEmail: 'contact.missing' });
    expect(workshopRequestSchema.parse({ ...valid, contactPhone: ' ' }).contactPhone).toBeUndefined();
  });

  it('refuses an email address or phone number that cannot reach anyone', () => {
    expect(workshopRequestErrors({ ...valid, contactEmail: 'ana at example' })).toEqual({ contactEmail: 'contactEmail.invalid' });
    expect(workshopRequestErrors({ ...valid, contactPhone: '12345' })).toEqual({ contactPhone: 'contactPhone.invalid' });
    expect(workshopRequestErrors({ ...valid, contactLanguage: 'Spanish' })).toEqual({ contactLanguage: 'contactLanguage.invalid' });
  });

  it('trims names and notes, and counts characters as the database does', () => {
    const parsed = workshopRequestSchema.parse({ ...valid, businessName: '  Corner Grocery\n', notes: '  Back door on the alley. ' });
    expect(parsed.businessName).toBe('Corner Grocery');
    expect(parsed.notes).toBe('Back door on the alley.');
    expect(workshopRequestErrors({ ...valid, notes: '🛒'.repeat(2000) })).toEqual({});
    expect(workshopRequestErrors({ ...valid, notes: '🛒'.repeat(2001) })).toEqual({ notes: 'notes.tooLong' });
    expect(workshopRequestErrors({ ...valid, businessName: ' ' })).toEqual({ businessName: 'businessName.missing' });
    expect(workshopRequestErrors({ ...valid, address: 'a'.repeat(301) })).toEqual({ address: 'address.tooLong' });
  });

  it('wants two or three different times, after now and within a year', () => {
    expect(workshopRequestErrors({ ...valid, preferredTimes: [inDays(7)] })).toEqual({ preferredTimes: 'preferredTimes.count' });
    expect(workshopRequestErrors({ ...valid, preferredTimes: [inDays(1), inDays(2), inDays(3), inDays(4)] })).toEqual({ preferredTimes: 'preferredTimes.count' });
    expect(workshopRequestErrors({ ...valid, preferredTimes: [inDays(-1), inDays(2)] })).toEqual({ preferredTimes: 'preferredTimes.outOfRange' });
    expect(workshopRequestErrors({ ...valid, preferredTimes: [inDays(2), inDays(366)] })).toEqual({ preferredTimes: 'preferredTimes.outOfRange' });
    // The same instant written in two time zones is one choice.
    const at = new Date(Date.now() + 7 * day);
    at.setUTCHours(15, 0, 0, 0);
    const elsewhere = at.toISOString().replace('15:00:00.000Z', '10:00:00-05:00');
    expect(workshopRequestErrors({ ...valid, preferredTimes: [at.toISOString(), elsewhere] })).toEqual({ preferredTimes: 'preferredTimes.same' });
  });

  it('needs attendees for a workshop but not for a survey, and never fewer than one', () => {
    const { attendees: _, ...survey } = valid;
    expect(workshopRequestErrors(survey)).toEqual({});
    expect(workshopRequestErrors(survey, { attendeesRequired: true })).toEqual({ attendees: 'attendees.missing' });
    expect(workshopRequestErrors({ ...valid, attendees: 0 })).toEqual({ attendees: 'attendees.outOfRange' });
    expect(workshopRequestErrors({ ...valid, attendees: 2.5 })).toEqual({ attendees: 'attendees.outOfRange' });
    expect(workshopRequestErrors({ ...valid, attendees: Number.NaN })).toEqual({ attendees: 'attendees.outOfRange' });
  });

  it('takes a point only whole: both latitude and longitude, in range', () => {
    expect(workshopRequestErrors({ ...valid, latitude: 41.1 })).toEqual({ longitude: 'longitude.invalid' });
    expect(workshopRequestErrors({ ...valid, longitude: -88.2 })).toEqual({ latitude: 'latitude.invalid' });
    expect(workshopRequestErrors({ ...valid, latitude: 91, longitude: 0 })).toEqual({ latitude: 'latitude.invalid' });
  });

  it('refuses a workshop or beat that is not an id', () => {
    expect(workshopRequestErrors({ ...valid, workshop: '' })).toEqual({ workshop: 'workshop.missing' });
    expect(workshopRequestErrors({ ...valid, workshop: 'robbery; drop table' })).toEqual({ workshop: 'workshop.missing' });
    expect(workshopRequestErrors({ ...valid, beat: 'Beat 101' })).toEqual({ beat: 'beat.unknown' });
  });

  it('reports every field that is wrong at once', () => {
    expect(workshopRequestErrors({}, { attendeesRequired: true })).toEqual({
      workshop: 'workshop.missing',
      businessName: 'businessName.missing',
      address: 'address.missing',
      contactName: 'contactName.missing',
      contactEmail: 'contact.missing',
      attendees: 'attendees.missing',
      preferredTimes: 'preferredTimes.count',
    });
    // A value too long for its field does not hide the problems of the others.
    const tooMany = [inDays(1), inDays(2), inDays(3), inDays(4)];
    expect(workshopRequestErrors({ ...valid, workshop: 'w'.repeat(81), contactEmail: '', preferredTimes: tooMany })).toEqual({
      workshop: 'workshop.missing',
      contactEmail: 'contact.missing',
      preferredTimes: 'preferredTimes.count',
    });
  });
});

describe('field names', () => {
  it('are the API’s arguments in snake case, and back', () => {
    expect(apiField('contactEmail')).toBe('contact_email');
    expect(apiField('preferredTimes')).toBe('preferred_times');
    expect(apiField('workshop')).toBe('workshop');
    expect(formField('business_name')).toBe('businessName');
    expect(formField('notes')).toBe('notes');
  });
});
