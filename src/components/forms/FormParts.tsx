// The pieces every resident's form shares, so that tips, watch groups and
// workshop requests look, read and behave alike: labelled fields with their
// hint and error tied to them, an error summary that takes focus, a honeypot,
// what the form keeps, the "saved on this device" notice and the receipt panel.
import { useEffect, useRef, type ReactNode } from 'react';

export const fieldClass = 'block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base aria-invalid:border-alert-700';
export const buttonClass =
  'min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60';
export const secondaryButtonClass = 'min-h-11 rounded-md border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** The control's id; its hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children(control: ControlProps): ReactNode;
}

/** A label, an optional hint and error, and the control they describe. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="font-semibold text-alert-700">
      {error}
    </p>
  );
}

interface ErrorSummaryProps {
  /** Field name → sentence; each links to `#${idPrefix}-${field}`. */
  errors: Record<string, string>;
  problem?: string;
  idPrefix: string;
  heading: string;
}

/** What to correct, focused when it appears so a screen reader reads it at once. */
export function ErrorSummary({ errors, problem, idPrefix, heading }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    box.current?.focus();
  }, [errors, problem]);
  if (entries.length === 0 && !problem) return null;
  return (
    <div ref={box} tabIndex={-1} role="alert" className="rounded-md border-2 border-alert-700 p-4">
      {problem ? (
        <p>{problem}</p>
      ) : (
        <>
          <p className="font-semibold">{heading}</p>
          <ul className="mt-2 list-disc pl-6">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${idPrefix}-${field}`} className="text-alert-700 underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A field people never see or reach: only bots fill it. */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor={`${id}-website`}>{label}</label>
      <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

interface WhatWeKeepProps {
  id: string;
  t: { heading: string; kept: string; notKept: string };
  /** 3 inside a form whose heading is an h2; 2 when the form's heading is the page's h1. */
  headingLevel?: 2 | 3;
  /** Anything more the form has to say about what it keeps. */
  children?: ReactNode;
}

/** What is kept of the submission and what is not, said before the send button. */
export function WhatWeKeep({ id, t, headingLevel = 3, children }: WhatWeKeepProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`${id}-stored`} className="space-y-2 rounded-md bg-slate-100 p-4 text-sm">
      <Heading id={`${id}-stored`} className="font-semibold">
        {t.heading}
      </Heading>
      <p>{t.kept}</p>
      <p>{t.notKept}</p>
      {children}
    </section>
  );
}

type HeadingLevel = 1 | 2;
const headingTag = (level: HeadingLevel) => (level === 1 ? 'h1' : 'h2');

/** Sent to the browser's queue, not yet to the server. */
export function SavedOnDevice({ id, heading, text, headingLevel = 1 }: { id: string; heading: string; text: string; headingLevel?: HeadingLevel }) {
  const Heading = headingTag(headingLevel);
  return (
    <section aria-labelledby={`${id}-waiting`} className="space-y-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-6">
      <Heading id={`${id}-waiting`} className="text-2xl font-bold">
        {heading}
      </Heading>
      <p role="status">{text}</p>
    </section>
  );
}

interface ReceiptPanelProps {
  id: string;
  headingLevel?: HeadingLevel;
  t: { heading: string; receiptLabel: string; keepIt: string; checkLater: string; print: string; another: string };
  receipt: string;
  statusUrl: string;
  onAnother(): void;
}

/** The code, shown once, with what to do with it; the heading takes focus. */
export function ReceiptPanel({ id, headingLevel = 1, t, receipt, statusUrl, onAnother }: ReceiptPanelProps) {
  const Heading = headingTag(headingLevel);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={`${id}-received`} className="space-y-4 rounded-lg border border-green-700 bg-green-50 p-6">
      <Heading id={`${id}-received`} ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {t.heading}
      </Heading>
      <p>
        {t.receiptLabel}:{' '}
        <strong className="block font-mono text-3xl tracking-wider" data-testid="receipt">
          {receipt}
        </strong>
      </p>
      <p>{t.keepIt}</p>
      <p>
        <a href={statusUrl} className="text-brand-700 underline">
          {t.checkLater}
        </a>
      </p>
      <div className="no-print flex flex-wrap gap-3">
        <button type="button" onClick={() => window.print()} className={buttonClass}>
          {t.print}
        </button>
        <button type="button" onClick={onAnother} className={secondaryButtonClass}>
          {t.another}
        </button>
      </div>
    </section>
  );
}
