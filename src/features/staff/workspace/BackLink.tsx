// The way back from a view of the workspace (an item, the summary, the staff
// accounts): a real link, so it opens in a new tab too, handled here when the
// view can go back without a page load.
import type { ReactNode } from 'react';

export default function BackLink({ href, onClick, children, hint }: { href: string; onClick?(): void; children: ReactNode; hint?: string }) {
  return (
    <p>
      <a
        href={href}
        onClick={(event) => {
          if (!onClick) return;
          event.preventDefault();
          onClick();
        }}
        className="text-brand-700 underline"
      >
        {children}
      </a>
      {hint && <span className="text-sm text-slate-700"> {hint}</span>}
    </p>
  );
}
