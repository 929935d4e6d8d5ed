import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertDeliveries, alertSubscriptionErrors, alertTopics } from './alerts.schema.ts';

const migration = readFileSync(new URL('../../../supabase/migrations/20261122001700_beat_alerts.sql', import.meta.url), 'utf8');
const enumLabels = (name: string) => [...(new RegExp(`create type public\\.${name} as enum \\(([^)]*)\\)`).exec(migration)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);

const valid = { email: 'ana@example.org', language: 'en', area: 'beat:101', topics: ['meeting_changes'], delivery: 'each_publish' };

describe('the alert subscription schema', () => {
  it('offers exactly the topics and deliveries the database knows', () => {
    expect([...alertTopics]).toEqual(enumLabels('alert_topic'));
    expect([...alertDeliveries]).toEqual(enumLabels('alert_delivery'));
  });

  it('takes a whole subscription, a district as well as a beat', () => {
    expect(alertSubscriptionErrors(valid)).toEqual({});
    expect(alertSubscriptionErrors({ ...valid, area: 'district:1', delivery: 'daily' })).toEqual({});
  });

  it('names each field a resident must correct', () => {
    expect(alertSubscriptionErrors({ ...valid, email: 'ana at example.org', area: '', topics: [] })).toEqual({
      email: 'email.invalid',
      area: 'area.missing',
      topics: 'topics.missing',
    });
    expect(alertSubscriptionErrors({ ...valid, email: ' ana@example.org ' })).toEqual({});
  });
});
