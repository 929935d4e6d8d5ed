import { describe, expect, it } from 'vitest';
import { changedDeliveries, type NotificationSettings } from './notifications.ts';

const saved: NotificationSettings = { language: 'en', deliveries: { tip: 'daily', watch_group: 'daily', workshop_request: 'none', suggestion: 'daily', reply: 'immediately' } };

describe('email notification choices', () => {
  it('sends only the kinds whose choice changed', () => {
    expect(changedDeliveries(saved, { language: 'es', deliveries: { ...saved.deliveries, tip: 'immediately' } })).toEqual({ tip: 'immediately' });
    expect(changedDeliveries(saved, saved)).toEqual({});
  });
});
