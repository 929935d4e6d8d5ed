// Sends a tip through the submit_tip RPC. The idempotency key is made once per
// tip by the form and reused on every retry, so a retry never stores it twice
// and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/submission.ts';
import type { Tip } from './tip.schema.ts';

export interface TipReceipt {
  receipt: string;
}

export function submitTip(client: RpcClient, tip: Tip, idempotencyKey: string): Promise<SubmissionOutcome<TipReceipt>> {
  return callSubmission<TipReceipt>(client, 'submit_tip', {
    category: tip.category,
    description: tip.description,
    idempotency_key: idempotencyKey,
    // Only what was given: the API's defaults stand for the rest.
    ...(tip.beat ? { beat: tip.beat } : {}),
    ...(tip.occurredAt ? { occurred_at: tip.occurredAt } : {}),
    ...(tip.ongoing ? { ongoing: true } : {}),
    ...(tip.place ? { place: tip.place } : {}),
    ...(tip.latitude !== undefined && tip.longitude !== undefined ? { latitude: tip.latitude, longitude: tip.longitude } : {}),
    ...(tip.vehicleDescription ? { vehicle_description: tip.vehicleDescription } : {}),
    ...(tip.personDescription ? { person_description: tip.personDescription } : {}),
    ...(tip.contactName ? { contact_name: tip.contactName } : {}),
    ...(tip.contactEmail ? { contact_email: tip.contactEmail } : {}),
    ...(tip.contactPhone ? { contact_phone: tip.contactPhone } : {}),
    ...(tip.contactLanguage ? { contact_language: tip.contactLanguage } : {}),
  });
}
