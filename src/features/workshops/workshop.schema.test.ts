import { describe, expect, it } from 'vitest';
import { workshopRequestErrors, workshopRequestSchema } from './workshop.schema.ts';

const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
const valid = {
  workshop: 'robbery-prevention',
  business_name: 'Corner Grocery',
  address: '1200 W Birch St',
  contact_name: 'Ana Ruiz',
  contact_email: 'ana@example.com',
  contact_language: 'es',
  attendees: 6,
  preferred_times: [inDays(7), inDays(14)],
};

describe('workshopRequestSchema', () => {
  it('accepts a request with a workshop, a business, a way to reach someone and two times', () => {
    expect(workshopRequestErrors(valid)).toEqual({});
    expect(workshopRequestErrors({ ...valid, contact_email: undefined, contact_phone: '+1 555 010 0123', preferred_times: [inDays(1), inDays(2), inDays(300)] })).toEqual({});
  });

  it('keeps the beat and the point the address was found at', () => {
    const parsed = workshopRequestSchema.parse({ ...valid, beat: '101', latitude: 41.1, longitude: -88.2 });
    expect(parsed).toMatchObject({ beat: '101', latitude: 41.1, longitude: -88.2 });
  });

  it('asks for an email address or a phone number, and takes blank for not given', () => {
    expect(workshopRequestErrors({ ...valid, contact_email: undefined })).toEqual({ contact_email: 'contact.missing' });
    expect(workshopRequestErrors({ ...valid, contact_email: '  ', contact_phone: '' })).toEqual({ contact_email: 'contact.missing' });
    expect(workshopRequestSchema.parse({ ...valid, contact_phone: ' ' }).contact_phone).toBeUndefined();
  });

  it('refuses an email address or phone number that cannot reach anyone', () => {
    expect(workshopRequestErrors({ ...valid, contact_email: 'ana at example' })).toEqual({ contact_email: 'contactEmail.invalid' });
    expect(workshopRequestErrors({ ...valid, contact_phone: '12345' })).toEqual({ contact_phone: 'contactPhone.invalid' });
    expect(workshopRequestErrors({ ...valid, contact_language: 'Spanish' })).toEqual({ contact_language: 'contactLanguage.invalid' });
  });

  it('trims names and notes, and counts characters as the database does', () => {
    const parsed = workshopRequestSchema.parse({ ...valid, business_name: '  Corner Grocery\n', notes: '  Back door on the alley. ' });
    expect(parsed.business_name).toBe('Corner Grocery');
    expect(parsed.notes).toBe('Back door on the alley.');
    expect(workshopRequestErrors({ ...valid, notes: '🛒'.repeat(2000) })).toEqual({});
    expect(workshopRequestErrors({ ...valid, notes: '🛒'.repeat(2001) })).toEqual({ notes: 'notes.tooLong' });
    expect(workshopRequestErrors({ ...valid, business_name: ' ' })).toEqual({ business_name: 'businessName.missing' });
    expect(workshopRequestErrors({ ...valid, address: 'a'.repeat(301) })).toEqual({ address: 'address.tooLong' });
  });

  it('wants two or three different times, after now and within a year', () => {
    expect(workshopRequestErrors({ ...valid, preferred_times: [inDays(7)] })).toEqual({ preferred_times: 'preferredTimes.count' });
    expect(workshopRequestErrors({ ...valid, preferred_times: [inDays(1), inDays(2), inDays(3), inDays(4)] })).toEqual({ preferred_times: 'preferredTimes.count' });
    expect(workshopRequestErrors({ ...valid, preferred_times: [inDays(-1), inDays(2)] })).toEqual({ preferred_times: 'preferredTimes.outOfRange' });
    expect(workshopRequestErrors({ ...valid, preferred_times: [inDays(2), inDays(366)] })).toEqual({ preferred_times: 'preferredTimes.outOfRange' });
    // The same instant written in two time zones is one choice.
    const at = new Date(Date.now() + 7 * day);
    at.setUTCHours(15, 0, 0, 0);
    const elsewhere = at.toISOString().replace('15:00:00.000Z', '10:00:00-05:00');
    expect(workshopRequestErrors({ ...valid, preferred_times: [at.toISOString(), elsewhere] })).toEqual({ preferred_times: 'preferredTimes.same' });
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
      business_name: 'businessName.missing',
      address: 'address.missing',
      contact_name: 'contactName.missing',
      contact_email: 'contact.missing',
      attendees: 'attendees.missing',
      preferred_times: 'preferredTimes.count',
    });
    // A value too long for its field does not hide the problems of the others.
    const tooMany = [inDays(1), inDays(2), inDays(3), inDays(4)];
    expect(workshopRequestErrors({ ...valid, workshop: 'w'.repeat(81), contact_email: '', preferred_times: tooMany })).toEqual({
      workshop: 'workshop.missing',
      contact_email: 'contact.missing',
      preferred_times: 'preferredTimes.count',
    });
  });
});
