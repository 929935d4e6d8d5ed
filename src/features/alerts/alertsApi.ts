// The calls the alert pages make: subscribing goes through the shared
// submission kit (proof of work, retry key); the links in the emails carry a
// token that confirm_alerts, alert_subscription, update_alerts and
// unsubscribe_alerts take.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import { areaPattern, type AlertDelivery, type AlertSubscription, type AlertTopic } from './alerts.schema.ts';

export interface SubscribeAnswer {
  status: 'check_your_email';
}

export function subscribeToAlerts(client: RpcClient, subscription: AlertSubscription, idempotencyKey: string): Promise<SubmissionOutcome<SubscribeAnswer>> {
  const [, kind, id] = areaPattern.exec(subscription.area) ?? [];
  return callSubmission<SubscribeAnswer>(client, 'subscribe_to_alerts', {
    email: subscription.email,
    language: subscription.language,
    topics: subscription.topics,
    delivery: subscription.delivery,
    ...(kind === 'beat' ? { beat: id } : { district: id }),
    idempotency_key: idempotencyKey,
  });
}

/** A subscription as its owner's link shows it. */
export interface ManagedSubscription {
  beat: string | null;
  district: string | null;
  area_name: string;
  topics: AlertTopic[];
  delivery: AlertDelivery;
  language: string;
  token: string;
}

/** The answer, or undefined when the token is refused (expired, unknown, the subscription gone). */
export async function withToken<T>(client: RpcClient, fn: string, args: Record<string, unknown>): Promise<T | undefined> {
  const { data, error, status } = await client.rpc(fn, args);
  if (!error) return data as T;
  if (status >= 400 && status < 500) return undefined;
  throw new Error(error.message);
}

/** The token in the page's address (?token=…), as the emails' links carry it. */
export function tokenInAddress(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}
